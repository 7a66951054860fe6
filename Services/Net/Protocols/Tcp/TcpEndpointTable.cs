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
    private readonly List<TcpConnection> _scratch = new List<TcpConnection>();
    private readonly TcpBufferPool _buffers = new TcpBufferPool();
    /// <summary>
    /// No connection's timer is due before this (long.MinValue: look at every connection on the next
    /// <see cref="Poll"/>). Connections lower it as they set timers (<see cref="Reschedule"/>), so
    /// Poll walks the table only when something is due, not once per frame: a server keeps
    /// thousands of connections in TIME-WAIT.
    /// </summary>
    private long _nextDeadline = long.MinValue;
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

    /// <summary>How many times <see cref="Poll"/> looked at every connection (the rest of its calls had nothing due).</summary>
    public long Walks { get; private set; }

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
        Reschedule(connection);
    }

    /// <summary>Called by a connection after anything that may have set a timer or closed it.</summary>
    internal void Reschedule(TcpConnection connection)
    {
        long deadline = connection.State == TcpState.Closed ? long.MinValue : connection.NextDeadline;
        if (deadline < _nextDeadline)
            _nextDeadline = deadline;
    }

    /// <summary>Runs due timers and forgets connections that are closed and collected by their owner; returns the next deadline.</summary>
    public long Poll(long now)
    {
        if (now < _nextDeadline)
            return _nextDeadline;
        _nextDeadline = long.MaxValue; // timers run below may lower it again; the walk's minimum is taken with it
        Walks++;
        long next = long.MaxValue;
        _scratch.Clear();
        foreach (var pair in _connections)
        {
            var connection = pair.Value;
            if (connection.NextDeadline <= now)
                connection.OnTimer(now);
            if (connection.State == TcpState.Closed)
                _scratch.Add(connection);
            else
                next = Math.Min(next, connection.NextDeadline);
        }
        foreach (var connection in _scratch)
        {
            var tuple = new Tuple(connection.LocalAddress, connection.LocalPort, connection.RemoteAddress, connection.RemotePort);
            // A new connection may have taken the tuple since (Connect over a closed one).
            if (_connections.TryGetValue(tuple, out var current) && current == connection)
                _connections.Remove(tuple);
            connection.Owner = null;
        }
        _scratch.Clear();
        // A timer that closed a connection set long.MinValue: it was collected above.
        next = Math.Min(next, _nextDeadline == long.MinValue ? long.MaxValue : _nextDeadline);
        _nextDeadline = next;
        return next;
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
