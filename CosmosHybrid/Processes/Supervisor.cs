using CosmosHybrid.Console.Log;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;

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

    // The one place the root authority is handed out.
    private static StartupHandleList FirstProgramHandles()
    {
        var handles = new StartupHandleList((int)StartupHandles.RootAuthority);
        handles.Set(StartupHandles.RootAuthority, Authority.Root, HandleRights.RootAuthority);
        return handles;
    }
}
