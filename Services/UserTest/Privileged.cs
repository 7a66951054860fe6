using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.UserTest;

/// <summary>A privileged instruction (CLI) executed in ring 3: the CPU raises #GP.</summary>
internal static class Privileged
{
    [DllImport("*", EntryPoint = "usertest_cli"), SuppressGCTransition]
    public static extern int DisableInterrupts();
}
