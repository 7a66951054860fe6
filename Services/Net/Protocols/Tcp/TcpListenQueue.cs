using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A LISTEN endpoint: SYNs become connections in SYN-RECEIVED until the backlog (half-open and
/// established-but-not-accepted together) is full; further SYNs are dropped and counted, which
/// bounds what a SYN flood can hold.
/// </summary>
public sealed class TcpListenQueue
{
    private readonly List<TcpConnection> _pending = new List<TcpConnection>();
    private readonly Queue<TcpConnection> _ready = new Queue<TcpConnection>();
    private readonly NetStatistics _statistics;

    public Ipv4Address LocalAddress { get; }
    public ushort LocalPort { get; }
    public int Backlog { get; }
    public TcpSettings Settings { get; }

    public TcpListenQueue(Ipv4Address localAddress, ushort localPort, int backlog, NetStatistics statistics, TcpSettings settings = null)
    {
        LocalAddress = localAddress;
        LocalPort = localPort;
        Backlog = backlog < 1 ? 1 : backlog;
        _statistics = statistics;
        Settings = settings;
    }

    public int PendingCount { get { Refresh(); return _pending.Count; } }
    public int ReadyCount { get { Refresh(); return _ready.Count; } }

    /// <summary>
    /// A segment for the listening port from no known connection. A SYN (without ACK) gets a new
    /// connection, returned for the caller to register; anything else gets null (RFC 9293 3.10.7.2:
    /// the caller answers an ACK with a RST and ignores the rest).
    /// </summary>
    public TcpConnection OnSyn(in TcpSegment segment, Ipv4Address local, Ipv4Address remote, uint iss, long now, ITcpOutput output,
                               TcpBufferPool buffers = null)
    {
        if (!segment.Has(TcpFlags.Syn) || segment.Has(TcpFlags.Ack) || segment.Has(TcpFlags.Rst))
            return null;
        Refresh();
        if (_pending.Count + _ready.Count >= Backlog)
        {
            _statistics.TcpSynDropped++;
            return null;
        }
        var connection = TcpConnection.Accept(local, remote, segment, iss, now, output, _statistics, Settings, buffers);
        _pending.Add(connection);
        return connection;
    }

    /// <summary>The next established connection, or null.</summary>
    public TcpConnection Accept()
    {
        Refresh();
        return _ready.Count > 0 ? _ready.Dequeue() : null;
    }

    private void Refresh()
    {
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var connection = _pending[i];
            if (connection.State == TcpState.SynReceived)
                continue;
            _pending.RemoveAt(i);
            if (connection.State != TcpState.Closed)
                _ready.Enqueue(connection);
        }
    }
}
