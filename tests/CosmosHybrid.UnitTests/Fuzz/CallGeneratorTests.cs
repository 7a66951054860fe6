using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Fuzz;

public unsafe class CallGeneratorTests
{
    private const int ScratchBytes = 4 * 4096;
    private IntPtr _scratch;

    [SetUp]
    public void AllocateScratch() => _scratch = Marshal.AllocHGlobal(ScratchBytes);

    [TearDown]
    public void FreeScratch() => Marshal.FreeHGlobal(_scratch);

    private CallGenerator Generator(ulong seed, FuzzRole role) => new CallGenerator(seed, role, new FuzzLayout
    {
        Scratch = (ulong)_scratch,
        ScratchBytes = ScratchBytes,
        CodeAddress = 0x40_1000,
        StackAddress = 0x7FFF_0000_0000,
        SelfProcessId = 9,
    });

    [Test]
    public void TheSameSeedMakesTheSameCalls()
    {
        CallGenerator a = Generator(1, FuzzRole.Main);
        FuzzCall[] first = new FuzzCall[2000];
        for (int i = 0; i < first.Length; i++)
            first[i] = a.Next();
        CallGenerator b = Generator(1, FuzzRole.Main);
        for (int i = 0; i < first.Length; i++)
            Assert.That(b.Next().ToString(), Is.EqualTo(first[i].ToString()), "call " + i);
    }

    [TestCase(FuzzRole.Main)]
    [TestCase(FuzzRole.Child)]
    public void NeverPowersOffNorReadsTheConsole(FuzzRole role)
    {
        CallGenerator generator = Generator(2, role);
        for (int i = 0; i < 100_000; i++)
        {
            long number = generator.Next().Number;
            Assert.That(number, Is.Not.EqualTo((long)SyscallNumber.PowerOff));
            Assert.That(number, Is.Not.EqualTo((long)SyscallNumber.ConsoleRead));
        }
    }

    [Test]
    public void TheMainProcessKeepsItselfAliveAndItsOutput()
    {
        CallGenerator generator = Generator(3, FuzzRole.Main);
        for (int i = 0; i < 100_000; i++)
        {
            FuzzCall call = generator.Next();
            Assert.That(Exclusions.IsChildOnly(call.Number), Is.False, call.ToString());
            switch ((SyscallNumber)call.Number)
            {
                case SyscallNumber.HandleClose:
                case SyscallNumber.FileClose:
                case SyscallNumber.FileWrite:
                case SyscallNumber.HandleDuplicate:
                    Assert.That(Exclusions.IsProtectedHandle(call.A0), Is.False, call.ToString());
                    break;
                case SyscallNumber.Kill:
                    Assert.That(call.A0, Is.Not.EqualTo(9), "kills itself: " + call);
                    break;
                case SyscallNumber.UnmapMemory:
                    // Only its own fuzz mappings (none noted here) or addresses that are no mapping's start in user space.
                    Assert.That((ulong)call.A0 < 0x40_0000 || (ulong)call.A0 >= 0x7FFF_FFFE_0000 || (call.A0 & 0xFFF) != 0 || call.A0 == (long)_scratch + ScratchBytes
                        || ((ulong)call.A0 >= (ulong)_scratch + ScratchBytes && (ulong)call.A0 < (ulong)_scratch + ScratchBytes + 4096)
                        || (ulong)call.A0 == 0x1234_5678_9ABC_DEF0UL, Is.True, call.ToString());
                    break;
            }
        }
    }

    [Test]
    public void ForgetsTheOldestProcessWhenItsTableIsFullSoTheCallerCanReapIt()
    {
        CallGenerator generator = Generator(5, FuzzRole.Main);
        Assert.That(generator.NoteProcess(-3), Is.EqualTo(0), "a failed spawn is not remembered");
        for (long pid = 100; pid < 108; pid++)
            Assert.That(generator.NoteProcess(pid), Is.EqualTo(0), "room for " + pid);
        Assert.That(generator.NoteProcess(108), Is.EqualTo(100));
        Assert.That(generator.NoteProcess(109), Is.EqualTo(101));
    }

    [TestCase(FuzzRole.Main)]
    [TestCase(FuzzRole.Child)]
    public void KillsOnlyItsOwnProcessesOrNoProcess(FuzzRole role)
    {
        CallGenerator generator = Generator(4, role);
        generator.NoteProcess(77);
        for (int i = 0; i < 100_000; i++)
        {
            FuzzCall call = generator.Next();
            if (call.Number != (long)SyscallNumber.Kill)
                continue;
            bool own = call.A0 == 77 || (role == FuzzRole.Child && call.A0 == 9);
            bool noProcess = call.A0 <= 0 || call.A0 >= 1_000_000;
            Assert.That(own || noProcess, Is.True, call.ToString());
        }
    }

    [Test]
    public void ConsoleWritesNeverPointAtReadableMemory()
    {
        CallGenerator generator = Generator(5, FuzzRole.Child);
        ulong start = (ulong)_scratch;
        for (int i = 0; i < 100_000; i++)
        {
            FuzzCall call = generator.Next();
            if (call.Number == (long)SyscallNumber.ConsoleWrite)
                Assert.That((ulong)call.A0 < start || (ulong)call.A0 >= start + ScratchBytes, Is.True, call.ToString());
        }
    }

    [Test]
    public void DestructivePathsNameOnlyTheFuzzersOwnFiles()
    {
        CallGenerator generator = Generator(6, FuzzRole.Child);
        ulong start = (ulong)_scratch;
        for (int i = 0; i < 200_000; i++)
        {
            FuzzCall call = generator.Next();
            var number = (SyscallNumber)call.Number;
            if (number != SyscallNumber.Unlink && number != SyscallNumber.Rename && number != SyscallNumber.DirectoryCreate)
                continue;
            if ((ulong)call.A0 < start || (ulong)call.A0 >= start + ScratchBytes || call.A1 <= 0)
                continue;   // a bad pointer or length: refused before any path is read
            string path = new string((sbyte*)call.A0, 0, (int)Math.Min(call.A1, 1000));
            Assert.That(path, Does.Not.StartWith("/bin").And.Not.StartWith("/etc").And.Not.StartWith("/README").And.Not.EqualTo(".").And.Not.EqualTo(".."),
                call.ToString());
        }
    }

    [Test]
    public void TheTableOfKnownNumbersIsEveryNumberTheKernelDefines()
    {
        var defined = new System.Collections.Generic.SortedSet<long>();
        foreach (SyscallNumber number in System.Enum.GetValues<SyscallNumber>())
            defined.Add((long)number);
        Assert.That(CallGenerator.KnownNumbers, Is.EquivalentTo(defined), "a new system call goes into CallGenerator.KnownNumbers too");
    }

    [Test]
    public void EveryKnownNumberIsMade()
    {
        CallGenerator generator = Generator(7, FuzzRole.Child);
        var seen = new System.Collections.Generic.HashSet<long>();
        for (int i = 0; i < 200_000; i++)
            seen.Add(generator.Next().Number);
        foreach (long number in CallGenerator.KnownNumbers)
        {
            if (!Exclusions.IsNeverCalled(number))
                Assert.That(seen, Does.Contain(number));
        }
        Assert.That(seen, Does.Contain(-1L).Or.Contain(long.MaxValue), "invalid numbers too");
    }

    // Fault injection and volume placement are called with shaped arguments: a kind around the real
    // ones, and a mount point written into the scratch area (not just any value, as for unknown numbers).
    [Test]
    public void FaultInjectionAndPlacementAreFuzzedWithShapedArguments()
    {
        Assert.That(CallGenerator.KnownNumbers, Does.Contain((long)SyscallNumber.FaultInject).And.Contain((long)SyscallNumber.PlaceVolume));
        CallGenerator generator = Generator(3, FuzzRole.Child);
        int faultKinds = 0, placements = 0;
        for (int i = 0; i < 200_000; i++)
        {
            FuzzCall call = generator.Next();
            if (call.Number == (long)SyscallNumber.FaultInject && call.A2 >= -2 && call.A2 < 10)
                faultKinds++;
            if (call.Number == (long)SyscallNumber.PlaceVolume && (ulong)call.A1 >= (ulong)_scratch && (ulong)call.A1 < (ulong)_scratch + ScratchBytes)
                placements++;
        }
        Assert.That(faultKinds, Is.GreaterThan(100), "FaultInject calls with a kind near the real ones");
        Assert.That(placements, Is.GreaterThan(100), "PlaceVolume calls naming a path in the scratch area");
    }
}
