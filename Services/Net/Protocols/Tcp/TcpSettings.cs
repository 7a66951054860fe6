namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Per-connection knobs; the defaults follow the RFCs (and Linux where the RFCs allow a choice).</summary>
public sealed class TcpSettings
{
    public int SendBufferSize = 64 * 1024;
    public int ReceiveBufferSize = 64 * 1024;
    /// <summary>The MSS we announce: a 1500-byte MTU less IPv4 and TCP headers.</summary>
    public ushort LocalMss = 1460;
    public bool NoDelay;
    public bool UseTimestamps = true;
    public bool UseSack = true;
    public bool UseWindowScale = true;
    public long InitialRtoMs = 1000;
    public long MinRtoMs = 200;
    public long MaxRtoMs = 60_000;
    public long DelayedAckMs = 40;
    /// <summary>SYN transmissions before the attempt fails.</summary>
    public int SynRetries = 6;
    /// <summary>Retransmissions of data (or FIN) before the connection is declared dead.</summary>
    public int DataRetries = 15;
    /// <summary>2 MSL; RFC 9293 suggests 2 minutes, Linux uses 60 s.</summary>
    public long TimeWaitMs = 60_000;
    /// <summary>How long a connection whose program closed its socket waits in FIN-WAIT-2 for the peer's FIN (Linux's tcp_fin_timeout).</summary>
    public long OrphanFinWait2Ms = 60_000;
    /// <summary>Keep-alive (when a socket turns it on): idle time before the first probe, RFC 1122's two hours.</summary>
    public long KeepAliveIdleMs = 7_200_000;
    public long KeepAliveIntervalMs = 75_000;
    public int KeepAliveProbes = 9;

    public static readonly TcpSettings Default = new TcpSettings();
}
