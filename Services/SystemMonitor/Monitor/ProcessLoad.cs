namespace CosmosHybrid.Services.SystemMonitor.Monitor;

/// <summary>One process as the monitor shows it: its share of the CPU over the last interval and its memory.</summary>
public struct ProcessLoad
{
    public long ProcessId;
    public string Name;

    /// <summary>CPU time over the interval per mille of the interval (1000 = one CPU all the time).</summary>
    public int CpuPermille;

    public long MemoryKiB;
}
