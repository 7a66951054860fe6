using CosmosHybrid.Services.Init.Manifest;

namespace CosmosHybrid.Services.Init;

/// <summary>A manifest service at run time: its process, what init keeps for it, how often it failed.</summary>
internal sealed class ServiceSlot
{
    public ServiceSlot(ServiceEntry entry)
    {
        Entry = entry;
    }

    public ServiceEntry Entry { get; }

    /// <summary>The running instance's process id, 0 when none runs.</summary>
    public long ProcessId { get; set; }

    /// <summary>Init's own authority handle with exactly the service's rights (0: none), handed to each instance.</summary>
    public long Authority { get; set; }

    /// <summary>Init's reservation handles, one per `name`, handed to each instance.</summary>
    public long[] Reservations { get; set; } = new long[0];

    /// <summary>Init's device handles, one per device found, handed to each instance.</summary>
    public long[] Devices { get; set; } = new long[0];

    public long StartedAt { get; set; }

    /// <summary>Uptime at which to start again (after a back-off), 0 when not waiting.</summary>
    public long RestartAt { get; set; }

    public int QuickFailures { get; set; }

    /// <summary>Uptime at which the liveness check sent the ping it still waits for; 0 when none is out.</summary>
    public long PingSentAt { get; set; }

    /// <summary>The instance that ping went to.</summary>
    public long PingedProcessId { get; set; }

    /// <summary>True once the service ended for good (not restartable, or failing too fast).</summary>
    public bool Finished { get; set; }
}
