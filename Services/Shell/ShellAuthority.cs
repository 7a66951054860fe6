using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// Where the shell finds its authority (PowerOff, KillAny): handle 4, the first after standard
/// I/O. init hands it there from the manifest's `rights` line; started by the kernel directly
/// (`init=shell`), the shell finds the root authority at the same number.
/// </summary>
internal static class ShellAuthority
{
    public const long Handle = StartupHandles.FirstExtra;
}
