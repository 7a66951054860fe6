using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.NetStack;

/// <summary>
/// The stack's end of the frame path to the NIC driver: one pool of its own memory, lent to the
/// driver by the grant of an Attach call that a helper thread keeps open (it returns when the
/// driver detaches or dies). When it returns, the pool is laid out again and lent to the next
/// driver that registers the port: TCP state lives in the stack, so connections carry on and
/// retransmit what the old driver lost. What the driver finishes for frames (checksums, TCP
/// segmentation) is read from the pool at each attach: a new driver may offer other offloads.
/// </summary>
internal sealed unsafe class DriverLink : IOffloadingFrameOutput
{
    /// <summary>Raised on the stack's port by the attach thread when the Attach call returns.</summary>
    public const ulong AttachEndedBit = 1UL << 5;
    private const int RingCapacity = 128;

    private static readonly SyscallPorts Ports = SyscallPorts.Instance;
    // Whole pages: a 64 KiB segment for the NIC to cut takes 17 of them.
    private static readonly FramePoolLayout Layout = new FramePoolLayout(RingCapacity, 2 * RingCapacity + 32, 4096);

    // The attach thread's call (statics: the thread's entry takes no object). The thread is started
    // once and makes one call per "go" on its private port: a thread per attach would leave its
    // stack behind each time (a thread's stack is not unmapped when it ends).
    private static long s_driverForCall;
    private static IpcMessage s_request, s_reply;
    private static long s_result;
    private static long s_notifyPort;
    private static long s_goPort;
    private static volatile int s_callsEnded;
    private static ulong s_key;

    private readonly long _port;
    private byte* _region;
    private FramePool _pool;
    private FrameRingProducer _transmit;
    private FrameRingConsumer _receive;
    private long _driver;
    private bool _callOpen;
    private int _callsStarted;
    private bool _kickDue;
    /// <summary>With fewer free transmit entries than this, the driver is woken at once rather than at the end of the turn.</summary>
    private const int KickEarlyBelow = RingCapacity / 4;

    public DriverLink(long port, ulong key)
    {
        _port = port;
        s_key = key;
    }

    public bool IsAttached { get; private set; }
    /// <summary>Attachments made so far (1 after the first, more after driver restarts).</summary>
    public int Attachments { get; private set; }
    public ulong Mac { get; private set; }
    public ulong FramesReceived, FramesSent, BytesReceived, BytesSent, SendDropped;
    public bool LinkUp => IsAttached && _pool.LinkUp;
    public int LinkSpeedMbps => IsAttached ? _pool.LinkSpeedMbps : 0;
    public ulong DriverDropped => IsAttached ? _pool.ReceiveDropped->Value : 0;
    /// <summary>The driver's ticks for this attachment: whole wake-ups, and the part spent on the shared rings.</summary>
    public ulong DriverTicks => IsAttached ? _pool.WakeupTicks->Value : 0;
    public ulong DriverRingTicks => IsAttached ? _pool.RingTicks->Value : 0;
    public bool EverAttached => Attachments > 0;
    /// <summary>What the attached driver finishes (none while detached).</summary>
    public NicOffloads Offloads => IsAttached ? _offloads : NicOffloads.None;
    private NicOffloads _offloads;
    private int _maxOffloadFrame;

    public bool FinishesChecksums => (Offloads & NicOffloads.TransmitChecksums) != 0;

    public int MaxSegmentationFrame => (Offloads & NicOffloads.TcpSegmentation) != 0 ? _maxOffloadFrame : 0;

    /// <summary>Looks for the driver and lends it the pool. False when there is no driver (yet).</summary>
    public bool TryAttach()
    {
        if (_callOpen)
            return false;
        long driver = Ports.Lookup(NicProtocol.PortName);
        if (driver <= 0)
            return false;
        // The thread only once there is a driver: a machine without a NIC spends nothing on it.
        if (!StartAttachThread())
        {
            Ports.Close(driver);
            return false;
        }
        if (_region == null)
        {
            long region = SystemCall.Call(SyscallNumber.MapMemory, Layout.TotalBytes / FramePoolLayout.PageSize);
            if (region <= 0)
            {
                Ports.Close(driver);
                return false;
            }
            _region = (byte*)region;
        }
        long notify = Ports.Duplicate(_port, HandleRights.Send | HandleRights.Transfer);
        if (notify <= 0)
        {
            Ports.Close(driver);
            return false;
        }
        _pool = FramePool.Initialize(_region, Layout);
        _kickDue = false;
        _transmit = _pool.TransmitProducer();
        _receive = _pool.ReceiveConsumer();
        s_driverForCall = driver;
        s_request = NicProtocol.AttachRequest(Layout, (ulong)_region, notify);
        s_reply = default;
        _driver = driver;
        _callOpen = true;
        _callsStarted++;
        Ports.Notify(s_goPort, GoBit);
        return true;
    }

    private const ulong GoBit = 1;

    // The attach thread, once: it waits on a port only this process holds.
    private bool StartAttachThread()
    {
        if (s_goPort > 0)
            return true;
        long go = Ports.CreatePort();
        if (go <= 0)
            return false;
        s_notifyPort = _port;
        s_goPort = go;
        if (UserThread.Start(&AttachThread, 0) < 0)
        {
            Ports.Close(go);
            s_goPort = 0;
            return false;
        }
        return true;
    }

    private static void AttachThread(ulong unused)
    {
        var wake = default(IpcMessage);
        while (true)
        {
            wake = default;
            if (Ports.Receive(s_goPort, ref wake, -1) < 0 || wake.Tag != IpcMessage.NotificationTag)
                continue;
            long notify = s_request.Handle;
            ulong key = s_key; // sent as the buffer when the driver has one; it lives on this stack during the call
            if (key != 0)
            {
                s_request.BufferAddress = (ulong)&key;
                s_request.BufferLength = NicProtocol.KeyLength;
            }
            s_result = Ports.CallEx(s_driverForCall, ref s_request, ref s_reply);
            // Refused before it was sent: the notify handle is still ours (PeerClosed hands it back under a new number).
            if (s_result < 0 && s_result != SyscallResult.Error(SyscallError.PeerClosed))
                Ports.Close(notify);
            s_callsEnded++;
            Ports.Notify(s_notifyPort, AttachEndedBit);
        }
    }

    /// <summary>
    /// True when the attach thread's call has really returned (anyone holding the stack's port can
    /// raise <see cref="AttachEndedBit"/>, so the bit alone proves nothing).
    /// </summary>
    public bool CallEnded => _callOpen && s_callsEnded == _callsStarted;

    /// <summary>After <see cref="CallEnded"/>: the driver is gone (or refused us).</summary>
    public string OnAttachEnded()
    {
        _callOpen = false;
        bool wasAttached = IsAttached;
        IsAttached = false;
        Ports.Close(_driver);
        _driver = 0;
        string why = s_result < 0 ? ProcessCalls.ErrorText(s_result) : s_reply.Tag == 0 ? "detached" : ProcessCalls.ErrorText(-(long)s_reply.Tag);
        return (wasAttached ? "the driver went away (" : "the driver refused the pool (") + why + ")";
    }

    /// <summary>True once the driver has published that it uses the pool (checked while attaching).</summary>
    public bool CheckAttached()
    {
        if (!IsAttached && _callOpen && _pool.DriverState == FramePoolState.Attached)
        {
            IsAttached = true;
            Attachments++;
            Mac = _pool.MacAddress;
            _offloads = _pool.Offloads;
            // Never more than the pool's ring can hold at once (half of it, so frames keep flowing).
            _maxOffloadFrame = Math.Min(Math.Min(_pool.MaxOffloadFrameLength, FramePoolLayout.MaxFrameLength), RingCapacity / 2 * Layout.BufferSize);
        }
        return IsAttached;
    }

    /// <summary>Hands up to <paramref name="budget"/> received frames to the host; returns how many.</summary>
    public int ReceiveFrames(NetworkHost host, long now, int budget)
    {
        if (!IsAttached)
            return 0;
        int count = 0;
        PathTicks.Switch(PathTicks.Ring);
        while (count < budget)
        {
            int available = _receive.Available;
            if (available <= 0)
                break;
            uint entry = _receive.Peek();
            int index = FrameEntry.BufferOf(entry), length = FrameEntry.LengthOf(entry);
            if (Layout.IsValidFrame(index, length))
            {
                FramesReceived++;
                BytesReceived += (ulong)length;
                if (length >= PathTicks.FullFrameLength)
                    PathTicks.FullFramesReceived++;
                PathTicks.Switch(PathTicks.Stack);
                host.ReceiveFrame(new ReadOnlySpan<byte>(_pool.Buffer(index), length), now);
                PathTicks.Switch(PathTicks.Ring);
                _receive.Release(index);
            }
            else
            {
                // The driver wrote nonsense: leave a buffer in the slot (a spare when the index is no buffer) and go on.
                _receive.Release((uint)index < (uint)Layout.BufferCount ? index : 2 * RingCapacity);
            }
            count++;
        }
        if (count > 0 && _receive.TakeProducerWakeup())
            Ports.Notify(_driver, NicProtocol.DriverKickBit);
        PathTicks.Switch(PathTicks.Stack);
        return count;
    }

    /// <summary>Before sleeping: true when no frame waits (and the driver will notify us of the next).</summary>
    public bool PrepareToSleep() => !IsAttached || _receive.PrepareToSleep();

    public void SendFrame(ReadOnlySpan<byte> frame)
    {
        int previous = PathTicks.Switch(PathTicks.Ring);
        QueueFrame(frame);
        PathTicks.Switch(previous);
    }

    public void SendFrame(ReadOnlySpan<byte> frame, FrameOffload offload)
    {
        int previous = PathTicks.Switch(PathTicks.Ring);
        QueueFrame(frame, offload);
        PathTicks.Switch(previous);
    }

    private void QueueFrame(ReadOnlySpan<byte> frame, FrameOffload offload = default)
    {
        int parts = Layout.PartsFor(frame.Length);
        bool fits = frame.Length <= (offload.SegmentPayload > 0 ? MaxSegmentationFrame : Layout.BufferSize);
        if (!IsAttached || !fits || (!offload.IsNone && !FinishesChecksums) || _transmit.Free < parts)
        {
            SendDropped++; // TCP retransmits; the rest is best effort like any lossy link
            return;
        }
        if (parts == 1 && offload.IsNone)
        {
            // The common case (ACKs, ARP, every frame of a NIC without offloads): one entry, as before multi-part frames.
            int only = _transmit.NextBuffer;
            if (!Layout.IsValidFrame(only, frame.Length))
            {
                SendDropped++;
                return;
            }
            frame.CopyTo(new Span<byte>(_pool.Buffer(only), frame.Length));
            _transmit.Publish(only, frame.Length);
            AfterQueued(frame, 0);
            return;
        }
        uint offloadWord = offload.IsNone ? 0
            : offload.SegmentPayload > 0 ? TransmitOffload.Segmentation(offload.SegmentPayload).Word : TransmitOffload.Checksums.Word;
        // Each part fills a whole buffer but the last; all are published together.
        for (int part = 0, offset = 0; part < parts; part++, offset += Layout.BufferSize)
        {
            int buffer = _transmit.BufferAhead(part);
            int length = Math.Min(Layout.BufferSize, frame.Length - offset);
            if (!Layout.IsValidFrame(buffer, length))
            {
                SendDropped++;
                return;
            }
            frame.Slice(offset, length).CopyTo(new Span<byte>(_pool.Buffer(buffer), length));
            uint flags = (part < parts - 1 ? FrameEntry.Continued : 0) | (offloadWord != 0 ? FrameEntry.Offloaded : 0);
            _transmit.Stage(part, buffer, length, flags, part == 0 ? offloadWord : 0);
        }
        _transmit.Commit(parts);
        AfterQueued(frame, offload.SegmentPayload);
    }

    private void AfterQueued(ReadOnlySpan<byte> frame, int segmentPayload)
    {
        FramesSent++;
        BytesSent += (ulong)frame.Length;
        PathTicks.FullFramesSent += (ulong)FullSegmentsOf(frame, segmentPayload);
        // The driver is woken once for the frames of a whole turn of the service's loop (FlushKick),
        // not per frame: per frame it would wake, move one frame and sleep again for every segment.
        if (_transmit.TakeConsumerWakeup())
            _kickDue = true;
        if (_kickDue && _transmit.Free < KickEarlyBelow)
            FlushKick();
    }

    // The full-size frames this one becomes on the wire (the NIC cuts a long one into segments of the given data).
    private static int FullSegmentsOf(ReadOnlySpan<byte> frame, int segmentPayload)
    {
        if (segmentPayload == 0)
            return frame.Length >= PathTicks.FullFrameLength ? 1 : 0;
        int ipHeader = (frame[EthernetFrame.HeaderLength] & 0xF) * 4;
        int headers = EthernetFrame.HeaderLength + ipHeader + (frame[EthernetFrame.HeaderLength + ipHeader + 12] >> 4) * 4;
        return headers + segmentPayload >= PathTicks.FullFrameLength ? (frame.Length - headers) / segmentPayload : 0;
    }

    /// <summary>Wakes the driver for the frames queued since it went idle; the service calls it before it waits.</summary>
    public void FlushKick()
    {
        if (!_kickDue)
            return;
        _kickDue = false;
        if (IsAttached)
            Ports.Notify(_driver, NicProtocol.DriverKickBit);
    }

    /// <summary>True when the driver's port no longer takes notifications (it died without the call returning yet).</summary>
    public bool DriverLooksDead => _driver > 0 && Ports.Notify(_driver, 0) < 0;
}
