using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>
/// What the fuzzer never does, whoever calls: the calls that legitimately end or disturb the
/// whole system rather than the caller. Everything else is fair game (in a child; the main
/// process keeps itself alive: see <see cref="FuzzRole.Main"/>).
/// </summary>
public static class Exclusions
{
    /// <summary>
    /// PowerOff ends the system (it needs a right the fuzzer does not hold, but the fuzzer does not
    /// rely on that); ConsoleRead waits for, and would take, the characters typed at the shell.
    /// </summary>
    public static bool IsNeverCalled(long number) =>
        number == (long)SyscallNumber.PowerOff || number == (long)SyscallNumber.ConsoleRead;

    /// <summary>Calls the main process leaves to its disposable children (they end or stop threads, or may wait for ever).</summary>
    public static bool IsChildOnly(long number) => (SyscallNumber)number switch
    {
        SyscallNumber.Exit or SyscallNumber.ExitThread or SyscallNumber.CreateThread
            or SyscallNumber.StopOtherThreads or SyscallNumber.SetThreadPointer or SyscallNumber.SetFaultEntry
            or SyscallNumber.PortCall or SyscallNumber.PortReplyWait or SyscallNumber.PortCallEx
            or SyscallNumber.StreamRead or SyscallNumber.StreamWrite => true,
        _ => false,
    };

    /// <summary>
    /// Handles the main process never names: its standard output and error (kept to print the
    /// summary), also not through a value that truncates to them.
    /// </summary>
    public static bool IsProtectedHandle(long handle)
    {
        long low = handle & 0xFFFF;
        return low == StartupHandles.StandardOutput || low == StartupHandles.StandardError;
    }
}
