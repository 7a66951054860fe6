using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>System calls given pointers into the kernel, unmapped memory, or absurd lengths must fail cleanly.</summary>
internal static class BadPointers
{
    public static int Run()
    {
        int failures = 0;
        failures += Expect("write from a kernel address", SystemCall.Call(SyscallNumber.ConsoleWrite, unchecked((long)0xFFFF_FFFF_8010_0000), 16), SyscallError.BadAddress);
        failures += Expect("write from an unmapped address", SystemCall.Call(SyscallNumber.ConsoleWrite, 0x0000_5000_0000_0000, 16), SyscallError.BadAddress);
        failures += Expect("write from a non-canonical address", SystemCall.Call(SyscallNumber.ConsoleWrite, unchecked((long)0x8000_0000_0000_0000), 16), SyscallError.BadAddress);
        failures += Expect("write with a negative length", SystemCall.Call(SyscallNumber.ConsoleWrite, 0x400000, -1), SyscallError.InvalidArgument);
        failures += Expect("read into a kernel address", SystemCall.Call(SyscallNumber.ConsoleRead, unchecked((long)0xFFFF_8000_0000_0000), 8), SyscallError.BadAddress);
        failures += Expect("read into read-only code", SystemCall.Call(SyscallNumber.ConsoleRead, 0x400000, 8), SyscallError.BadAddress);
        failures += Expect("process list into a kernel address", SystemCall.Call(SyscallNumber.ListProcesses, unchecked((long)0xFFFF_FFFF_8000_0000), 4), SyscallError.BadAddress);
        failures += Expect("spawn with an unmapped name", SystemCall.Call(SyscallNumber.Spawn, 0x0000_6000_0000_0000, 5), SyscallError.BadAddress);
        failures += Expect("spawn of a missing program", ProcessCalls.Spawn("no-such-program"), SyscallError.NotFound);
        failures += Expect("an unknown system call", SystemCall.Call((SyscallNumber)9999), SyscallError.NoSuchCall);
        failures += Expect("a huge memory request", SystemCall.Call(SyscallNumber.MapMemory, long.MaxValue), SyscallError.InvalidArgument);
        failures += Expect("wait for a missing process", ProcessCalls.Wait(99999, out _), SyscallError.NotFound);
        Console.WriteLine("bad-pointers: " + (12 - failures).ToString() + " of 12 rejected as expected");
        return failures == 0 ? 0 : 1;
    }

    private static int Expect(string what, long result, SyscallError expected)
    {
        if (result == SyscallResult.Error(expected))
            return 0;
        Console.WriteLine("bad-pointers: " + what + " returned " + result.ToString() + ", expected " + SyscallResult.Error(expected).ToString());
        return 1;
    }
}
