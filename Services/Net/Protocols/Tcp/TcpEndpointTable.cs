using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// Routes received segments to their connection by the four-tuple, to a listener by port, or
/// answers them with a RST (RFC 9293 3.10.7.1); runs the connections' timers and forgets closed
/// ones. Initial sequence numbers follow RFC 6528: a 4 µs clock plus a keyed hash of the tuple.
/// </summary>
public sealed class TcpEndpointTable
{
    private readonly struct Tuple : IEquatable<Tuple>
    {
        public readonly ulong Addresses;
        public readonly uint Ports;

        public Tuple(Ipv4Address local, ushort localPort, Ipv4Address remote, ushort remotePort)
        {
            Addresses = ((ulong)local.Value << 32) | remote.Value;
            Ports = ((uint)localPort << 16) | remotePort;
        }

        public bool Equals(Tuple other) => Addresses == other.Addresses && Ports == other.Ports;
        public override bool Equals(object obj) => obj is Tuple other && Equals(other);
        public override int GetHashCode() => (int)(Addresses ^ (Addresses >> 32) ^ ((ulong)Ports * 2654435761u));
    }

    private readonly Dictionary<Tuple, TcpConnection> _connections = new Dictionary<Tuple, TcpConnection>();
    private readonly Dictionary<ushort, TcpListenQueue> _listeners = new Dictionary<ushort, TcpListenQueue>();
    private readonly TcpBufferPool _buffers = new TcpBufferPool();
    /// <summary>
    /// Every connection of the table by when it is next due: <see cref="Poll"/> looks only at those
    /// whose time came, not at every connection once per frame or per deadline (a server keeps
    /// thousands of connections in TIME-WAIT).
    /// </summary>
    private readonly TcpTimerQueue _timers = new TcpTimerQueue();
    private readonly NetStatistics _statistics;
    private readonly ITcpOutput _output;
    private readonly uint _secret;

    public TcpEndpointTable(ITcpOutput output, NetStatistics statistics, uint secret)
    {
        _output = output;
        _statistics = statistics;
        _secret = secret;
    }

    public int ConnectionCount => _connections.Count;

    /// <summary>How many times <see cref="Poll"/> found a connection's time come (the rest of its calls had nothing due).</summary>
    public long Walks { get; private set; }

    /// <summary>How many connections <see cref="Poll"/> has looked at (only those whose time came).</summary>
    public long Visits { get; private set; }

    /// <summary>Buffers given back by connections in TIME-WAIT or closed, for new ones.</summary>
    public TcpBufferPool Buffers => _buffers;

    /// <summary>Every live connection, for netstat.</summary>
    public void CopyConnections(List<TcpConnection> destination)
    {
        foreach (var pair in _connections)
            destination.Add(pair.Value);
    }

    public bool Listen(TcpListenQueue listener)
    {
        if (_listeners.ContainsKey(listener.LocalPort))
            return false;
        _listeners[listener.LocalPort] = listener;
        return true;
    }

    public void StopListening(ushort port) => _listeners.Remove(port);

    public bool IsPortInUse(ushort port)
    {
        if (_listeners.ContainsKey(port))
            return true;
        foreach (var pair in _connections)
        {
            if (pair.Value.LocalPort == port)
                return true;
        }
        return false;
    }

    public TcpConnection Connect(Ipv4Address local, ushort localPort, Ipv4Address remote, ushort remotePort, long now, TcpSettings settings = null)
    {
        var tuple = new Tuple(local, localPort, remote, remotePort);
        if (_connections.TryGetValue(tuple, out var existing) && existing.State != TcpState.Closed)
            return null;
        var connection = TcpConnection.Connect(local, localPort, remote, remotePort, InitialSequence(tuple, now), now, _output, _statistics, settings,
                                               _buffers);
        Add(tuple, connection);
        return connection;
    }

    /// <summary>
    /// Takes the TCP bytes of an IPv4 packet. A RST to send back (for a segment that belongs to
    /// nothing) is written to <paramref name="reset"/> with its length in <paramref name="resetLength"/>.
    /// </summary>
    public void Receive(Ipv4Address source, Ipv4Address destination, ReadOnlySpan<byte> bytes, long now, Span<byte> reset, out int resetLength)
    {
        resetLength = 0;
        _statistics.Tcp.Received++;
        if (!_statistics.Tcp.Count(TcpSegment.TryParse(bytes, source, destination, out var segment)))
            return;
        var tuple = new Tuple(destination, segment.DestinationPort, source, segment.SourcePort);
        if (_connections.TryGetValue(tuple, out var connection) && segment.Has(TcpFlags.Syn) && !segment.Has(TcpFlags.Ack)
            && connection.AllowsReincarnation(segment.Sequence))
        {
            _connections.Remove(tuple); // TIME-WAIT gives way to a new connection from the same port
            _timers.Remove(connection);
            connection.Owner = null;
            connection = null;
        }
        if (connection != null && connection.State != TcpState.Closed)
        {
            _statistics.Tcp.Delivered++;
            connection.OnSegment(segment, now);
            return;
        }
        if (_listeners.TryGetValue(segment.DestinationPort, out var listener)
            && (listener.LocalAddress.IsAny || listener.LocalAddress == destination))
        {
            if (segment.Has(TcpFlags.Rst))
                return;
            if (segment.Has(TcpFlags.Syn) && !segment.Has(TcpFlags.Ack))
            {
                var accepted = listener.OnSyn(segment, destination, source, InitialSequence(tuple, now), now, _output, _buffers);
                if (accepted != null)
                {
                    Add(tuple, accepted);
                    _statistics.Tcp.Delivered++;
                }
                else
                {
                    _statistics.Tcp.Dropped++;
                }
                return;
            }
        }
        _statistics.Tcp.Dropped++;
        resetLength = TcpSegment.WriteResetFor(reset, segment, destination, source);
        if (resetLength > 0)
            _statistics.TcpResetsSent++;
    }

    /// <summary>Passes an ICMP destination-unreachable about a segment we sent to its connection.</summary>
    public void OnIcmpUnreachable(Ipv4Address local, ushort localPort, Ipv4Address remote, ushort remotePort, byte code, uint quotedSequence, long now)
    {
        if (_connections.TryGetValue(new Tuple(local, localPort, remote, remotePort), out var connection))
            connection.OnIcmpUnreachable(code, quotedSequence, now);
    }

    private void Add(Tuple tuple, TcpConnection connection)
    {
        _connections[tuple] = connection;
        connection.Owner = this;
        _timers.Add(connection, Deadline(connection));
    }

    // A closed connection is due at once: Poll forgets it.
    private static long Deadline(TcpConnection connection) => connection.State == TcpState.Closed ? long.MinValue : connection.NextDeadline;

    /// <summary>
    /// Called by a connection after anything that may have set a timer or closed it: only an earlier
    /// time moves it in the queue (a later one is found stale when it comes, and moved then).
    /// </summary>
    internal void Reschedule(TcpConnection connection)
    {
        long deadline = Deadline(connection);
        if (deadline < connection.QueuedAt && _timers.Contains(connection))
            _timers.Move(connection, deadline);
    }

    /// <summary>Runs due timers and forgets connections that are closed; returns the next time to call it (perhaps early, never late).</summary>
    public long Poll(long now)
    {
        if (now < _timers.EarliestAt)
            return _timers.EarliestAt;
        Walks++;
        // Each connection due is looked at about once: one still due after its timers ran waits for the next call.
        for (int budget = _timers.Count; budget > 0 && _timers.Count > 0 && _timers.EarliestAt <= now; budget--)
        {
            TcpConnection connection = _timers.Earliest;
            Visits++;
            if (connection.State != TcpState.Closed && connection.NextDeadline <= now)
                connection.OnTimer(now);
            if (connection.State == TcpState.Closed)
            {
                _timers.Remove(connection);
                Forget(connection);
            }
            else
            {
                _timers.Move(connection, connection.NextDeadline);
            }
        }
        return _timers.EarliestAt;
    }

    private void Forget(TcpConnection connection)
    {
        var tuple = new Tuple(connection.LocalAddress, connection.LocalPort, connection.RemoteAddress, connection.RemotePort);
        // A new connection may have taken the tuple since (Connect over a closed one).
        if (_connections.TryGetValue(tuple, out var current) && current == connection)
            _connections.Remove(tuple);
        connection.Owner = null;
    }

    private uint InitialSequence(Tuple tuple, long now)
    {
        // RFC 6528: M (a 4 microsecond counter) + F(tuple, secret).
        uint hash = _secret;
        hash = (hash ^ (uint)tuple.Addresses) * 0x01000193u;
        hash = (hash ^ (uint)(tuple.Addresses >> 32)) * 0x01000193u;
        hash = (hash ^ tuple.Ports) * 0x01000193u;
        hash ^= hash >> 15;
        return (uint)(now * 250) + hash;
    }
}
