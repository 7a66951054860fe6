using CosmosHybrid.HarnessTests.Net.HostRuntime;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>On the host, a program's message ports are its Ring3Host process (<see cref="HostProgram"/>).</summary>
internal static class SyscallPorts
{
    public static IMessagePorts Instance => HostProgram.Current.Process;
}
