using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;

namespace CosmosHybrid.Services.NetStack;

/// <summary>What a socket id names in the service: a TCP connection, a listener, or a bound UDP port.</summary>
internal sealed class NetSocket
{
    public const byte Tcp = 1, Listener = 2, Udp = 3;

    public int Id;
    /// <summary>The session that owns it (index into the sessions).</summary>
    public int Owner;
    public byte Kind;
    public ushort LocalPort;
    public TcpConnection Connection;
    public TcpListenQueue Listen;
    public UdpQueue Datagrams;
    /// <summary>A UDP socket's ICMP error for its last peer, reported by its next send or receive.</summary>
    public UdpPeerError PeerError;
}

/// <summary>
/// Datagrams waiting for a UDP socket: a fixed ring of slots allocated when the socket is bound,
/// so receiving allocates nothing; when full, new datagrams are dropped (and counted).
/// </summary>
internal sealed class UdpQueue
{
    public const int Slots = 8;
    public const int SlotBytes = 1472;

    private readonly byte[] _data = new byte[Slots * SlotBytes];
    private readonly int[] _lengths = new int[Slots];
    private readonly uint[] _sources = new uint[Slots];
    private readonly ushort[] _ports = new ushort[Slots];
    private int _head, _count;

    public int Count => _count;
    public long Dropped;

    public void Add(Ipv4Address source, ushort port, System.ReadOnlySpan<byte> payload)
    {
        if (_count == Slots || payload.Length > SlotBytes)
        {
            Dropped++;
            return;
        }
        int slot = (_head + _count) % Slots;
        payload.CopyTo(new System.Span<byte>(_data, slot * SlotBytes, payload.Length));
        _lengths[slot] = payload.Length;
        _sources[slot] = source.Value;
        _ports[slot] = port;
        _count++;
    }

    /// <summary>Copies the oldest datagram (cut to the destination) and removes it; returns its whole length.</summary>
    public int Take(System.Span<byte> destination, out uint source, out ushort port)
    {
        int slot = _head;
        int length = _lengths[slot];
        int copied = length < destination.Length ? length : destination.Length;
        new System.ReadOnlySpan<byte>(_data, slot * SlotBytes, copied).CopyTo(destination);
        source = _sources[slot];
        port = _ports[slot];
        _head = (_head + 1) % Slots;
        _count--;
        return copied;
    }
}

/// <summary>A program's session: its event port, the token that proves a request is its own, and an echo in flight.</summary>
internal sealed class NetSession
{
    public bool Active;
    public ulong Token;
    public long EventPort;
    /// <summary>The process that opened the session (PortCallerProcess at Connect); 0 when the kernel did not say.</summary>
    public long ProcessId;
    /// <summary>It was told WouldBlock and waits for an event.</summary>
    public bool Waiting;
    public int Sockets;
    public ushort EchoSequence;
    public ulong EchoSentTicks;
    public long EchoRoundTripMicroseconds = -1;
    public uint EchoFrom;
    public int DnsHandle;
}
