using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// SpawnEx: a child starts with the handles its spawner names (entry i as handle i + 1), with
/// no more rights than asked for, and within the quota it was given; a bad list fails the
/// spawn and starts nothing. `spawn-handles` checks it all and prints "spawn-handles: ok";
/// `send-on HANDLE TAG` and `fill-handles` are the children it starts.
/// </summary>
internal static unsafe class SpawnHandles
{
    private const long ChildTag = 0x5A;

    private static readonly SyscallPorts Ports = SyscallPorts.Instance;

    public static int Run()
    {
        bool ok = ChildGetsThePortAtTheNamedPlace()
            & BadListsFailTheSpawn()
            & QuotaLimitsTheChild();
        Console.WriteLine("spawn-handles: " + (ok ? "ok" : "FAILED"));
        return ok ? 0 : 1;
    }

    /// <summary>The child's end of <see cref="ChildGetsThePortAtTheNamedPlace"/>: sends TAG on HANDLE.</summary>
    public static int SendOn(string rest)
    {
        int space = rest.IndexOf(' ');
        long handle = Scenarios.ParseOr(space < 0 ? rest : rest.Substring(0, space), 1);
        long tag = space < 0 ? ChildTag : Scenarios.ParseOr(rest.Substring(space + 1), (int)ChildTag);
        var message = new IpcMessage { Tag = (ulong)tag };
        long result = Ports.Send(handle, ref message, 1000);
        // A receive right was not passed on: the child must not have it.
        long receive = Ports.Receive(handle, ref message, 0);
        return result == 0 && receive == SyscallResult.Error(SyscallError.NoRight) ? 0 : 1;
    }

    /// <summary>Creates ports until the quota says no; the exit status is how many it made.</summary>
    public static int FillHandles()
    {
        int made = 0;
        while (made < 100000)
        {
            long handle = Ports.CreatePort();
            if (handle < 0)
                return handle == SyscallResult.Error(SyscallError.TooManyHandles) ? made : -1;
            made++;
        }
        return -2;
    }

    private static bool ChildGetsThePortAtTheNamedPlace()
    {
        long port = Ports.CreatePort();
        // Slots 1 and 2 stay empty: the port becomes the child's handle 3.
        var handles = new[]
        {
            new SpawnHandle(),
            new SpawnHandle(),
            new SpawnHandle { Handle = port, Rights = HandleRights.Send },
        };
        long child = ProcessCalls.Spawn("usertest send-on 3 " + ChildTag.ToString(), handles);
        if (!Expect("spawn with a port at slot 3", child > 0 ? 1 : child, 1))
            return false;
        var message = new IpcMessage();
        bool ok = Expect("the child's message arrives", Ports.Receive(port, ref message, 5000), 0)
            & Expect("with its tag", (long)message.Tag, ChildTag);
        ProcessCalls.Wait(child, out long status);
        ok &= Expect("the child could send but not receive", status, 0);
        Ports.Close(port);
        return ok;
    }

    private static bool BadListsFailTheSpawn()
    {
        long port = Ports.CreatePort();
        long noTransfer = Ports.Duplicate(port, HandleRights.Send);
        bool ok = Expect("a handle that is not open",
            ProcessCalls.Spawn("usertest exit 0", new[] { new SpawnHandle { Handle = 999, Rights = HandleRights.Send } }),
            SyscallResult.Error(SyscallError.BadHandle));
        ok &= Expect("a handle without the Transfer right",
            ProcessCalls.Spawn("usertest exit 0", new[] { new SpawnHandle { Handle = noTransfer, Rights = HandleRights.Send } }),
            SyscallResult.Error(SyscallError.NoRight));
        ok &= Expect("a list longer than the limit",
            ProcessCalls.Spawn("usertest exit 0", new SpawnHandle[StartupHandles.MaxCount + 1]),
            SyscallResult.Error(SyscallError.InvalidArgument));

        var request = new SpawnRequest { CommandLine = 0x1000, CommandLineLength = 4 };
        ok &= Expect("a command line at an unmapped address",
            SystemCall.Call(SyscallNumber.SpawnEx, (long)&request), SyscallResult.Error(SyscallError.BadAddress));
        ok &= Expect("a request at a kernel address",
            SystemCall.Call(SyscallNumber.SpawnEx, unchecked((long)0xFFFF_FFFF_8010_0000)), SyscallResult.Error(SyscallError.BadAddress));
        byte[] commandLine = Utf8.GetBytes("usertest exit 0");
        fixed (byte* name = commandLine)
        {
            request = new SpawnRequest { CommandLine = (ulong)name, CommandLineLength = commandLine.Length, Handles = 0x1000, HandleCount = 1 };
            ok &= Expect("a handle list at an unmapped address",
                SystemCall.Call(SyscallNumber.SpawnEx, (long)&request), SyscallResult.Error(SyscallError.BadAddress));
            request = new SpawnRequest { CommandLine = (ulong)name, CommandLineLength = commandLine.Length, HandleLimit = -1 };
            ok &= Expect("a negative quota",
                SystemCall.Call(SyscallNumber.SpawnEx, (long)&request), SyscallResult.Error(SyscallError.InvalidArgument));
        }
        Ports.Close(noTransfer);
        Ports.Close(port);
        return ok;
    }

    private static bool QuotaLimitsTheChild()
    {
        long child = ProcessCalls.Spawn("usertest fill-handles", new SpawnHandle[0], handleLimit: 5);
        if (!Expect("spawn with a quota of 5 handles", child > 0 ? 1 : child, 1))
            return false;
        ProcessCalls.Wait(child, out long status);
        return Expect("ports the child could make", status, 5);
    }

    private static bool Expect(string what, long actual, long expected)
    {
        if (actual == expected)
            return true;
        Console.WriteLine("  " + what + ": got " + actual.ToString() + ", expected " + expected.ToString());
        return false;
    }
}
