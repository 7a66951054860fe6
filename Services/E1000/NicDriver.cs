using System;
using CosmosHybrid.Drivers.Net.E1000;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.E1000;

/// <summary>
/// The e1000 driver process. It takes the NIC's device handle from init (or opens the first
/// supported NIC with an authority that has the Devices right), registers the port
/// <see cref="NicProtocol.PortName"/> and serves it: the NIC's interrupt and clients' kicks
/// arrive there as notification bits, requests as calls (<see cref="NicRequest"/>).
/// </summary>
/// <remarks>
/// An Attach call lends the client's pool to the driver for as long as the call is open, so
/// the thread that receives it keeps it: it becomes the attachment's holder (waiting on a
/// private port until the attachment ends, then replying) and starts a new thread to serve
/// the port. Only one thread serves the port at a time, so the driver's state needs no lock.
/// Before touching a pool the serving thread checks that its client still lives (a
/// notification of no bits to the client's port fails once the client is gone).
/// </remarks>
internal static unsafe class NicDriver
{
    private const long Authority = StartupHandles.RootAuthority;
    private const int FirstPassedHandle = 5;
    private const int LastPassedHandle = 16;
    private const ulong ReleaseBit = 1;

    private static readonly SyscallPorts Ports = SyscallPorts.Instance;
    private static NicHardware s_nic;
    private static long s_port;
    // Volatile: an attachment's holder thread polls it (see Attach).
    private static volatile ClientAttachment s_client;
    private static bool s_linkUp, s_linkReported;
    /// <summary>The last transmit pass stopped for want of NIC descriptors (not for want of client frames).</summary>
    private static bool s_waitingForNic;
    /// <summary>The key Attach and Detach must carry (<see cref="NicProtocol.CheckKey"/>); 0: any client.</summary>
    private static ulong s_key;

    /// <summary>
    /// The safety net's period: frames are moved and the link checked at least this often even when
    /// requests keep the server busy (init's liveness pings come more often than a receive time-out).
    /// </summary>
    private const long SweepMilliseconds = 1000;
    private static long s_lastSweep;

    /// <summary>When the interrupt line is acknowledged: after an interrupt, after a failed acknowledgement, and at every sweep.</summary>
    private static InterruptAcknowledgement s_acknowledgement;

    // Counters for frames with no client (or no room), and frames a client handed over badly.
    private static ulong s_receivedFrames, s_sentFrames, s_receiveDropped, s_transmitRejected;

    public static int Run(string arguments)
    {
        s_key = NicProtocol.KeyArgument(arguments);
        long device = FindDevice(out E1000Model model);
        if (device <= 0)
        {
            Console.WriteLine("e1000: no supported NIC");
            return 0;
        }
        s_port = Ports.CreatePort();
        s_nic = new NicHardware(device, model);
        string error = s_nic.Start(s_port);
        if (error != null)
        {
            Console.WriteLine("e1000: " + error);
            return 1;
        }
        long registered = Register();
        if (registered < 0)
        {
            Console.WriteLine("e1000: cannot register '" + NicProtocol.PortName + "' (" + ProcessCalls.ErrorText(registered) + ")");
            return 1;
        }
        Console.WriteLine("e1000: " + E1000Models.NameOf(model) + ", MAC " + NicProtocol.FormatMac(s_nic.MacAddress)
            + ", irq " + s_nic.Irq.ToString() + ", serving '" + NicProtocol.PortName + "'");
        ReportLink();

        // The main thread only starts the first server: servers hand over when they become holders.
        if (UserThread.Start(&Serve, 0) < 0)
        {
            Console.WriteLine("e1000: cannot start the server thread");
            return 1;
        }
        long idle = Ports.CreatePort();
        var nothing = default(IpcMessage);
        while (true)
            Ports.Receive(idle, ref nothing, -1);
    }

    // The device handle init passed (after the authority and reservations), else the first supported NIC we may open.
    private static long FindDevice(out E1000Model model)
    {
        for (long handle = FirstPassedHandle; handle <= LastPassedHandle; handle++)
        {
            model = IdentifyHandle(handle);
            if (model != E1000Model.Unknown)
                return handle;
        }
        DeviceInfo[] devices = DeviceCalls.List();
        for (int i = 0; i < devices.Length; i++)
        {
            model = E1000Models.Identify(devices[i].VendorId, devices[i].DeviceId);
            if (devices[i].Kind != DeviceKind.Pci || model == E1000Model.Unknown || devices[i].OwnerProcessId != 0)
                continue;
            long handle = DeviceCalls.Open(Authority, devices[i].Index);
            if (handle > 0)
                return handle;
        }
        model = E1000Model.Unknown;
        return 0;
    }

    private static E1000Model IdentifyHandle(long handle)
    {
        long vendor = DeviceCalls.ConfigRead(handle, 0, 2);
        long deviceId = DeviceCalls.ConfigRead(handle, 2, 2);
        if (vendor < 0 || deviceId < 0)
            return E1000Model.Unknown;
        return E1000Models.Identify((ushort)vendor, (ushort)deviceId);
    }

    // With a reservation init passed, or (started by hand) first come, first served.
    private static long Register()
    {
        for (long handle = FirstPassedHandle; handle <= LastPassedHandle; handle++)
        {
            if (Ports.Register(NicProtocol.PortName, s_port, handle) == 0)
                return 0;
        }
        return Ports.Register(NicProtocol.PortName, s_port);
    }

    private static void ReportLink()
    {
        bool up = s_nic.LinkUp;
        if (up == s_linkUp && s_linkReported)
            return;
        s_linkUp = up;
        s_linkReported = true;
        Console.WriteLine(up ? "e1000: link up, " + s_nic.SpeedMbps.ToString() + " Mb/s" : "e1000: link down");
    }

    // ---- the server ----

    private static void Serve(ulong unused)
    {
        var message = default(IpcMessage);
        // Room for a key and more, so a longer buffer is seen as such (the kernel cuts to the capacity).
        ulong* bytes = stackalloc ulong[2];
        while (true)
        {
            message = default;
            message.BufferAddress = (ulong)bytes;
            message.BufferLength = 2 * sizeof(ulong);
            long result = Ports.Receive(s_port, ref message, SweepMilliseconds);
            if (result == SyscallResult.Error(SyscallError.TimedOut) || ProcessCalls.UptimeMilliseconds - s_lastSweep >= SweepMilliseconds)
            {
                Sweep(); // a safety net: a lost kick or interrupt costs at most this second
                if (result == SyscallResult.Error(SyscallError.TimedOut))
                    continue;
            }
            if (result < 0)
                continue;
            if (message.Tag == IpcMessage.NotificationTag)
            {
                OnNotification(message.Word0);
                continue;
            }
            if (HandleRequest(ref message))
                return; // this thread became an attachment's holder, and has now replied: it ends
        }
    }

    private static void Sweep()
    {
        s_lastSweep = ProcessCalls.UptimeMilliseconds;
        CheckClient();
        UpdateLink();
        MoveFrames();
        // Also when no interrupt came: one whose notification was lost would otherwise keep the NIC quiet for good.
        if (s_acknowledgement.IsDue(interrupt: false, sweep: true))
            s_acknowledgement.Done(s_nic.AcknowledgeInterrupt());
    }

    private static void OnNotification(ulong bits)
    {
        ulong start = Ticks.Now();
        bool interrupt = (bits & NicProtocol.DriverInterruptBit) != 0;
        uint causes = interrupt ? s_nic.TakeInterruptCauses() : 0;
        CheckClient();
        if ((causes & E1000Interrupts.LinkStatusChange) != 0)
            UpdateLink();
        MoveFrames();
        if (s_acknowledgement.IsDue(interrupt, sweep: false))
            s_acknowledgement.Done(s_nic.AcknowledgeInterrupt());
        ClientAttachment client = s_client;
        if (client != null && !client.Broken)
        {
            client.Pool.WakeupTicks->Value += Ticks.Now() - start;
            client.Pool.Wakeups->Value++;
        }
    }

    private static void UpdateLink()
    {
        ReportLink();
        ClientAttachment client = s_client;
        if (client != null && client.Pool.LinkUp != s_linkUp)
        {
            client.Pool.PublishLink(s_linkUp, s_linkUp ? s_nic.SpeedMbps : 0);
            Ports.Notify(client.NotifyPort, NicProtocol.ClientStateBit);
        }
    }

    // Frames both ways, until neither the NIC nor the client has more for now.
    private static void MoveFrames()
    {
        ClientAttachment client = s_client;
        while (true)
        {
            int received = Receive(client);
            s_nic.CleanTransmitted();
            if (client == null || client.Broken)
                return;
            int sent = Transmit(client);
            if ((received > 0 && client.Receive.TakeConsumerWakeup()) | (sent > 0 && client.Transmit.TakeProducerWakeup()))
                Ports.Notify(client.NotifyPort, NicProtocol.ClientFramesBit);
            // After sending, look at the receive ring once more before sleeping: the answers to what
            // went out (ACKs, and the data they let the peer send) may be there already (QEMU's
            // slirp answers within the transmit-tail write), and taking them now saves the wait for
            // the next (throttled) interrupt and a wake-up.
            if (sent > 0)
                continue;
            // Going idle on the transmit ring: ask the client for a kick when it queues more.
            // With the NIC's ring full, its write-back interrupt wakes us instead.
            if (s_waitingForNic || client.Transmit.PrepareToSleep())
                return;
        }
    }

    private static int Receive(ClientAttachment client)
    {
        int moved = 0, recycled = 0;
        while (s_nic.PeekReceived(out byte* frame, out int length, out bool good))
        {
            if (client != null && !client.Broken && good)
            {
                if (client.Receive.Free == 0)
                {
                    // No room: leave the frame in the NIC's ring (it drops when that fills) and ask for a kick.
                    if (client.Receive.IsCorrupt)
                        Break(client, "its receive ring's tail");
                    else if (client.Receive.PrepareToWaitForRoom())
                        break;
                    continue;
                }
                ulong start = Ticks.Now();
                int buffer = client.Receive.NextBuffer;
                if (!client.Pool.Layout.IsValidFrame(buffer, length))
                {
                    Break(client, "a buffer index in its receive ring");
                    continue;
                }
                new ReadOnlySpan<byte>(frame, length).CopyTo(new Span<byte>(client.Pool.Buffer(buffer), length));
                ulong published = Ticks.Now();
                client.Receive.Publish(buffer, length);
                client.Pool.RingTicks->Value += Ticks.Now() - published;
                client.Pool.ReceivedFrames->Value++;
                moved++;
                s_receivedFrames++;
                s_nic.RecycleReceived();
                recycled++;
                client.Pool.ReceiveWorkTicks->Value += Ticks.Now() - start;
                continue;
            }
            else
            {
                s_receiveDropped++;
                if (client != null && !client.Broken)
                    client.Pool.ReceiveDropped->Value++;
            }
            s_nic.RecycleReceived();
            recycled++;
        }
        if (recycled > 0)
            s_nic.FlushReceiveTail();
        return moved;
    }

    private static int Transmit(ClientAttachment client)
    {
        int moved = 0;
        s_waitingForNic = false;
        while (true)
        {
            int available = client.Transmit.Available;
            if (available < 0)
            {
                Break(client, "its transmit ring's head");
                break;
            }
            if (available == 0)
                break;
            ulong start = Ticks.Now();
            uint entry = client.Transmit.Peek();
            client.Pool.RingTicks->Value += Ticks.Now() - start;
            int parts = PartsOf(client, entry, available);
            if (parts < 0)
            {
                Break(client, "a frame's parts in its transmit ring");
                break;
            }
            // A context and every part at once, or wait for the NIC to send what it has (its write-back interrupt wakes us).
            if (s_nic.TransmitFree < parts + 1)
            {
                s_waitingForNic = true;
                break;
            }
            if (QueueFrame(client, entry, parts))
            {
                client.Pool.SentFrames->Value++;
                s_sentFrames++;
            }
            else
            {
                client.Pool.TransmitRejected->Value++;
                s_transmitRejected++;
            }
            ulong released = Ticks.Now();
            for (int i = 0; i < parts; i++)
                client.Transmit.Release(FrameEntry.BufferOf(client.Transmit.Peek()));
            client.Pool.RingTicks->Value += Ticks.Now() - released;
            moved++;
            client.Pool.TransmitWorkTicks->Value += Ticks.Now() - start;
        }
        if (moved > 0)
            s_nic.FlushTransmitTail();
        return moved;
    }

    // The entries the frame at the tail spans; -1 when its parts run past what the client published
    // (it publishes a frame's parts together) or past what one frame may take.
    private static int PartsOf(ClientAttachment client, uint first, int available)
    {
        int parts = 1;
        uint entry = first;
        while (FrameEntry.IsContinued(entry))
        {
            if (parts == available || parts > NicHardware.TransmitCount / 2 - 1)
                return -1;
            entry = client.Transmit.PeekAhead(parts);
            parts++;
        }
        return parts;
    }

    // Hands the frame at the tail to the NIC: a legacy descriptor for a plain frame, a context and
    // data descriptors for one whose checksums (and segments) the NIC makes. False: rejected.
    private static bool QueueFrame(ClientAttachment client, uint first, int parts)
    {
        FramePoolLayout layout = client.Pool.Layout;
        if (parts == 1 && !FrameEntry.IsOffloaded(first))
        {
            // The common case (ACKs, ARP; every frame of a client that asks for no offload): one legacy descriptor.
            int buffer = FrameEntry.BufferOf(first), length = FrameEntry.LengthOf(first);
            if (!layout.IsValidFrame(buffer, length) || length < 14 || length > 1514)
                return false;
            s_nic.QueueTransmit(client.Pool.Buffer(buffer), length);
            return true;
        }
        int total = 0;
        for (int i = 0; i < parts; i++)
        {
            uint entry = client.Transmit.PeekAhead(i);
            int length = FrameEntry.LengthOf(entry);
            // Every part but the last fills its buffer, so the frame's bytes are where the NIC looks for them.
            if (!layout.IsValidFrame(FrameEntry.BufferOf(entry), length) || (i < parts - 1 && length != layout.BufferSize) || length == 0)
                return false;
            total += length;
        }
        byte* head = client.Pool.Buffer(FrameEntry.BufferOf(first));
        if (!FrameEntry.IsOffloaded(first) || (s_nic.Offloads & NicOffloads.TransmitChecksums) == 0)
        {
            if (parts != 1 || total < 14 || total > 1514)
                return false;
            s_nic.QueueTransmit(head, total);
            return true;
        }
        var offload = TransmitOffload.FromWord(client.Transmit.PeekSideWord());
        bool segmentation = offload.SegmentPayload > 0;
        if (!offload.FinishesChecksums || (segmentation ? (s_nic.Offloads & NicOffloads.TcpSegmentation) == 0
                                           || total > NicHardware.MaxOffloadFrameLength(layout.BufferSize) : total > 1514))
            return false;
        int firstLength = FrameEntry.LengthOf(first);
        if (!TransmitOffloadContext.TryDescribe(new ReadOnlySpan<byte>(head, firstLength), total, offload.SegmentPayload, out TransmitContextDescriptor context))
            return false;
        s_nic.QueueContext(context);
        for (int i = 0; i < parts; i++)
        {
            uint entry = client.Transmit.PeekAhead(i);
            s_nic.QueueTransmitPart(client.Pool.Buffer(FrameEntry.BufferOf(entry)), FrameEntry.LengthOf(entry), i == parts - 1, segmentation);
        }
        return true;
    }

    // A client that broke the ring rules: its rings are no longer used (it can detach and attach again).
    private static void Break(ClientAttachment client, string what)
    {
        client.Broken = true;
        Console.WriteLine("e1000: the client broke " + what + "; its rings are ignored until it attaches again");
    }

    // ---- requests ----

    // Returns true when this thread became a holder and its attachment has ended (the thread then ends).
    private static bool HandleRequest(ref IpcMessage message)
    {
        SyscallError error = NicProtocol.Check(message, out NicRequest request);
        if (error == SyscallError.None && (request == NicRequest.Attach || request == NicRequest.Detach))
            error = NicProtocol.CheckKey(message, s_key);
        if (error != SyscallError.None)
        {
            Reply(NicProtocol.Reply(error));
            if (message.Handle > 0)
                Ports.Close(message.Handle);
            return false;
        }
        switch (request)
        {
            case NicRequest.LinkStatus:
                UpdateLink();
                Reply(NicProtocol.Reply(SyscallError.None, s_nic.LinkUp ? 1UL : 0, (ulong)s_nic.SpeedMbps, s_nic.LinkChanges));
                return false;
            case NicRequest.MacAddress:
                Reply(NicProtocol.Reply(SyscallError.None, s_nic.MacAddress));
                return false;
            case NicRequest.Detach:
                CheckClient();
                Reply(NicProtocol.Reply(s_client == null ? SyscallError.NotFound : SyscallError.None));
                EndAttachment();
                return false;
            default:
                return Attach(ref message);
        }
    }

    private static void Reply(ShortMessage shortPart)
    {
        IpcMessage reply = MessageOf(shortPart);
        Ports.ReplyEx(ref reply);
    }

    private static IpcMessage MessageOf(ShortMessage shortPart)
    {
        var message = default(IpcMessage);
        message.Tag = shortPart.Tag;
        message.Word0 = shortPart.Word0;
        message.Word1 = shortPart.Word1;
        message.Word2 = shortPart.Word2;
        return message;
    }

    private static bool Attach(ref IpcMessage message)
    {
        NicProtocol.CheckAttach(message, out FramePoolLayout layout);
        CheckClient();
        var pool = new FramePool((byte*)message.GrantedAddress, layout);
        SyscallError refusal = s_client != null ? SyscallError.Busy : !pool.HeaderMatches() ? SyscallError.InvalidArgument : SyscallError.None;
        long holderPort = refusal == SyscallError.None ? Ports.CreatePort() : 0;
        if (holderPort < 0)
            refusal = SyscallError.OutOfMemory;
        if (refusal != SyscallError.None)
        {
            Reply(NicProtocol.Reply(refusal));
            Ports.Close(message.Handle);
            return false;
        }

        var client = new ClientAttachment(pool, message.Handle, holderPort);
        pool.PublishMac(s_nic.MacAddress);
        pool.PublishOffloads(s_nic.Offloads, NicHardware.MaxOffloadFrameLength(layout.BufferSize));
        pool.PublishLink(s_linkUp, s_linkUp ? s_nic.SpeedMbps : 0);
        pool.PublishState(FramePoolState.Attached);
        s_client = client;
        // We start idle on its transmit ring: its first frame comes with a kick.
        if (!client.Transmit.PrepareToSleep())
            MoveFrames();
        Ports.Notify(client.NotifyPort, NicProtocol.ClientStateBit | NicProtocol.ClientFramesBit);

        // Hand the port to a new server, and keep the call open here until the attachment ends.
        if (UserThread.Start(&Serve, 0) < 0)
        {
            s_client = null;
            Reply(NicProtocol.Reply(SyscallError.TooManyThreads));
            Ports.Close(client.NotifyPort);
            Ports.Close(holderPort);
            return false;
        }
        // The release bit only makes the end quick: a lost one (its Notify failed) costs at most a
        // sweep period, because the holder also sees that the attachment is no longer the current one.
        // Left waiting, it would keep the client's call open and the client would never attach again.
        var wake = default(IpcMessage);
        while (s_client == client)
        {
            wake = default;
            Ports.Receive(holderPort, ref wake, SweepMilliseconds);
        }
        // Should the reply fail, the call is not left open: this thread ends, and the kernel fails the
        // call it still serves (PeerClosed), which the client takes as the end of its attachment.
        Reply(NicProtocol.Reply(SyscallError.None));
        Ports.Close(holderPort);
        return true;
    }

    // The client died (its port is gone): its pool is no longer ours to touch. Only PeerClosed says
    // so; any other failure of the probe (an injected IoError) is no news about the client.
    private static void CheckClient()
    {
        ClientAttachment client = s_client;
        if (client != null && Ports.Notify(client.NotifyPort, 0) == SyscallResult.Error(SyscallError.PeerClosed))
        {
            Console.WriteLine("e1000: client gone; detached");
            EndAttachment();
        }
    }

    private static void EndAttachment()
    {
        ClientAttachment client = s_client;
        if (client == null)
            return;
        s_client = null;
        if (Ports.Notify(client.NotifyPort, 0) == 0)
            client.Pool.PublishState(FramePoolState.Detached);
        Ports.Close(client.NotifyPort);
        Ports.Notify(client.HolderPort, ReleaseBit);
    }
}
