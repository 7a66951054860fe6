using System;
using CosmosHybrid.HarnessTests.Net.HostRuntime;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>The one raw system call the network programs make themselves on the host: MapMemory (their grantable buffers).</summary>
internal static class SystemCall
{
    public static long Call(SyscallNumber number, long a0 = 0, long a1 = 0, long a2 = 0) => number switch
    {
        SyscallNumber.MapMemory => (long)HostProgram.Current.Process.MapMemory(a0),
        _ => throw new NotSupportedException("system call " + number + " on the host"),
    };
}
