namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>
/// The error an ICMP destination-unreachable leaves on a UDP socket, as Linux keeps it for a
/// connected UDP socket: an error quoting the last datagram the socket sent (same peer address
/// and port; the host has already checked that the quoted source is ours and the local port is the
/// socket's) is kept, and the socket's next send or receive reports it once. Errors about
/// other peers, and the soft ones (fragmentation needed, source route failed), are ignored.
/// </summary>
/// <remarks>Free of the protocol core (the tools compile this folder alone): addresses are the
/// stack's 32-bit values, first byte highest.</remarks>
public sealed class UdpPeerError
{
    // ICMP destination-unreachable codes (RFC 792).
    private const byte ProtocolUnreachable = 2, PortUnreachable = 3, FragmentationNeeded = 4, SourceRouteFailed = 5, LastCode = 15;

    private uint _peerAddress;
    private ushort _peerPort;
    private NetStatus _pending;

    /// <summary>The kept error (not cleared).</summary>
    public NetStatus Pending => _pending;

    /// <summary>A datagram went to this peer: later ICMP errors must quote it.</summary>
    public void OnSent(uint address, ushort port)
    {
        _peerAddress = address;
        _peerPort = port;
    }

    /// <summary>An ICMP destination-unreachable for the socket's port; true when it was kept.</summary>
    public bool OnUnreachable(uint remote, ushort remotePort, byte code)
    {
        if (_peerPort == 0 || remote != _peerAddress || remotePort != _peerPort)
            return false;
        NetStatus status = StatusOf(code);
        if (status == NetStatus.Ok)
            return false;
        _pending = status;
        return true;
    }

    /// <summary>The kept error, cleared: a send or receive reports it once.</summary>
    public NetStatus Take()
    {
        NetStatus status = _pending;
        _pending = NetStatus.Ok;
        return status;
    }

    /// <summary>
    /// What a destination-unreachable code means to the socket (RFC 792, RFC 1812 5.2.7.1): the
    /// port or protocol refused, or the host or network unreachable (prohibited ones included);
    /// Ok for the codes that are no error of the peer (4 fragmentation needed, 5 source route failed).
    /// </summary>
    public static NetStatus StatusOf(byte code) => code switch
    {
        PortUnreachable or ProtocolUnreachable => NetStatus.ConnectionRefused,
        FragmentationNeeded or SourceRouteFailed => NetStatus.Ok,
        <= LastCode => NetStatus.HostUnreachable,
        _ => NetStatus.Ok,
    };
}
