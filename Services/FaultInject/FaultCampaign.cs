using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.FaultInject.Campaign;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.FaultInject;

/// <summary>
/// One campaign: N faults into a service, one at a time. Before each fault the service answers;
/// the fault is injected (FaultInject, seed <see cref="CampaignRequest.FaultSeed"/>); then a
/// workload runs against it for a while (for echo: add calls whose answers are checked; for
/// other services: <see cref="ServicePing"/> calls on the port named after the service, which
/// net, e1000 and ui answer from their main loops, so a call that waits until init's liveness
/// check kills the instance is a hang; the real workload of those runs on the host,
/// ServiceFaultCampaignTests); a service that ended is waited for until init restarts it. Each fault gets a line and an outcome; the table and the machine's free
/// frames and kernel heap before and after close the campaign.
/// </summary>
internal sealed class FaultCampaign
{
    /// <summary>How long the workload runs after each fault.</summary>
    private const long WindowMilliseconds = 400;

    /// <summary>A failed call that waited this long was a hang (init's ping time-out for echo is 2000 ms).</summary>
    private const long HangMilliseconds = 1000;

    /// <summary>The pause between two pings of a service other than echo.</summary>
    private const long PingPauseMilliseconds = 20;

    /// <summary>How long a restart may take before the service counts as lost.</summary>
    private const long RestartPatienceMilliseconds = 20_000;

    /// <summary>
    /// After a restart the service runs this long before the next fault: init gives up on a service
    /// that fails five times within a second of starting.
    /// </summary>
    private const long SettleMilliseconds = 1200;

    private readonly string _service;
    private readonly int _faults;
    private readonly ulong _seed;
    private readonly long _authority;
    private readonly bool _echo;
    private long _port;
    private ulong _workloadState;

    public FaultCampaign(string service, int faults, ulong seed, long authority)
    {
        _service = service;
        _faults = faults;
        _seed = seed;
        _authority = authority;
        _echo = service == "echo";
        _workloadState = seed | 1;
    }

    public CampaignTally Tally { get; } = new CampaignTally();

    public bool Run()
    {
        Log("campaign: " + _faults.ToString() + " faults into '" + _service + "', seed " + _seed.ToString());
        long pid = WaitForService(0);
        if (pid == 0)
        {
            Log("'" + _service + "' is not running");
            return false;
        }
        ProcessCalls.GetMemoryInfo(out MemoryInfo before, collectKernelHeap: true);
        long pagesBefore = ServicePages(pid);
        long heldBefore = ProcessCalls.PagesHeldByRunningProcesses();
        for (int i = 0; i < _faults; i++)
        {
            pid = RunOne(i, pid);
            if (pid == 0)
                break;
        }
        // Frames are counted once the last instance settled (and whatever the last fault did is over).
        ProcessCalls.Sleep(SettleMilliseconds);
        long last = FindProcess(_service);
        ProcessCalls.GetMemoryInfo(out MemoryInfo after, collectKernelHeap: true);
        long heldAfter = ProcessCalls.PagesHeldByRunningProcesses();
        string[] table = Tally.Format();
        for (int i = 0; i < table.Length; i++)
            Log(table[i]);
        Log("free frames " + before.FreePages.ToString() + " -> " + after.FreePages.ToString()
            + ", kernel heap " + (before.KernelHeapBytes / 1024).ToString() + " -> " + (after.KernelHeapBytes / 1024).ToString() + " KiB"
            + " (live after a collection " + (before.KernelHeapLiveBytes / 1024).ToString() + " -> " + (after.KernelHeapLiveBytes / 1024).ToString() + " KiB)"
            + ", '" + _service + "' holds " + pagesBefore.ToString() + " -> " + ServicePages(last).ToString() + " pages");
        // What the frames that went are not explained by: the processes' own pages (their page tables and kernel stacks are not in them).
        Log("all processes hold " + heldBefore.ToString() + " -> " + heldAfter.ToString() + " pages; frames not held by a process: "
            + (before.FreePages + heldBefore - after.FreePages - heldAfter).ToString());
        Log("campaign done: " + Tally.Total.ToString() + " faults, " + Tally.Count(FaultOutcome.NotRestarted).ToString() + " lost");
        return true;
    }

    // Injects fault `index` into process `pid`; returns the service's process afterwards (0: lost).
    private long RunOne(int index, long pid)
    {
        ulong seed = CampaignRequest.FaultSeed(_seed, index);
        long injected = SystemCall.Call(SyscallNumber.FaultInject, _authority, pid, (long)FaultKind.Any, (long)seed);
        if (injected == -(long)SyscallError.Denied || injected == -(long)SyscallError.NoRight)
        {
            Log("FaultInject refused (" + ProcessCalls.ErrorText(injected) + "): boot with the option faultinject");
            return 0;
        }
        if (injected < 0)
        {
            // No page of the chosen kind (or the process just ended): the fault does not count.
            Log("fault " + index.ToString() + " (seed " + seed.ToString() + "): not injected (" + ProcessCalls.ErrorText(injected) + ")");
            return WaitForService(0);
        }
        var kind = (FaultKind)injected;
        FaultObservation seen = Watch(pid);
        long now = FindProcess(_service);
        seen.ProcessChanged = seen.ProcessChanged || now != pid;
        long next = now == pid ? pid : 0;
        // A call that failed while the process lives on (its reply failed): it counts if the process answers again.
        if (seen.CallFailed && !seen.ProcessChanged && Connect())
            seen.ServedAfterFailedCall = true;
        else if (seen.CallFailed || seen.ProcessChanged)
        {
            next = WaitForService(pid);
            seen.Restarted = next != 0;
        }
        FaultOutcome outcome = seen.Classify(HangMilliseconds);
        Tally.Add(kind, outcome);
        Log("fault " + index.ToString() + " (seed " + seed.ToString() + "): " + CampaignTally.KindName(kind) + ": "
            + CampaignTally.OutcomeName(outcome) + (next != pid && next != 0 ? " as process " + next.ToString() : ""));
        if (next != 0 && next != pid)
            Settle();
        return next;
    }

    // The workload for a while after a fault.
    private FaultObservation Watch(long pid)
    {
        var seen = default(FaultObservation);
        long end = ProcessCalls.UptimeMilliseconds + WindowMilliseconds;
        while (ProcessCalls.UptimeMilliseconds < end)
        {
            long started = ProcessCalls.UptimeMilliseconds;
            int wrong = ProbeCall(out long result);
            if (result < 0)
            {
                seen.CallFailed = true;
                seen.FailedCallMilliseconds = ProcessCalls.UptimeMilliseconds - started;
                break;
            }
            seen.WrongReplies += wrong;
            if (!_echo)
            {
                // A ping now and then: the service's own work goes on between them.
                ProcessCalls.Sleep(PingPauseMilliseconds);
                if (FindProcess(_service) != pid)
                {
                    seen.ProcessChanged = true;
                    break;
                }
            }
        }
        return seen;
    }

    // One call of the workload: a checked add to echo, a ping to other services; 1 when the answer is wrong.
    private int ProbeCall(out long result)
    {
        if (!_echo)
        {
            var ping = new ShortMessage(ServicePing.Tag);
            result = SyscallPorts.Instance.Call(_port, ref ping);
            return 0; // the services answer a ping with their own error tag: only the answer counts
        }
        return EchoCall(out result);
    }

    // One checked add call to echo: 1 when the answer is wrong.
    private int EchoCall(out long result)
    {
        ulong a = NextWorkload(), b = NextWorkload();
        var message = new ShortMessage(EchoService.TagAdd, a, b);
        result = SyscallPorts.Instance.Call(_port, ref message);
        if (result < 0)
            return 0;
        return message.Tag == EchoService.TagAdd && message.Word0 == a + b ? 0 : 1;
    }

    private void Settle()
    {
        long end = ProcessCalls.UptimeMilliseconds + SettleMilliseconds;
        while (ProcessCalls.UptimeMilliseconds < end)
        {
            if (_echo)
                EchoCall(out _);
            else
                ProcessCalls.Sleep(50);
        }
    }

    // Waits until the service runs as a process other than `old` and (echo) answers; 0 after the patience ran out.
    private long WaitForService(long old)
    {
        long end = ProcessCalls.UptimeMilliseconds + RestartPatienceMilliseconds;
        while (ProcessCalls.UptimeMilliseconds < end)
        {
            long pid = FindProcess(_service);
            if (pid != 0 && pid != old && Connect())
                return pid;
            ProcessCalls.Sleep(20);
        }
        return 0;
    }

    private bool Connect()
    {
        if (_port > 0)
            SyscallPorts.Instance.Close(_port);
        _port = SyscallPorts.Instance.Lookup(_echo ? EchoService.ShortPortName : _service);
        if (_port < 0)
            return false;
        int wrong = ProbeCall(out long result);
        return result >= 0 && wrong == 0;
    }

    private ulong NextWorkload()
    {
        _workloadState ^= _workloadState << 13;
        _workloadState ^= _workloadState >> 7;
        _workloadState ^= _workloadState << 17;
        return _workloadState;
    }

    private static long FindProcess(string name)
    {
        var records = new ProcessInfo[64];
        long count = ProcessCalls.List(records);
        for (int i = 0; i < count && i < records.Length; i++)
        {
            if (records[i].State == (long)ProcessState.Running && NameOf(ref records[i]) == name)
                return records[i].ProcessId;
        }
        return 0;
    }

    private static long ServicePages(long pid)
    {
        var records = new ProcessInfo[64];
        long count = ProcessCalls.List(records);
        for (int i = 0; i < count && i < records.Length; i++)
        {
            if (records[i].ProcessId == pid)
                return records[i].MemoryPages;
        }
        return 0;
    }

    private static unsafe string NameOf(ref ProcessInfo info)
    {
        fixed (byte* name = info.Name)
            return FileCalls.Decode(name, ProcessInfo.NameCapacity);
    }

    private static void Log(string message) => System.Console.WriteLine("faultinject: " + message);
}
