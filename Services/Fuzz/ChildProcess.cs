using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>Starting a child and ending it by a deadline: the fuzzer never waits for ever on a process.</summary>
internal static unsafe class ChildProcess
{
    /// <summary>Starts <paramref name="commandLine"/>; with <paramref name="withOutput"/> it shares standard output and error (never input).</summary>
    public static long Start(string commandLine, bool withOutput)
    {
        SpawnHandle[] handles = ProcessCalls.WithStandardIo(3);
        handles[0] = default;   // no standard input: nothing of the fuzzer reads the console
        if (!withOutput)
            handles[1] = handles[2] = default;
        return ProcessCalls.Spawn(commandLine, handles);
    }

    /// <summary>True once the process has ended (or is no process).</summary>
    public static bool HasEnded(long processId)
    {
        ProcessInfo info;
        long result = SystemCall.Call(SyscallNumber.GetProcessInfo, processId, (long)&info);
        return result < 0 || info.State != (long)ProcessState.Running;
    }

    /// <summary>
    /// Waits up to <paramref name="milliseconds"/> for the process to end, kills it if it has not,
    /// and collects its exit status. Returns true when it ended by itself.
    /// </summary>
    public static bool Finish(long processId, long milliseconds, out long status)
    {
        long deadline = ProcessCalls.UptimeMilliseconds + milliseconds;
        bool ended;
        while (!(ended = HasEnded(processId)) && ProcessCalls.UptimeMilliseconds < deadline)
            ProcessCalls.Sleep(10);
        if (!ended)
            ProcessCalls.Kill(processId);
        status = 0;
        ProcessCalls.Wait(processId, out status);
        return ended;
    }
}
