using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `quotas [MAXPROCESSES]`: a hostile program's greed. Opens ports until the handle quota
/// refuses, starts threads until the thread quota refuses, starts idle children until the
/// system refuses (or MAXPROCESSES, default 300), each time reporting how far it got and the
/// error; then ends the children. `idle`: sleeps until killed.
/// </summary>
internal static unsafe class QuotaScenarios
{
    public static int Run(string rest)
    {
        int maxProcesses = Scenarios.ParseOr(rest.Trim(), 300);
        Handles();
        Processes(maxProcesses);
        Threads();
        Console.WriteLine("quotas: done");
        return 0;
    }

    public static int Idle()
    {
        while (true)
            ProcessCalls.Sleep(10000);
    }

    private static void Handles()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        var opened = new List<long>();
        long result;
        while ((result = ports.CreatePort()) > 0)
            opened.Add(result);
        // What counts against the quota is every handle held, the startup ones (standard I/O) too.
        ProcessInfo self;
        long held = SystemCall.Call(SyscallNumber.GetProcessInfo, ProcessCalls.CurrentId, (long)&self) < 0 ? -1 : self.HandleCount;
        Console.WriteLine("quotas: handles " + held.ToString() + " held, " + opened.Count.ToString() + " made (" + ProcessCalls.ErrorText(result) + ")");
        for (int i = 0; i < opened.Count; i++)
            ports.Close(opened[i]);
        long again = ports.CreatePort();
        Console.WriteLine(again > 0 ? "quotas: handles usable again" : "quotas: handles still refused: " + ProcessCalls.ErrorText(again));
        if (again > 0)
            ports.Close(again);
    }

    private static void Threads()
    {
        int started = 1;   // the main thread
        long result;
        while ((result = UserThread.Start(&Park, 0, 1)) > 0)
            started++;
        Console.WriteLine("quotas: threads " + started.ToString() + " (" + ProcessCalls.ErrorText(result) + ")");
    }

    private static void Processes(int max)
    {
        var children = new List<long>();
        long result = 0;
        while (children.Count < max && (result = ProcessCalls.Spawn("usertest idle")) > 0)
            children.Add(result);
        string why = children.Count == max ? "stopped at " + max.ToString() : ProcessCalls.ErrorText(result);
        Console.WriteLine("quotas: processes " + children.Count.ToString() + " (" + why + ")");
        for (int i = 0; i < children.Count; i++)
            ProcessCalls.Kill(children[i]);
        for (int i = 0; i < children.Count; i++)
            ProcessCalls.Wait(children[i], out _);
        long probe = ProcessCalls.Spawn("usertest exit 0");
        if (probe > 0)
            ProcessCalls.Wait(probe, out _);
        Console.WriteLine(probe > 0 ? "quotas: processes usable again" : "quotas: processes still refused: " + ProcessCalls.ErrorText(probe));
    }

    private static void Park(ulong argument)
    {
        while (true)
            ProcessCalls.Sleep(10000);
    }
}
