using CosmosHybrid.Console.Log;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Streams;

namespace CosmosHybrid.Processes;

/// <summary>
/// Keeps the initial program (init; whatever `init=` names) running: when it ends, for
/// whatever reason, it is started again, until it fails too often in quick succession.
/// Everything else is init's to start and restart. Runs on the boot thread.
/// </summary>
internal static class Supervisor
{
    private const int MaxQuickRestarts = 5;
    private const ulong QuickRestartMilliseconds = 1000;

    public static void Run(string program)
    {
        int quickRestarts = 0;
        while (quickRestarts < MaxQuickRestarts)
        {
            ulong started = SystemClock.UptimeMilliseconds;
            Process process = ProcessTable.Spawn(program, out SyscallError error, handles: FirstProgramHandles());
            if (process == null)
            {
                KernelLog.WriteLine("supervisor: cannot start " + program + " (error " + ((long)error).ToString() + ")");
                return;
            }
            int status = ProcessTable.Wait(process);
            KernelLog.WriteLine("supervisor: " + program + " ended with status " + status.ToString() + "; restarting");
            quickRestarts = SystemClock.UptimeMilliseconds - started < QuickRestartMilliseconds ? quickRestarts + 1 : 0;
        }
        KernelLog.WriteLine("supervisor: " + program + " keeps failing; falling back to the boot console");
    }

    /// <summary>
    /// What a program the kernel starts gets: standard I/O on the console and the root
    /// authority at handle 4 (the one place it is handed out).
    /// </summary>
    public static StartupHandleList FirstProgramHandles()
    {
        StartupHandleList handles = ConsoleStream.StandardIo((int)StartupHandles.RootAuthority);
        handles.Set(StartupHandles.RootAuthority, Authority.Root,
            HandleRights.RootAuthority | (Boot.BootOptions.FaultInject ? HandleRights.FaultInject : HandleRights.None));
        return handles;
    }
}
