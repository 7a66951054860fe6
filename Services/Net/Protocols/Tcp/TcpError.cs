namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Why a connection ended, in the shape of the socket errors a program will see.</summary>
public enum TcpError
{
    None,
    ConnectionRefused,
    ConnectionReset,
    TimedOut,
    /// <summary>The local side aborted (RST sent).</summary>
    Aborted,
    /// <summary>Timed out after ICMP said the host or network cannot be reached.</summary>
    HostUnreachable,
}
