using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// init's liveness check for the services whose manifest entry has `ping PORT MS`: a thread
/// per such service calls its port with a <see cref="ServicePing"/> message over and over; the
/// supervising loop (<see cref="Check"/>) kills an instance that leaves a ping unanswered for
/// longer than the time-out, and the usual restart follows. A service that crashes is caught
/// by the poll anyway; this catches one that hangs.
/// </summary>
internal static unsafe class LivenessCheck
{
    private static List<ServiceSlot> s_slots;

    public static void Start(List<ServiceSlot> slots, long authority)
    {
        s_slots = slots;
        for (int i = 0; i < slots.Count; i++)
        {
            if (slots[i].Entry.PingPort == null)
                continue;
            if (UserThread.Start(&PingLoop, (ulong)i) < 0)
                InitService.Log(slots[i].Entry.Name + ": cannot start its liveness check");
        }
    }

    /// <summary>From the supervising loop: kills an instance whose ping is overdue; true when it did.</summary>
    public static bool Check(ServiceSlot slot, long now, long authority)
    {
        long sentAt = slot.PingSentAt;
        long pinged = slot.PingedProcessId;
        if (sentAt == 0 || pinged == 0 || pinged != slot.ProcessId || now - sentAt <= slot.Entry.PingTimeoutMilliseconds)
            return false;
        slot.PingSentAt = 0;
        InitService.Log(slot.Entry.Name + " (process " + pinged.ToString() + ") did not answer a ping on '" + slot.Entry.PingPort
            + "' within " + slot.Entry.PingTimeoutMilliseconds.ToString() + " ms; killing it");
        ProcessCalls.Kill(pinged, authority);
        return true;
    }

    // One thread per pinged service. Between pings it waits half the time-out; a service still
    // starting (its port not registered yet) is not pinged.
    private static void PingLoop(ulong index)
    {
        ServiceSlot slot = s_slots[(int)index];
        SyscallPorts ports = SyscallPorts.Instance;
        long interval = slot.Entry.PingTimeoutMilliseconds / 2;
        while (true)
        {
            ProcessCalls.Sleep(interval);
            long pid = slot.ProcessId;
            if (pid == 0)
                continue;
            long port = ports.Lookup(slot.Entry.PingPort);
            if (port < 0)
                continue;
            var message = new ShortMessage(ServicePing.Tag);
            slot.PingedProcessId = pid;
            slot.PingSentAt = ProcessCalls.UptimeMilliseconds;
            ports.Call(port, ref message);
            slot.PingSentAt = 0;
            ports.Close(port);
        }
    }
}
