namespace CosmosHybrid.Services.NetStack;

/// <summary>
/// Where the stack's time goes, for the per-segment figures of `./build.sh netbench --icount`:
/// the service's one thread is always in exactly one category, and <see cref="Switch"/> charges
/// the time-stamp-counter ticks since the last switch to the category it leaves. Stack: protocol
/// work and requests; Ring: taking frames from the receive ring and copying frames into the
/// shared pool for the driver (with the notifications); Copy: socket data between the
/// connection's buffers and the program's (grant or message); Idle: waiting in Receive.
/// One read of the counter and an add per switch; no allocation.
/// </summary>
internal static class PathTicks
{
    public const int Idle = 0;
    public const int Stack = 1;
    public const int Ring = 2;
    public const int Copy = 3;

    private static readonly ulong[] s_ticks = new ulong[4];
    private static int s_current;
    private static ulong s_since;

    /// <summary>Socket bytes moved in <see cref="Copy"/>, and frames of a full 1514 bytes each way.</summary>
    public static ulong CopiedBytes, FullFramesReceived, FullFramesSent;

    public const int FullFrameLength = 1514;

    /// <summary>Charges the time since the last switch and enters <paramref name="category"/>; returns the one left.</summary>
    public static int Switch(int category)
    {
        ulong now = Ticks.Now();
        s_ticks[s_current] += now - s_since;
        s_since = now;
        int previous = s_current;
        s_current = category;
        return previous;
    }

    public static ulong Of(int category) => s_ticks[category];
}
