using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// One TCP connection, driven segment by segment (<see cref="OnSegment"/>), by the program
/// (<see cref="Send"/>, <see cref="Receive"/>, <see cref="Close"/>, <see cref="Abort"/>) and by time
/// (<see cref="OnTimer"/> at <see cref="NextDeadline"/>). It follows RFC 9293's segment-arrival
/// rules, RFC 6298's retransmission timer with Karn's rule and back-off, RFC 5681 congestion
/// control with NewReno recovery (RFC 6582), RFC 1122's delayed ACK and Nagle, zero-window
/// probing, RFC 7323 window scaling and timestamps with PAWS, RFC 2018 SACK blocks on the ACKs
/// it sends, and RFC 5961's challenge ACKs against blind resets. No clock is read.
/// </summary>
public sealed class TcpConnection
{
    private const int MaxOutOfOrderRanges = 8;
    private const uint DefaultMss = 536;

    private readonly TcpSettings _settings;
    private readonly ITcpOutput _output;
    private readonly NetStatistics _statistics;
    // Both go back to the pool in TIME-WAIT (the receive buffer once the program has read it): a closed
    // connection lingers there for TimeWaitMs and would otherwise keep 128 KiB for that long.
    private readonly ByteRing _sendBuffer;
    private readonly ByteRing _receiveBuffer;
    private readonly TcpBufferPool _buffers;
    private readonly byte[] _segment;

    // Send sequence variables (RFC 9293 3.3.1). The byte at SND.UNA is _sendBuffer[0].
    private uint _iss;
    private uint _sndUna;
    private uint _sndNxt;
    private uint _sndWnd;
    private uint _sndWl1;
    private uint _sndWl2;
    private uint _maxSndWnd;
    /// <summary>The highest sequence number sent so far: after a time-out SND.NXT goes back, this does not.</summary>
    private uint _highestSent;
    private bool _synUnacknowledged;
    private int _sndScale;
    private int _mss;
    private bool _finQueued;
    private uint _finSeq;

    // Receive sequence variables.
    private uint _irs;
    private uint _rcvNxt;
    private int _rcvScale;
    private bool _finReceived;
    private uint _lastAdvertisedWindow;
    /// <summary>Out-of-order data held past RCV.NXT: [left, right) in sequence numbers, most recent first.</summary>
    private readonly List<ulong> _outOfOrder = new List<ulong>();
    private bool _outOfOrderFin;
    private uint _outOfOrderFinSeq;

    // Options agreed in the handshake.
    private bool _timestamps;
    private uint _tsRecent;
    private uint _lastAckSent;
    private bool _sack;
    private bool _offerWindowScale;

    // Timers: absolute milliseconds, long.MaxValue when off.
    private long _retransmitAt = long.MaxValue;
    private long _delayedAckAt = long.MaxValue;
    private long _persistAt = long.MaxValue;
    private long _timeWaitAt = long.MaxValue;
    private long _keepAliveAt = long.MaxValue;
    /// <summary>An orphan's FIN-WAIT-2 ends here (<see cref="Orphan"/>).</summary>
    private long _finWait2At = long.MaxValue;
    private bool _orphaned;
    private long _lastHeardAt;
    private int _keepAliveProbes;
    private bool _keepAlive;
    private TcpError _softError;
    private int _retries;
    private int _persistBackoff;
    private int _segmentsUnacked;
    private bool _passive;

    // RTT estimation (RFC 6298), in milliseconds scaled by 8 and 4 as Jacobson's code keeps them.
    private long _srtt8;
    private long _rttvar4;
    private long _rto;
    private bool _timing;
    private uint _timedSeq;
    private long _timedAt;

    // Congestion control (RFC 5681, RFC 6582).
    private uint _cwnd;
    private uint _ssthresh = 0x7FFF_FFFF;
    private int _dupAcks;
    private bool _inRecovery;
    private uint _recover;

    // The SACK scoreboard (RFC 6675, simplified): what the peer holds above SND.UNA, and how far
    // this recovery has retransmitted (HighRxt).
    private const int MaxScoreboardRanges = 16;
    private readonly List<ulong> _sacked = new List<ulong>();
    private uint _highRxt;

    private long _now;

    public Ipv4Address LocalAddress { get; }
    public ushort LocalPort { get; }
    public Ipv4Address RemoteAddress { get; }
    public ushort RemotePort { get; }
    public TcpState State { get; private set; }
    public TcpError Error { get; private set; }
    public bool NoDelay { get; set; }

    public long Retransmissions { get; private set; }
    public long FastRetransmissions { get; private set; }
    public long SegmentsSent { get; private set; }
    public long SegmentsReceived { get; private set; }

    private TcpConnection(Ipv4Address localAddress, ushort localPort, Ipv4Address remoteAddress, ushort remotePort, uint iss,
                          TcpSettings settings, ITcpOutput output, NetStatistics statistics, TcpBufferPool buffers)
    {
        LocalAddress = localAddress;
        LocalPort = localPort;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        _settings = settings ?? TcpSettings.Default;
        _output = output;
        _statistics = statistics;
        NoDelay = _settings.NoDelay;
        _buffers = buffers;
        _sendBuffer = buffers != null ? new ByteRing(buffers.Rent(_settings.SendBufferSize)) : new ByteRing(_settings.SendBufferSize);
        _receiveBuffer = buffers != null ? new ByteRing(buffers.Rent(_settings.ReceiveBufferSize)) : new ByteRing(_settings.ReceiveBufferSize);
        _segment = new byte[TcpSegment.MaxHeaderLength + _settings.LocalMss];
        _iss = iss;
        _sndUna = iss;
        _sndNxt = iss;
        _highestSent = iss;
        _recover = iss;
        _rto = _settings.InitialRtoMs;
        _mss = (int)DefaultMss;
        while (_rcvScale < 14 && (_settings.ReceiveBufferSize >> _rcvScale) > 65535)
            _rcvScale++;
        _offerWindowScale = _settings.UseWindowScale;
    }

    /// <summary>Active open: sends the SYN (RFC 9293 3.10.1).</summary>
    public static TcpConnection Connect(Ipv4Address localAddress, ushort localPort, Ipv4Address remoteAddress, ushort remotePort, uint iss,
                                        long now, ITcpOutput output, NetStatistics statistics, TcpSettings settings = null,
                                        TcpBufferPool buffers = null)
    {
        var connection = new TcpConnection(localAddress, localPort, remoteAddress, remotePort, iss, settings, output, statistics, buffers);
        connection._now = now;
        connection.State = TcpState.SynSent;
        connection._timestamps = connection._settings.UseTimestamps;
        connection._sack = connection._settings.UseSack;
        connection.SendSyn(ack: false);
        return connection;
    }

    /// <summary>
    /// Passive open: a listener got <paramref name="syn"/> (already checked to be a SYN without
    /// ACK) and answers with SYN-ACK.
    /// </summary>
    public static TcpConnection Accept(Ipv4Address localAddress, Ipv4Address remoteAddress, in TcpSegment syn, uint iss, long now,
                                       ITcpOutput output, NetStatistics statistics, TcpSettings settings = null, TcpBufferPool buffers = null)
    {
        var connection = new TcpConnection(localAddress, syn.DestinationPort, remoteAddress, syn.SourcePort, iss, settings, output, statistics, buffers);
        connection._now = now;
        connection._passive = true;
        connection.State = TcpState.SynReceived;
        connection.TakeSynOptions(syn);
        connection._irs = syn.Sequence;
        connection._rcvNxt = syn.Sequence + 1;
        connection._sndWnd = syn.Window; // never scaled in a SYN
        connection._sndWl1 = syn.Sequence;
        connection._maxSndWnd = connection._sndWnd;
        connection.SendSyn(ack: true);
        return connection;
    }

    // ---- program side ----

    /// <summary>The capacity of its send and receive buffers together (0 once TIME-WAIT released them).</summary>
    public int BufferBytes => _sendBuffer.Capacity + _receiveBuffer.Capacity;

    /// <summary>Bytes the program can read now.</summary>
    public int Available => _receiveBuffer.Count;
    /// <summary>Room in the send buffer.</summary>
    public int SendSpace => CanSend ? _sendBuffer.Free : 0;
    /// <summary>Bytes written but not yet acknowledged.</summary>
    public int SendQueued => _sendBuffer.Count;
    /// <summary>The peer has closed its side and everything before its FIN was read.</summary>
    public bool ReceiveFinished => _finReceived && _receiveBuffer.Count == 0;
    public bool IsConnected => State == TcpState.Established || State == TcpState.CloseWait;
    public long RetransmissionTimeoutMs => _rto;
    public long SmoothedRttMs => _srtt8 / 8;
    public uint CongestionWindow => _cwnd;
    public int Mss => _mss;
    public uint SendWindow => _sndWnd;

    private bool CanSend => !_finQueued && (State == TcpState.Established || State == TcpState.CloseWait
                                            || State == TcpState.SynSent || State == TcpState.SynReceived);

    /// <summary>Queues data; returns how much was taken (0 when the buffer is full, -1 when sending is over).</summary>
    public int Send(ReadOnlySpan<byte> data, long now)
    {
        int taken = Queue(data);
        Flush(now);
        return taken;
    }

    /// <summary><see cref="Send"/>'s first half: only the copy into the send buffer (a caller timing the copy apart).</summary>
    public int Queue(ReadOnlySpan<byte> data) => CanSend ? _sendBuffer.Write(data) : -1;

    /// <summary><see cref="Send"/>'s second half: sends what the windows allow.</summary>
    public void Flush(long now)
    {
        _now = now;
        if (CanSend)
            Output();
        Rescheduled();
    }

    /// <summary>Reads received data; may send a window update.</summary>
    public int Receive(Span<byte> destination, long now)
    {
        int read = Take(destination);
        AfterTake(read, now);
        return read;
    }

    /// <summary><see cref="Receive"/>'s first half: only the copy out of the receive buffer.</summary>
    public int Take(Span<byte> destination) => _receiveBuffer.Read(destination);

    /// <summary><see cref="Receive"/>'s second half after <paramref name="read"/> bytes were taken: a window update when it is worth one.</summary>
    public void AfterTake(int read, long now)
    {
        _now = now;
        if (read > 0 && (State == TcpState.Established || State == TcpState.FinWait1 || State == TcpState.FinWait2))
        {
            // Receiver-side silly window avoidance (RFC 1122 4.2.3.3): announce growth only in useful steps.
            uint window = ReceiveWindow;
            if (window - _lastAdvertisedWindow >= (uint)Math.Min(_receiveBuffer.Capacity / 2, _mss) && _lastAdvertisedWindow < window)
                SendAck();
        }
        if (read > 0)
            ReleaseBuffers(); // the last bytes of a connection in TIME-WAIT or closed were read
        Rescheduled();
    }

    /// <summary>Closes the sending side: a FIN follows the queued data (RFC 9293 3.10.4).</summary>
    public void Close(long now)
    {
        _now = now;
        switch (State)
        {
            case TcpState.SynSent:
                Terminate(TcpError.None);
                return;
            case TcpState.SynReceived:
            case TcpState.Established:
                QueueFin();
                State = TcpState.FinWait1;
                break;
            case TcpState.CloseWait:
                QueueFin();
                State = TcpState.LastAck;
                break;
            default:
                return;
        }
        Output();
        Rescheduled();
    }

    /// <summary>
    /// The program let the connection go (it closed its socket after <see cref="Close"/>): nothing will read
    /// it any more. RFC 9293 lets FIN-WAIT-2 last for ever, so a peer that never sends its FIN would keep
    /// an orphan in the table for good; like Linux (tcp_fin_timeout) an orphan waits in FIN-WAIT-2 at most
    /// <see cref="TcpSettings.OrphanFinWait2Ms"/>, then is reset. A program that only shut its sending side
    /// down still reads, and waits as long as it likes.
    /// </summary>
    public void Orphan(long now)
    {
        _now = now;
        _orphaned = true;
        StartOrphanTimeout();
        Rescheduled();
    }

    private void StartOrphanTimeout()
    {
        if (_orphaned && State == TcpState.FinWait2 && _finWait2At == long.MaxValue)
            _finWait2At = _now + _settings.OrphanFinWait2Ms;
    }

    /// <summary>Drops the connection with a RST (RFC 9293 3.10.5).</summary>
    public void Abort(long now)
    {
        _now = now;
        if (State == TcpState.SynReceived || State == TcpState.Established || State == TcpState.FinWait1 || State == TcpState.FinWait2
            || State == TcpState.CloseWait)
        {
            SendSegment(_sndNxt, TcpFlags.Rst | TcpFlags.Ack, 0, withOptions: false);
            _statistics.TcpResetsSent++;
        }
        Terminate(TcpError.Aborted);
        Rescheduled();
    }

    /// <summary>
    /// An ICMP destination-unreachable quoting one of our segments (RFC 1122 4.2.3.9, RFC 5927):
    /// only if the quoted sequence number is outstanding. Protocol and port unreachable are hard
    /// errors while connecting; net and host unreachable are kept and reported if the
    /// connection later times out.
    /// </summary>
    public void OnIcmpUnreachable(byte code, uint quotedSequence, long now)
    {
        _now = now;
        if (State == TcpState.Closed || !TcpSequence.LessOrEqual(_sndUna, quotedSequence) || !TcpSequence.Less(quotedSequence, _sndNxt))
            return;
        if ((code == IcmpMessage.CodeProtocolUnreachable || code == IcmpMessage.CodePortUnreachable) && State == TcpState.SynSent)
        {
            Terminate(TcpError.ConnectionRefused);
            Rescheduled();
            return;
        }
        if (code == IcmpMessage.CodeNetUnreachable || code == IcmpMessage.CodeHostUnreachable)
            _softError = TcpError.HostUnreachable;
    }

    /// <summary>
    /// True when a SYN for this four-tuple may start a new connection although this one lingers in
    /// TIME-WAIT (RFC 9293 3.6.1): its sequence number lies past everything received. The caller
    /// then forgets this connection and hands the SYN to the listener.
    /// </summary>
    public bool AllowsReincarnation(uint synSequence) => State == TcpState.TimeWait && TcpSequence.Greater(synSequence, _rcvNxt);

    // ---- time ----

    public long NextDeadline
        => Math.Min(Math.Min(Math.Min(_retransmitAt, _delayedAckAt), Math.Min(_persistAt, _timeWaitAt)), Math.Min(_keepAliveAt, _finWait2At));

    /// <summary>
    /// Keep-alive (RFC 1122 4.2.3.6, off unless asked for): after <see cref="TcpSettings.KeepAliveIdleMs"/>
    /// of silence an empty segment below SND.UNA makes the peer answer; after
    /// <see cref="TcpSettings.KeepAliveProbes"/> unanswered probes the connection is dropped.
    /// </summary>
    public bool KeepAlive
    {
        get => _keepAlive;
        set
        {
            _keepAlive = value;
            ScheduleKeepAlive();
            Rescheduled();
        }
    }

    private void ScheduleKeepAlive()
        => _keepAliveAt = _keepAlive && (State == TcpState.Established || State == TcpState.CloseWait)
            ? _lastHeardAt + _settings.KeepAliveIdleMs : long.MaxValue;

    private void OnKeepAliveTimeout()
    {
        if (State != TcpState.Established && State != TcpState.CloseWait)
        {
            _keepAliveAt = long.MaxValue;
            return;
        }
        if (_keepAliveProbes >= _settings.KeepAliveProbes)
        {
            SendSegment(_sndNxt, TcpFlags.Rst | TcpFlags.Ack, 0, withOptions: false);
            _statistics.TcpResetsSent++;
            Terminate(TcpError.TimedOut);
            return;
        }
        _keepAliveProbes++;
        SendSegment(_sndUna - 1, TcpFlags.Ack, 0, withOptions: true);
        _keepAliveAt = _now + _settings.KeepAliveIntervalMs;
    }

    public void OnTimer(long now)
    {
        _now = now;
        if (now >= _timeWaitAt)
        {
            Terminate(TcpError.None);
            return;
        }
        if (now >= _finWait2At)
        {
            // The peer never closed its side, and no program reads what it might still send: reset, as Linux does.
            SendSegment(_sndNxt, TcpFlags.Rst | TcpFlags.Ack, 0, withOptions: false);
            _statistics.TcpResetsSent++;
            Terminate(TcpError.TimedOut);
            return;
        }
        if (now >= _delayedAckAt)
            SendAck();
        if (now >= _retransmitAt)
            OnRetransmitTimeout();
        if (now >= _persistAt)
            OnPersistTimeout();
        if (now >= _keepAliveAt)
            OnKeepAliveTimeout();
    }

    // ---- segment arrival (RFC 9293 3.10.7) ----

    public void OnSegment(in TcpSegment segment, long now)
    {
        OnSegmentArrival(segment, now);
        ReleaseBuffers(); // after the ACK of a FIN that ended in TIME-WAIT went out with the window as it was
        Rescheduled();
    }

    private void OnSegmentArrival(in TcpSegment segment, long now)
    {
        _now = now;
        SegmentsReceived++;
        _lastHeardAt = now;
        _keepAliveProbes = 0;
        switch (State)
        {
            case TcpState.Closed:
                return;
            case TcpState.SynSent:
                OnSegmentInSynSent(segment);
                return;
        }

        // PAWS (RFC 7323 5): an old timestamp marks an old duplicate.
        if (_timestamps && segment.Options.HasTimestamps && !segment.Has(TcpFlags.Rst)
            && TcpSequence.Less(segment.Options.TimestampValue, _tsRecent))
        {
            SendAck();
            return;
        }

        // The peer repeated its SYN: our SYN-ACK was lost.
        if (State == TcpState.SynReceived && segment.Has(TcpFlags.Syn) && !segment.Has(TcpFlags.Ack) && segment.Sequence == _irs)
        {
            SendSyn(ack: true);
            return;
        }

        // First: is the segment in the window?
        uint window = ReceiveWindow;
        int length = segment.SequenceLength;
        if (!Acceptable(segment.Sequence, length, window))
        {
            if (!segment.Has(TcpFlags.Rst))
                SendAck();
            return;
        }

        // Second: RST. Only an exact match resets; anything else in the window gets a challenge ACK (RFC 5961 3).
        if (segment.Has(TcpFlags.Rst))
        {
            if (segment.Sequence != _rcvNxt)
            {
                SendAck();
                return;
            }
            if (State == TcpState.SynReceived && _passive)
                Terminate(TcpError.ConnectionReset);
            else if (State == TcpState.Closing || State == TcpState.LastAck || State == TcpState.TimeWait)
                Terminate(TcpError.None);
            else
                Terminate(TcpError.ConnectionReset);
            return;
        }

        // Fourth: a SYN in a synchronized state is answered with a challenge ACK (RFC 5961 4).
        if (segment.Has(TcpFlags.Syn))
        {
            SendAck();
            return;
        }

        // Fifth: the ACK field.
        if (!segment.Has(TcpFlags.Ack))
            return;
        if (State == TcpState.SynReceived)
        {
            if (TcpSequence.Less(_sndUna, segment.Acknowledgment) && TcpSequence.LessOrEqual(segment.Acknowledgment, _sndNxt))
            {
                State = TcpState.Established;
                _sndWnd = (uint)segment.Window << _sndScale;
                _sndWl1 = segment.Sequence;
                _sndWl2 = segment.Acknowledgment;
                _maxSndWnd = Math.Max(_maxSndWnd, _sndWnd);
            }
            else
            {
                SendReset(segment.Acknowledgment);
                return;
            }
        }
        if (!ProcessAck(segment))
            return;
        if (State == TcpState.Closed)
            return;

        if (_timestamps && segment.Options.HasTimestamps && TcpSequence.LessOrEqual(segment.Sequence, _lastAckSent))
            _tsRecent = segment.Options.TimestampValue;

        // Seventh: data.
        bool fin = segment.Has(TcpFlags.Fin);
        if (segment.Payload.Length > 0 || fin)
        {
            if (State == TcpState.Established || State == TcpState.FinWait1 || State == TcpState.FinWait2)
                TakeData(segment.Sequence, segment.Payload, fin);
            else if (State == TcpState.TimeWait && fin)
            {
                // A repeated FIN: its ACK was lost. Acknowledge and restart 2 MSL.
                SendAck();
                _timeWaitAt = _now + _settings.TimeWaitMs;
            }
            else if (segment.Payload.Length > 0 || fin)
                SendAck(); // data after the peer's FIN: nothing to take
        }
        Output();
        if (_keepAlive)
            ScheduleKeepAlive();
    }

    private void OnSegmentInSynSent(in TcpSegment segment)
    {
        bool ackAcceptable = false;
        if (segment.Has(TcpFlags.Ack))
        {
            if (TcpSequence.LessOrEqual(segment.Acknowledgment, _iss) || TcpSequence.Greater(segment.Acknowledgment, _sndNxt))
            {
                if (!segment.Has(TcpFlags.Rst))
                    SendReset(segment.Acknowledgment);
                return;
            }
            ackAcceptable = true;
        }
        if (segment.Has(TcpFlags.Rst))
        {
            if (ackAcceptable)
                Terminate(TcpError.ConnectionRefused);
            return;
        }
        if (!segment.Has(TcpFlags.Syn))
            return;

        TakeSynOptions(segment);
        _irs = segment.Sequence;
        _rcvNxt = segment.Sequence + 1;
        _sndWl1 = segment.Sequence;
        if (ackAcceptable)
        {
            _sndUna = segment.Acknowledgment;
            _synUnacknowledged = false;
            _sndWl2 = segment.Acknowledgment;
            _sndWnd = segment.Window; // never scaled in a SYN
            _maxSndWnd = _sndWnd;
            if (_timing && TcpSequence.GreaterOrEqual(_sndUna, _timedSeq))
                SampleRtt(_now - _timedAt);
            _timing = false;
            _retries = 0;
            _retransmitAt = long.MaxValue;
            State = TcpState.Established;
            if (segment.Options.HasTimestamps)
                _tsRecent = segment.Options.TimestampValue;
            SendAck();
            Output();
        }
        else
        {
            // Simultaneous open (RFC 9293 figure 8).
            _sndWnd = segment.Window;
            _maxSndWnd = _sndWnd;
            State = TcpState.SynReceived;
            SendSyn(ack: true);
        }
    }

    /// <summary>Handles SEG.ACK and the send window; false when the segment must go no further.</summary>
    private bool ProcessAck(in TcpSegment segment)
    {
        uint ack = segment.Acknowledgment;
        if (TcpSequence.Greater(ack, _highestSent))
        {
            // Acknowledges what was never sent.
            SendAck();
            return false;
        }

        uint flight = _sndNxt - _sndUna;
        if (_sack)
            RecordSack(segment.Options, ack);
        uint newWindow = (uint)segment.Window << _sndScale;
        bool windowChanged = newWindow != _sndWnd;
        if (TcpSequence.Greater(ack, _sndUna))
        {
            OnNewAck(ack);
        }
        else if (ack == _sndUna && segment.Payload.Length == 0 && !segment.Has(TcpFlags.Fin) && !windowChanged && flight > 0
                 && newWindow != 0)
        {
            OnDuplicateAck();
        }

        // Window update (RFC 9293 3.10.7.4): only from a segment no older than the last one used.
        if (TcpSequence.Less(_sndWl1, segment.Sequence) || (_sndWl1 == segment.Sequence && TcpSequence.LessOrEqual(_sndWl2, ack)))
        {
            _sndWnd = newWindow;
            _sndWl1 = segment.Sequence;
            _sndWl2 = ack;
            _maxSndWnd = Math.Max(_maxSndWnd, _sndWnd);
            if (_sndWnd > 0 && _persistAt != long.MaxValue)
            {
                // The window opened: a probe byte the peer dropped is simply sent again.
                _persistAt = long.MaxValue;
                _persistBackoff = 0;
                _sndNxt = _sndUna;
            }
        }

        bool finAcked = _finQueued && TcpSequence.Greater(_sndUna, _finSeq);
        switch (State)
        {
            case TcpState.FinWait1:
                if (finAcked)
                {
                    State = TcpState.FinWait2;
                    StartOrphanTimeout();
                }
                break;
            case TcpState.Closing:
                if (finAcked)
                    EnterTimeWait();
                break;
            case TcpState.LastAck:
                if (finAcked)
                {
                    Terminate(TcpError.None);
                    return false;
                }
                break;
        }
        return true;
    }

    private void OnNewAck(uint ack)
    {
        uint acked = ack - _sndUna;
        if (_synUnacknowledged)
        {
            // The SYN takes one sequence number but no byte of the buffer.
            _synUnacknowledged = false;
            acked--;
        }
        // So does the FIN, which comes after every byte.
        _sendBuffer.Discard((int)Math.Min(acked, (uint)_sendBuffer.Count));
        _sndUna = ack;

        if (_timing && TcpSequence.GreaterOrEqual(ack, _timedSeq))
        {
            SampleRtt(_now - _timedAt);
            _timing = false;
        }
        _retries = 0;

        if (_inRecovery)
        {
            if (TcpSequence.GreaterOrEqual(ack, _recover))
            {
                // Full acknowledgment (RFC 6582 3.2 step 3): deflate the window.
                _inRecovery = false;
                _cwnd = Math.Min(_ssthresh, Math.Max(_sndNxt - _sndUna, (uint)_mss) + (uint)_mss);
            }
            else
            {
                // Partial acknowledgment: the next hole is lost too; retransmit it at once.
                if (!_sack || !RetransmitNextHole())
                    RetransmitFirst();
                FastRetransmissions++;
                _cwnd = _cwnd > acked ? _cwnd - acked + (uint)_mss : (uint)_mss;
            }
        }
        else if (_cwnd < _ssthresh)
        {
            _cwnd += Math.Min(acked, 2u * (uint)_mss); // slow start, counting bytes (RFC 3465, L = 2)
        }
        else
        {
            _cwnd += Math.Max(1u, (uint)(_mss * _mss) / _cwnd); // congestion avoidance
        }
        _dupAcks = 0;

        // RFC 6298 5.2/5.3: stop the timer when all is acknowledged, else restart it.
        _retransmitAt = _sndUna == _sndNxt ? long.MaxValue : _now + _rto;
        if (TcpSequence.Less(_sndNxt, _sndUna))
            _sndNxt = _sndUna;
    }

    private void OnDuplicateAck()
    {
        _dupAcks++;
        if (_inRecovery)
        {
            // Each duplicate means a segment has left the network: fill the next hole the SACK
            // blocks show, or else let one more new segment go.
            if (!_sack || !RetransmitNextHole())
                _cwnd += (uint)_mss;
            return;
        }
        // RFC 6582 3.2 step 2: only start a new recovery past the last one.
        if (_dupAcks == 3 && TcpSequence.Greater(_sndUna, _recover))
        {
            uint flight = _sndNxt - _sndUna;
            _ssthresh = Math.Max(flight / 2, 2u * (uint)_mss);
            _recover = _sndNxt;
            _inRecovery = true;
            _highRxt = _sndUna;
            if (!_sack || !RetransmitNextHole())
                RetransmitFirst();
            FastRetransmissions++;
            _cwnd = _ssthresh + 3u * (uint)_mss;
        }
    }

    /// <summary>Merges the SACK blocks of an ACK into the scoreboard and drops what SND.UNA passed.</summary>
    private void RecordSack(in TcpOptions options, uint ack)
    {
        for (int i = _sacked.Count - 1; i >= 0; i--)
        {
            if (TcpSequence.LessOrEqual((uint)_sacked[i], ack))
                _sacked.RemoveAt(i);
        }
        for (int b = 0; b < options.SackBlockCount; b++)
        {
            options.GetSack(b, out uint left, out uint right);
            // Only blocks inside what is outstanding count (a D-SACK below the ACK or a lie above is ignored).
            if (!TcpSequence.Less(left, right) || TcpSequence.LessOrEqual(left, ack) || TcpSequence.Greater(right, _highestSent))
                continue;
            int index = 0;
            while (index < _sacked.Count)
            {
                uint l = (uint)(_sacked[index] >> 32), r = (uint)_sacked[index];
                if (TcpSequence.Less(r, left))
                {
                    index++;
                    continue;
                }
                if (TcpSequence.Greater(l, right))
                    break;
                left = TcpSequence.Min(left, l);
                right = TcpSequence.Max(right, r);
                _sacked.RemoveAt(index);
            }
            if (_sacked.Count < MaxScoreboardRanges)
                _sacked.Insert(index, ((ulong)left << 32) | right);
        }
    }

    /// <summary>
    /// Retransmits the first segment's worth of data past HighRxt that no SACK block covers and
    /// that lies below the highest SACKed byte (so it is very likely lost). False when there is none.
    /// </summary>
    private bool RetransmitNextHole()
    {
        if (_sacked.Count == 0)
            return false;
        uint highestSacked = (uint)_sacked[_sacked.Count - 1];
        uint from = TcpSequence.Max(_sndUna, _highRxt);
        uint limit = highestSacked;
        foreach (ulong range in _sacked)
        {
            uint l = (uint)(range >> 32), r = (uint)range;
            if (TcpSequence.LessOrEqual(l, from) && TcpSequence.Less(from, r))
                from = r;
            else if (TcpSequence.Greater(l, from))
            {
                limit = l;
                break;
            }
        }
        if (!TcpSequence.Less(from, highestSacked) || !TcpSequence.Less(from, limit))
            return false;
        int length = (int)Math.Min((uint)PayloadMss, limit - from);
        length = Math.Min(length, _sendBuffer.Count - (int)(from - _sndUna));
        if (length <= 0)
            return false;
        _timing = false;
        Retransmissions++;
        _statistics.TcpRetransmits++;
        SendData(from, length, fin: false);
        _highRxt = from + (uint)length;
        return true;
    }

    private void TakeData(uint sequence, ReadOnlySpan<byte> payload, bool fin)
    {
        bool hadData = payload.Length > 0;
        // Trim what lies before RCV.NXT (already received) and past the window.
        int offset = (int)(_rcvNxt - sequence);
        if (offset > 0)
        {
            if (offset >= payload.Length)
            {
                payload = default;
                if (!fin)
                {
                    SendAck();
                    return;
                }
            }
            else
            {
                payload = payload.Slice(offset);
            }
            sequence = _rcvNxt;
        }
        int room = _receiveBuffer.Free;
        int at = (int)(sequence - _rcvNxt);
        if (at + payload.Length > room)
        {
            payload = payload.Slice(0, Math.Max(0, room - at));
            fin = false; // the FIN lies past the window
        }

        if (sequence == _rcvNxt)
        {
            _receiveBuffer.Write(payload);
            _rcvNxt += (uint)payload.Length;
            bool filledHole = _outOfOrder.Count > 0;
            MergeOutOfOrder();
            if (fin || (_outOfOrderFin && _outOfOrderFinSeq == _rcvNxt))
            {
                TakeFin();
                return;
            }
            if (payload.Length == 0)
            {
                if (hadData)
                    SendAck(); // nothing fitted (a window probe): tell the window again
                return;
            }
            _segmentsUnacked++;
            // Acknowledge at once every second full segment, when a hole was filled, or when the push ends a burst.
            if (filledHole || _segmentsUnacked >= 2)
                SendAck();
            else if (_delayedAckAt == long.MaxValue)
                _delayedAckAt = _now + _settings.DelayedAckMs;
            return;
        }

        // Out of order: keep it in the buffer past the readable end and ask for the gap with a duplicate ACK.
        if (payload.Length > 0 && _receiveBuffer.WriteAt(at, payload))
            AddOutOfOrder(sequence, sequence + (uint)payload.Length);
        if (fin)
        {
            _outOfOrderFin = true;
            _outOfOrderFinSeq = sequence + (uint)payload.Length;
        }
        SendAck();
    }

    private void TakeFin()
    {
        _rcvNxt++;
        _finReceived = true;
        _outOfOrder.Clear();
        switch (State)
        {
            case TcpState.Established:
                State = TcpState.CloseWait;
                break;
            case TcpState.FinWait1:
                if (_finQueued && TcpSequence.Greater(_sndUna, _finSeq))
                    EnterTimeWait();
                else
                    State = TcpState.Closing;
                break;
            case TcpState.FinWait2:
                EnterTimeWait();
                break;
        }
        SendAck();
    }

    private void AddOutOfOrder(uint left, uint right)
    {
        // Merge with every range it touches, then put the result first (RFC 2018 4: most recent block first).
        for (int i = _outOfOrder.Count - 1; i >= 0; i--)
        {
            uint l = (uint)(_outOfOrder[i] >> 32), r = (uint)_outOfOrder[i];
            if (TcpSequence.LessOrEqual(left, r) && TcpSequence.LessOrEqual(l, right))
            {
                left = TcpSequence.Min(left, l);
                right = TcpSequence.Max(right, r);
                _outOfOrder.RemoveAt(i);
            }
        }
        if (_outOfOrder.Count >= MaxOutOfOrderRanges)
            _outOfOrder.RemoveAt(_outOfOrder.Count - 1); // its bytes stay in the buffer but are no longer tracked
        _outOfOrder.Insert(0, ((ulong)left << 32) | right);
    }

    private void MergeOutOfOrder()
    {
        bool merged = true;
        while (merged)
        {
            merged = false;
            for (int i = 0; i < _outOfOrder.Count; i++)
            {
                uint left = (uint)(_outOfOrder[i] >> 32), right = (uint)_outOfOrder[i];
                if (TcpSequence.LessOrEqual(left, _rcvNxt))
                {
                    if (TcpSequence.Greater(right, _rcvNxt))
                    {
                        int length = (int)(right - _rcvNxt);
                        _receiveBuffer.Commit(length);
                        _rcvNxt = right;
                    }
                    _outOfOrder.RemoveAt(i);
                    merged = true;
                    break;
                }
            }
        }
    }

    // ---- sending ----

    private uint ReceiveWindow => (uint)_receiveBuffer.Free;

    /// <summary>Sends whatever the windows, Nagle and the state allow (RFC 9293 3.8.6, RFC 1122 4.2.3.4).</summary>
    private void Output()
    {
        if (State != TcpState.Established && State != TcpState.CloseWait && State != TcpState.FinWait1
            && State != TcpState.Closing && State != TcpState.LastAck)
            return;
        while (true)
        {
            int sentData = (int)(_sndNxt - _sndUna);
            if (_finQueued && TcpSequence.Greater(_sndNxt, _finSeq))
                return; // everything including the FIN is out
            int unsent = _sendBuffer.Count - sentData;
            bool finPending = _finQueued;
            // Limited transmit (RFC 3042): each of the first two duplicate ACKs lets one new segment out.
            uint limited = !_inRecovery && _dupAcks > 0 && _dupAcks < 3 ? (uint)(_dupAcks * _mss) : 0;
            uint window = Math.Min(_sndWnd, _cwnd + limited);
            int usable = (int)Math.Max(0L, (long)window - sentData);
            int length = Math.Min(unsent, usable);
            if (length > PayloadMss)
            {
                // More than one MSS: as much as the NIC cuts (TSO), ending on a whole MSS while more data waits
                // (the last piece is then not a small one mid-stream); else one MSS.
                length = Math.Min(length, SendLimit);
                if (length > PayloadMss && length < unsent)
                    length -= length % PayloadMss;
            }

            if (_sndWnd == 0 && (unsent > 0 || finPending))
            {
                // Zero window: probe later instead of sending.
                if (_persistAt == long.MaxValue && _sndNxt == _sndUna)
                {
                    _retransmitAt = long.MaxValue;
                    _persistAt = _now + PersistInterval();
                }
                return;
            }
            bool fin = finPending && length == unsent;
            if (length <= 0 && !fin)
                return;
            if (length < PayloadMss && length < unsent && sentData > 0)
            {
                // A partial segment while more waits and data is in flight: silly window avoidance
                // (RFC 9293 3.8.6.2.1) sends it only once half the largest window seen is usable.
                // With nothing in flight it goes, or a small window would stall the connection.
                if (length < (int)(_maxSndWnd / 2))
                    return;
            }
            if (!fin && length < PayloadMss && length == unsent && !NoDelay && sentData > 0)
                return; // Nagle: one small segment in flight at a time
            SendData(_sndNxt, length, fin);
            _sndNxt += (uint)length + (fin ? 1u : 0u);
            _highestSent = TcpSequence.Max(_highestSent, _sndNxt);
            if (fin)
                return;
        }
    }

    private int PayloadMss => _timestamps ? _mss - 12 : _mss;

    /// <summary>
    /// The most data one segment handed to the output carries: one MSS, or with a NIC that cuts
    /// segments (TSO), the whole MSS its longest segment holds. Retransmissions stay one MSS.
    /// </summary>
    private int SendLimit
    {
        get
        {
            int longest = _output.Offload.MaxSegmentLength - TcpSegment.MaxHeaderLength;
            return longest <= PayloadMss ? PayloadMss : longest - longest % PayloadMss;
        }
    }

    private void SendData(uint sequence, int length, bool fin)
    {
        byte flags = TcpFlags.Ack;
        if (length > 0 && (int)(sequence - _sndUna) + length == _sendBuffer.Count)
            flags |= TcpFlags.Psh;
        if (fin)
            flags |= TcpFlags.Fin;
        bool retransmission = TcpSequence.Less(sequence, _highestSent);
        if (!retransmission && !_timing && length > 0)
        {
            _timing = true;
            _timedSeq = sequence + (uint)length;
            _timedAt = _now;
        }
        SendSegment(sequence, flags, length, withOptions: true);
        if (_retransmitAt == long.MaxValue)
            _retransmitAt = _now + _rto;
    }

    /// <summary>Sends the first unacknowledged segment again (fast retransmit, partial ACK, time-out).</summary>
    private void RetransmitFirst()
    {
        _timing = false; // Karn: no sample from a retransmitted segment
        Retransmissions++;
        _statistics.TcpRetransmits++;
        if (State == TcpState.SynSent || State == TcpState.SynReceived)
        {
            SendSyn(State == TcpState.SynReceived);
            return;
        }
        int length = Math.Min(_sendBuffer.Count, PayloadMss);
        length = Math.Min(length, (int)(_sndNxt - _sndUna));
        bool fin = _finQueued && _sndUna + (uint)length == _finSeq && TcpSequence.Greater(_sndNxt, _finSeq);
        if (length == 0 && !fin)
            return;
        SendData(_sndUna, length, fin);
    }

    private void OnRetransmitTimeout()
    {
        _retransmitAt = long.MaxValue;
        if (_sndUna == _sndNxt && State != TcpState.SynSent && State != TcpState.SynReceived)
            return;
        _retries++;
        int limit = State == TcpState.SynSent || State == TcpState.SynReceived ? _settings.SynRetries : _settings.DataRetries;
        if (_retries > limit)
        {
            if (State != TcpState.SynSent)
            {
                SendSegment(_sndNxt, TcpFlags.Rst | TcpFlags.Ack, 0, withOptions: false);
                _statistics.TcpResetsSent++;
            }
            Terminate(_softError != TcpError.None ? _softError : TcpError.TimedOut);
            return;
        }
        // RFC 6298 5.5: back off; RFC 5681 3.1: one segment, slow start again.
        _rto = Math.Min(_rto * 2, _settings.MaxRtoMs);
        if (State != TcpState.SynSent && State != TcpState.SynReceived)
        {
            uint flight = _sndNxt - _sndUna;
            _ssthresh = Math.Max(flight / 2, 2u * (uint)_mss);
            _cwnd = (uint)_mss;
            _inRecovery = false;
            _recover = _sndNxt;
            _dupAcks = 0;
            _sacked.Clear(); // the receiver may have reneged (RFC 2018 8)
            if (_sndWnd == 0)
            {
                // The peer's window closed under data in flight: probe instead.
                _sndNxt = _sndUna;
                _persistAt = _now + PersistInterval();
                return;
            }
        }
        RetransmitFirst();
        _retransmitAt = _now + _rto;
        // Go back: what followed the lost segment is sent again as the window opens.
        if (State != TcpState.SynSent && State != TcpState.SynReceived)
        {
            uint resent = (uint)Math.Min(Math.Min(_sendBuffer.Count, PayloadMss), (int)(_sndNxt - _sndUna));
            bool finResent = _finQueued && _sndUna + resent == _finSeq && TcpSequence.Greater(_sndNxt, _finSeq);
            _sndNxt = _sndUna + resent + (finResent ? 1u : 0u);
        }
    }

    private void OnPersistTimeout()
    {
        _persistAt = long.MaxValue;
        if (_sndWnd != 0)
        {
            Output();
            return;
        }
        int sentData = (int)(_sndNxt - _sndUna);
        if (_sendBuffer.Count > 0)
        {
            // One byte past the window (RFC 9293 3.8.6.1); the peer's ACK tells the window.
            _sndNxt = _sndUna;
            SendData(_sndUna, 1, fin: false);
            _retransmitAt = long.MaxValue;
            _sndNxt = _sndUna + 1;
            _highestSent = TcpSequence.Max(_highestSent, _sndNxt);
        }
        else if (_finQueued && sentData == 0)
        {
            SendData(_sndUna, 0, fin: true);
            _retransmitAt = long.MaxValue;
            _sndNxt = _sndUna + 1;
            _highestSent = TcpSequence.Max(_highestSent, _sndNxt);
        }
        _persistBackoff++;
        _persistAt = _now + PersistInterval();
    }

    private long PersistInterval() => Math.Min(_settings.MaxRtoMs, Math.Max(_rto, _settings.MinRtoMs) << Math.Min(_persistBackoff, 10));

    private void SampleRtt(long rtt)
    {
        if (rtt < 1)
            rtt = 1;
        if (_srtt8 == 0)
        {
            _srtt8 = rtt * 8;
            _rttvar4 = rtt * 2;
        }
        else
        {
            long delta = rtt - _srtt8 / 8;
            _srtt8 += delta;
            _rttvar4 += Math.Abs(delta) - _rttvar4 / 4;
        }
        _rto = Math.Min(Math.Max(_srtt8 / 8 + Math.Max(1, _rttvar4), _settings.MinRtoMs), _settings.MaxRtoMs);
    }

    private void QueueFin()
    {
        _finQueued = true;
        _finSeq = _sndUna + (uint)_sendBuffer.Count;
    }

    private void EnterTimeWait()
    {
        State = TcpState.TimeWait;
        _finWait2At = long.MaxValue;
        _retransmitAt = long.MaxValue;
        _persistAt = long.MaxValue;
        _delayedAckAt = long.MaxValue;
        _timeWaitAt = _now + _settings.TimeWaitMs;
    }

    private void Terminate(TcpError error)
    {
        State = TcpState.Closed;
        if (Error == TcpError.None)
            Error = error;
        _retransmitAt = _delayedAckAt = _persistAt = _timeWaitAt = _keepAliveAt = _finWait2At = long.MaxValue;
        ReleaseBuffers();
    }

    /// <summary>
    /// TIME-WAIT and CLOSED send no more data (everything was acknowledged, or is abandoned) and take
    /// none: the send buffer goes back to the pool at once, the receive buffer once the program has
    /// read it. A connection in TIME-WAIT then costs only its state and its header buffer.
    /// </summary>
    private void ReleaseBuffers()
    {
        if (State != TcpState.TimeWait && State != TcpState.Closed)
            return;
        // Released even with no pool to take them (a connection driven on its own): `_buffers?.Return(x.Release())`
        // would skip the Release too.
        if (_sendBuffer.Capacity > 0)
            ReturnToPool(_sendBuffer.Release());
        if (_receiveBuffer.Capacity > 0 && _receiveBuffer.Count == 0)
        {
            _outOfOrder.Clear();
            ReturnToPool(_receiveBuffer.Release());
        }
    }

    private void ReturnToPool(byte[] buffer)
    {
        if (_buffers != null)
            _buffers.Return(buffer);
    }

    /// <summary>The table that runs this connection's timers (null for a connection driven on its own).</summary>
    internal TcpEndpointTable Owner { get; set; }

    /// <summary>The table's timer queue: when it next looks at this connection (never after <see cref="NextDeadline"/>), and the slot it holds.</summary>
    internal long QueuedAt = long.MaxValue;
    internal int QueueSlot = -1;

    // After every call that may have set a timer or closed the connection: the table learns its next deadline.
    private void Rescheduled() => Owner?.Reschedule(this);

    private void TakeSynOptions(in TcpSegment syn)
    {
        var options = syn.Options;
        int peerMss = options.Mss != 0 ? options.Mss : (int)DefaultMss;
        _mss = Math.Max(64, Math.Min(peerMss, _settings.LocalMss));
        if (options.WindowScale >= 0 && _settings.UseWindowScale)
        {
            _sndScale = options.WindowScale;
        }
        else
        {
            _sndScale = 0;
            _rcvScale = 0;
            _offerWindowScale = false;
        }
        _sack = _settings.UseSack && options.SackPermitted;
        _timestamps = _settings.UseTimestamps && options.HasTimestamps;
        if (_timestamps)
            _tsRecent = options.TimestampValue;
        _cwnd = InitialWindow();
    }

    private uint InitialWindow()
        => (uint)(_mss > 2190 ? 2 * _mss : _mss > 1095 ? 3 * _mss : 4 * _mss); // RFC 5681 3.1

    private void SendSyn(bool ack)
    {
        var options = TcpOptions.None;
        options.Mss = _settings.LocalMss;
        if (_offerWindowScale)
            options.WindowScale = _rcvScale;
        options.SackPermitted = _sack;
        if (_timestamps)
        {
            options.HasTimestamps = true;
            options.TimestampValue = (uint)_now;
            options.TimestampEcho = ack ? _tsRecent : 0;
        }
        if (!ack)
            _cwnd = InitialWindow();
        ushort window = (ushort)Math.Min(ReceiveWindow, 65535u);
        // What the peer was told (a SYN's window is never scaled): reading the first bytes is then no reason for a window update.
        _lastAdvertisedWindow = window;
        int length = TcpSegment.Write(_segment, LocalAddress, RemoteAddress, LocalPort, RemotePort, _iss, ack ? _rcvNxt : 0,
                                      ack ? (byte)(TcpFlags.Syn | TcpFlags.Ack) : TcpFlags.Syn, window, options, default);
        _sndNxt = _iss + 1;
        _highestSent = TcpSequence.Max(_highestSent, _sndNxt);
        _synUnacknowledged = true;
        if (!_timing && _retries == 0)
        {
            _timing = true;
            _timedSeq = _iss + 1;
            _timedAt = _now;
        }
        _retransmitAt = _now + _rto;
        Transmit(length);
    }

    private void SendAck()
    {
        if (State == TcpState.Closed || State == TcpState.SynSent)
            return;
        SendSegment(_sndNxt, TcpFlags.Ack, 0, withOptions: true);
    }

    private void SendReset(uint sequence)
    {
        int length = TcpSegment.Write(_segment, LocalAddress, RemoteAddress, LocalPort, RemotePort, sequence, 0, TcpFlags.Rst, 0,
                                      TcpOptions.None, default);
        _statistics.TcpResetsSent++;
        Transmit(length);
    }

    /// <summary>Sends a segment whose <paramref name="payloadLength"/> bytes come from the send buffer at <paramref name="sequence"/>.</summary>
    private void SendSegment(uint sequence, byte flags, int payloadLength, bool withOptions)
    {
        var options = TcpOptions.None;
        if (withOptions && _timestamps)
        {
            options.HasTimestamps = true;
            options.TimestampValue = (uint)_now;
            options.TimestampEcho = _tsRecent;
        }
        if (withOptions && _sack && (flags & TcpFlags.Ack) != 0)
        {
            // Options and data together stay within the peer's MSS (RFC 6691): a data segment takes only the
            // blocks its room holds (a full one none; the ACKs without data carry them), or IPv4 would refuse it.
            int room = _mss - payloadLength - options.WrittenLength;
            int blocks = Math.Min(Math.Min(_outOfOrder.Count, _timestamps ? 3 : 4), Math.Max(0, (room - 4) / 8));
            for (int i = 0; i < blocks; i++)
                options.AddSack((uint)(_outOfOrder[i] >> 32), (uint)_outOfOrder[i]);
        }
        uint window = ReceiveWindow >> _rcvScale;
        if (window > 65535)
            window = 65535;
        int headerLength = TcpSegment.HeaderLengthFor(options);
        // Built where the output sends it from; a segment too long for that place is built in our own buffer as before.
        Span<byte> buffer = _output.SegmentSpace;
        if (headerLength + payloadLength > buffer.Length)
            buffer = _segment;
        if (payloadLength > 0)
            _sendBuffer.Peek((int)(sequence - _sndUna), buffer.Slice(headerLength, payloadLength));
        // The NIC finishes the checksum of a data segment when it can (and cuts one longer than one MSS, which only
        // it is sent). A bare ACK's checksum (its header only) costs less here than the NIC's context descriptor.
        bool offloaded = payloadLength > 0 && _output.Offload.Checksums;
        bool cut = payloadLength > PayloadMss;
        var offload = offloaded ? new FrameOffload(true, cut ? PayloadMss : 0) : default;
        var checksum = !offloaded ? TcpChecksumMode.Full : cut ? TcpChecksumMode.PseudoHeaderWithoutLength : TcpChecksumMode.PseudoHeader;
        int length = TcpSegment.WriteAroundPayload(buffer, LocalAddress, RemoteAddress, LocalPort, RemotePort, sequence,
                                                   (flags & TcpFlags.Ack) != 0 ? _rcvNxt : 0, flags, (ushort)window, options, payloadLength, checksum);
        AfterSend(flags, window);
        Transmit(buffer, length, offload);
    }

    private void AfterSend(byte flags, uint window)
    {
        if ((flags & TcpFlags.Ack) != 0)
        {
            _lastAckSent = _rcvNxt;
            _lastAdvertisedWindow = window << _rcvScale;
            _delayedAckAt = long.MaxValue;
            _segmentsUnacked = 0;
        }
    }

    private void Transmit(int length) => Transmit(_segment, length, default);

    private void Transmit(Span<byte> buffer, int length, FrameOffload offload)
    {
        if (length <= 0)
            return;
        SegmentsSent++;
        _statistics.Tcp.Sent++;
        _output.Transmit(this, buffer.Slice(0, length), offload);
    }

    /// <summary>The acceptability test of RFC 9293 3.10.7.4 (with its allowance for ACKs and RSTs at a zero window).</summary>
    private bool Acceptable(uint sequence, int length, uint window)
    {
        if (length == 0 || window == 0)
            return window == 0 ? sequence == _rcvNxt : InWindow(sequence, window);
        return InWindow(sequence, window) || InWindow(sequence + (uint)length - 1, window);
    }

    private bool InWindow(uint sequence, uint window)
        => TcpSequence.LessOrEqual(_rcvNxt, sequence) && TcpSequence.Less(sequence, _rcvNxt + window);
}
