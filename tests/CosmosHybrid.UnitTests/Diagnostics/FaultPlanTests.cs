using System.Collections.Generic;
using CosmosHybrid.Diagnostics.FaultInjection;
using CosmosHybrid.Services.Abi;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Diagnostics;

public class FaultPlanTests
{
    [Test]
    public void TheSameSeedChoosesTheSameFault()
    {
        for (ulong seed = 0; seed < 200; seed++)
        {
            FaultChoice first = FaultPlan.Choose(seed, FaultKind.Any);
            FaultChoice second = FaultPlan.Choose(seed, FaultKind.Any);
            Assert.That((second.Kind, second.Register, second.Bit, second.Pick, second.Count),
                Is.EqualTo((first.Kind, first.Register, first.Bit, first.Pick, first.Count)));
        }
    }

    [Test]
    public void AnyKindReachesEveryKindInAThousandSeeds()
    {
        var counts = new Dictionary<FaultKind, int>();
        for (ulong seed = 0; seed < 1000; seed++)
        {
            FaultKind kind = FaultPlan.Choose(seed, FaultKind.Any).Kind;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        Assert.That(counts.Keys, Is.EquivalentTo(new[] { FaultKind.Register, FaultKind.Code, FaultKind.Data, FaultKind.Heap, FaultKind.SystemCalls }));
        foreach (int count in counts.Values)
            Assert.That(count, Is.InRange(120, 280), "kinds are chosen about evenly");
    }

    [Test]
    public void ARequestedKindIsKept([Values(FaultKind.Register, FaultKind.Code, FaultKind.Data, FaultKind.Heap, FaultKind.SystemCalls)] FaultKind kind)
    {
        for (ulong seed = 0; seed < 100; seed++)
            Assert.That(FaultPlan.Choose(seed, kind).Kind, Is.EqualTo(kind));
    }

    [Test]
    public void RegisterFlipsKeepAddressesCanonicalAndFlagsHarmless()
    {
        var registers = new HashSet<UserRegister>();
        for (ulong seed = 0; seed < 5000; seed++)
        {
            FaultChoice choice = FaultPlan.Choose(seed, FaultKind.Register);
            registers.Add(choice.Register);
            Assert.That(FaultPlan.IsSafe(choice.Register, choice.Bit), Is.True, $"seed {seed}: {choice.Register} bit {choice.Bit}");
            if (choice.Register is UserRegister.Rip or UserRegister.Rsp)
                Assert.That(choice.Bit, Is.LessThan(47));
            if (choice.Register == UserRegister.Rflags)
                Assert.That(choice.Bit, Is.AnyOf(0, 2, 4, 6, 7, 10, 11));
        }
        Assert.That(registers.Count, Is.EqualTo(FaultPlan.RegisterCount), "every register gets hit");
    }

    [Test]
    public void UnsafeBitsAreRecognised()
    {
        Assert.That(FaultPlan.IsSafe(UserRegister.Rip, 47), Is.False, "a non-canonical RIP would fault at SYSRET/IRET");
        Assert.That(FaultPlan.IsSafe(UserRegister.Rsp, 63), Is.False);
        Assert.That(FaultPlan.IsSafe(UserRegister.Rflags, 9), Is.False, "IF");
        Assert.That(FaultPlan.IsSafe(UserRegister.Rflags, 12), Is.False, "IOPL");
        Assert.That(FaultPlan.IsSafe(UserRegister.Rflags, 8), Is.False, "TF");
        Assert.That(FaultPlan.IsSafe(UserRegister.Rax, 63), Is.True);
        Assert.That(FaultPlan.IsSafe(UserRegister.Rax, 64), Is.False);
    }

    [Test]
    public void PageBitsStayInsideThePageAndFailedCallsAreBounded()
    {
        for (ulong seed = 0; seed < 2000; seed++)
        {
            FaultChoice page = FaultPlan.Choose(seed, FaultKind.Heap);
            Assert.That(page.Bit, Is.InRange(0, FaultPlan.PageBits - 1));
            FaultChoice calls = FaultPlan.Choose(seed, FaultKind.SystemCalls);
            Assert.That(calls.Count, Is.InRange(1, FaultPlan.MaxFailedCalls));
        }
    }

    [Test]
    public void OnlyTheKnownKindsAreAccepted()
    {
        Assert.That(FaultPlan.IsKnown(FaultKind.Any), Is.True);
        Assert.That(FaultPlan.IsKnown(FaultKind.SystemCalls), Is.True);
        Assert.That(FaultPlan.IsKnown((FaultKind)5), Is.False);
        Assert.That(FaultPlan.IsKnown((FaultKind)(-2)), Is.False);
    }
}
