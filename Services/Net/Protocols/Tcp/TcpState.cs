namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Connection states of RFC 9293 3.3.2 (LISTEN lives in <see cref="TcpListenQueue"/>).</summary>
public enum TcpState
{
    Closed,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}
