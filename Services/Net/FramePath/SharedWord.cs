namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// A 32-bit word in memory another process shares: every read and write really happens, in
/// program order (a volatile field), so a ring's entry is written before the index that publishes it.
/// </summary>
public struct SharedWord
{
    public volatile uint Value;
}

/// <summary>
/// A 64-bit counter in shared memory, written by one side only (an aligned 64-bit store is
/// atomic on x86-64; readers may see it a little late, which counters allow).
/// </summary>
public struct SharedCounter
{
    public ulong Value;
}
