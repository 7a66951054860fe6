using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// A test client of the e1000 driver (the role the net stack plays): net-arp attaches over
/// the driver's port with a pool lent by grant, asks for the MAC and the link, sends an ARP
/// request for slirp's gateway 10.0.2.2 from 10.0.2.15 through the transmit ring, reads the
/// reply from the receive ring, measures, and detaches. net-attach-exit attaches and ends
/// without detaching (the driver must carry on). net-bad sends malformed requests.
/// </summary>
internal static unsafe class NetScenarios
{
    private const ulong AttachEndedBit = 1UL << 5;
    private static readonly SyscallPorts Ports = SyscallPorts.Instance;
    [System.Runtime.InteropServices.DllImport("*", EntryPoint = "RhpReadTimestamp"), System.Runtime.InteropServices.SuppressGCTransition]
    private static extern ulong Now();

    private static readonly FramePoolLayout Layout = new FramePoolLayout(64, 160, 2048);

    // The Attach call runs on its own thread (it stays open while attached).
    private static long s_driver, s_port;
    private static IpcMessage s_attachRequest, s_attachReply;
    private static long s_attachResult;
    private static int s_attachEnded;

    public static int Run(string scenario, string rest)
    {
        bool ok = scenario switch
        {
            "net-arp" => ArpRoundTrip(),
            "net-attach-exit" => AttachAndExit(),
            "net-bad" => BadRequests(),
            "net-forged" => ForgedRequests(),
            "net-bench" => Bench(Scenarios.ParseOr(rest, 1000)),
            _ => Unknown(scenario),
        };
        Console.WriteLine(scenario + ": " + (ok ? "ok" : "FAILED"));
        return ok ? 0 : 1;
    }

    private static bool Unknown(string scenario)
    {
        Console.WriteLine("usertest: unknown net scenario '" + scenario + "'");
        return false;
    }

    private static bool Check(string what, bool condition)
    {
        if (!condition)
            Console.WriteLine("  " + what + ": failed");
        return condition;
    }

    // The driver's port, waiting a while for it to be registered (it may be restarting).
    private static long LookUpDriver()
    {
        for (int i = 0; i < 100; i++)
        {
            long port = Ports.Lookup(NicProtocol.PortName);
            if (port > 0)
                return port;
            ProcessCalls.Sleep(100);
        }
        return 0;
    }

    private static bool Attach(out FramePool pool)
    {
        pool = default;
        s_driver = LookUpDriver();
        if (!Check("the driver's port '" + NicProtocol.PortName + "'", s_driver > 0))
            return false;
        long region = SystemCall.Call(SyscallNumber.MapMemory, Layout.TotalBytes / FramePoolLayout.PageSize);
        if (!Check("the pool's memory", region > 0))
            return false;
        pool = FramePool.Initialize((byte*)region, Layout);
        s_port = Ports.CreatePort();
        long notify = Ports.Duplicate(s_port, HandleRights.Send | HandleRights.Transfer);
        s_attachRequest = NicProtocol.AttachRequest(Layout, (ulong)region, notify);
        s_attachReply = default;
        s_attachEnded = 0;
        if (!Check("the attach thread", UserThread.Start(&AttachCall, 0) > 0))
            return false;
        long deadline = ProcessCalls.UptimeMilliseconds + 5000;
        var message = default(IpcMessage);
        while (pool.DriverState != FramePoolState.Attached && s_attachEnded == 0 && ProcessCalls.UptimeMilliseconds < deadline)
        {
            message = default;
            Ports.Receive(s_port, ref message, 200);
        }
        if (pool.DriverState != FramePoolState.Attached)
        {
            Console.WriteLine("  attach: " + (s_attachEnded != 0 ? "refused, " + ProcessCalls.ErrorText(s_attachResult < 0 ? s_attachResult : -(long)s_attachReply.Tag) : "no answer"));
            return false;
        }
        return true;
    }

    private static void AttachCall(ulong unused)
    {
        s_attachResult = Ports.CallEx(s_driver, ref s_attachRequest, ref s_attachReply);
        System.Threading.Interlocked.Exchange(ref s_attachEnded, 1);
        Ports.Notify(s_port, AttachEndedBit);
    }

    private static ShortMessage Ask(NicRequest request)
    {
        var message = new ShortMessage((ulong)request);
        long result = Ports.Call(s_driver, ref message);
        if (result < 0)
            message.Tag = (ulong)(-result);
        return message;
    }

    private static bool ArpRoundTrip()
    {
        if (!Attach(out FramePool pool))
            return false;
        ShortMessage mac = Ask(NicRequest.MacAddress);
        bool ok = Check("MAC query", mac.Tag == 0 && mac.Word0 != 0);
        ok &= Check("the pool has the same MAC", pool.MacAddress == mac.Word0);
        Console.WriteLine("net-arp: attached; MAC " + NicProtocol.FormatMac(mac.Word0));

        long deadline = ProcessCalls.UptimeMilliseconds + 10000;
        var message = default(IpcMessage);
        while (!pool.LinkUp && ProcessCalls.UptimeMilliseconds < deadline)
        {
            message = default;
            Ports.Receive(s_port, ref message, 100);
        }
        ShortMessage link = Ask(NicRequest.LinkStatus);
        ok &= Check("link up (pool and query agree)", pool.LinkUp && link.Tag == 0 && link.Word0 == 1);
        Console.WriteLine("net-arp: link " + (link.Word0 == 1 ? "up, " + link.Word1.ToString() + " Mb/s" : "down"));

        FrameRingProducer transmit = pool.TransmitProducer();
        FrameRingConsumer receive = pool.ReceiveConsumer();
        ulong gateway = 0;
        int requests = 0, frames = 0;
        long start = ProcessCalls.UptimeMilliseconds;
        deadline = start + 10000;
        long nextRequest = 0;
        while (gateway == 0 && ProcessCalls.UptimeMilliseconds < deadline)
        {
            if (ProcessCalls.UptimeMilliseconds >= nextRequest && transmit.Free > 0)
            {
                int buffer = transmit.NextBuffer;
                int length = WriteArpRequest(pool.Buffer(buffer), mac.Word0);
                transmit.Publish(buffer, length);
                if (transmit.TakeConsumerWakeup())
                    Ports.Notify(s_driver, NicProtocol.DriverKickBit);
                requests++;
                nextRequest = ProcessCalls.UptimeMilliseconds + 500;
            }
            int available = receive.Available;
            if (!Check("the receive ring is sane", available >= 0))
                break;
            if (available == 0)
            {
                if (receive.PrepareToSleep())
                {
                    message = default;
                    Ports.Receive(s_port, ref message, 100);
                }
                continue;
            }
            uint entry = receive.Peek();
            int index = FrameEntry.BufferOf(entry);
            ok &= Check("a received entry names a buffer", Layout.IsValidFrame(index, FrameEntry.LengthOf(entry)));
            if (Layout.IsValidFrame(index, FrameEntry.LengthOf(entry)))
                gateway = ArpReplyFromGateway(pool.Buffer(index), FrameEntry.LengthOf(entry), mac.Word0);
            frames++;
            receive.Release(index);
            if (receive.TakeProducerWakeup())
                Ports.Notify(s_driver, NicProtocol.DriverKickBit);
        }
        ok &= Check("an ARP reply from 10.0.2.2", gateway != 0);
        if (gateway != 0)
            Console.WriteLine("net-arp: 10.0.2.2 is at " + NicProtocol.FormatMac(gateway) + " (" + requests.ToString() + " requests, "
                + frames.ToString() + " frames, " + (ProcessCalls.UptimeMilliseconds - start).ToString() + " ms)");
        Console.WriteLine("net-arp: driver counted " + pool.SentFrames->Value.ToString() + " sent, " + pool.ReceivedFrames->Value.ToString() + " received");
        ok &= Check("the driver sent what we queued", pool.SentFrames->Value >= 1 && pool.SentFrames->Value <= (ulong)requests);
        ok &= Detach();
        return ok;
    }

    private static bool Detach()
    {
        ShortMessage detach = Ask(NicRequest.Detach);
        bool ok = Check("detach", detach.Tag == 0);
        var message = default(IpcMessage);
        long deadline = ProcessCalls.UptimeMilliseconds + 3000;
        while (s_attachEnded == 0 && ProcessCalls.UptimeMilliseconds < deadline)
        {
            message = default;
            Ports.Receive(s_port, ref message, 100);
        }
        ok &= Check("the Attach call returned with success", s_attachEnded != 0 && s_attachResult == 0 && s_attachReply.Tag == 0);
        if (ok)
            Console.WriteLine("net: detached");
        return ok;
    }

    // Ethernet broadcast + ARP request "who has 10.0.2.2? tell 10.0.2.15".
    private static int WriteArpRequest(byte* frame, ulong mac)
    {
        for (int i = 0; i < 6; i++)
        {
            frame[i] = 0xFF;
            frame[6 + i] = (byte)(mac >> (8 * i));
        }
        frame[12] = 0x08; frame[13] = 0x06;                 // ARP
        frame[14] = 0; frame[15] = 1;                       // Ethernet
        frame[16] = 0x08; frame[17] = 0x00;                 // IPv4
        frame[18] = 6; frame[19] = 4;
        frame[20] = 0; frame[21] = 1;                       // request
        for (int i = 0; i < 6; i++)
        {
            frame[22 + i] = (byte)(mac >> (8 * i));
            frame[32 + i] = 0;
        }
        frame[28] = 10; frame[29] = 0; frame[30] = 2; frame[31] = 15;
        frame[38] = 10; frame[39] = 0; frame[40] = 2; frame[41] = 2;
        return 42;
    }

    // The sender MAC of an ARP reply from 10.0.2.2 to us, or 0.
    private static ulong ArpReplyFromGateway(byte* frame, int length, ulong mac)
    {
        if (length < 42 || frame[12] != 0x08 || frame[13] != 0x06 || frame[20] != 0 || frame[21] != 2)
            return 0;
        if (frame[28] != 10 || frame[29] != 0 || frame[30] != 2 || frame[31] != 2)
            return 0;
        ulong sender = 0, target = 0;
        for (int i = 0; i < 6; i++)
        {
            sender |= (ulong)frame[22 + i] << (8 * i);
            target |= (ulong)frame[32 + i] << (8 * i);
        }
        return target == mac ? sender : 0;
    }

    // ARP requests to the gateway as fast as the rings take them; slirp answers each. Ticks are
    // the time-stamp counter's (instructions under -icount shift=0).
    private static bool Bench(int count)
    {
        if (!Attach(out FramePool pool))
            return false;
        ShortMessage mac = Ask(NicRequest.MacAddress);
        var message = default(IpcMessage);
        long deadline = ProcessCalls.UptimeMilliseconds + 10000;
        while (!pool.LinkUp && ProcessCalls.UptimeMilliseconds < deadline)
        {
            message = default;
            Ports.Receive(s_port, ref message, 100);
        }
        FrameRingProducer transmit = pool.TransmitProducer();
        FrameRingConsumer receive = pool.ReceiveConsumer();
        // Warm up: one request answered (QEMU holds received frames for a while after RCTL is written).
        ulong sentBeforeWarmUp = pool.SentFrames->Value;
        int warmUp = 0, warmUpRequests = 0;
        deadline = ProcessCalls.UptimeMilliseconds + 10000;
        while (warmUp == 0 && ProcessCalls.UptimeMilliseconds < deadline)
        {
            warmUp = ExchangeOne(pool, ref transmit, ref receive, mac.Word0, 500);
            warmUpRequests++;
        }
        if (!Check("a first ARP reply", warmUp > 0))
            return false;
        SettleWarmUp(pool, ref receive, mac.Word0, sentBeforeWarmUp + (ulong)warmUpRequests, warmUpRequests - 1);

        ulong received0 = pool.ReceivedFrames->Value, sent0 = pool.SentFrames->Value, wakeups0 = pool.Wakeups->Value;
        ulong wakeupTicks0 = pool.WakeupTicks->Value, receiveTicks0 = pool.ReceiveWorkTicks->Value, transmitTicks0 = pool.TransmitWorkTicks->Value;
        int sent = 0, replies = 0, kicks = 0, sleeps = 0;
        ulong publishTicks = 0, consumeTicks = 0;
        long start = ProcessCalls.UptimeMilliseconds;
        deadline = start + 60000;
        while (replies < count && ProcessCalls.UptimeMilliseconds < deadline)
        {
            // At most 16 requests ahead of the replies: slirp's queue stays short.
            while (sent < count && sent - replies < 16 && transmit.Free > 0)
            {
                int buffer = transmit.NextBuffer;
                int length = WriteArpRequest(pool.Buffer(buffer), mac.Word0);
                ulong t0 = Now();
                transmit.Publish(buffer, length);
                bool kick = transmit.TakeConsumerWakeup();
                publishTicks += Now() - t0;
                if (kick)
                {
                    Ports.Notify(s_driver, NicProtocol.DriverKickBit);
                    kicks++;
                }
                sent++;
            }
            int available = receive.Available;
            if (available < 0)
            {
                Console.WriteLine("net-bench: the receive ring looks corrupt");
                break;
            }
            if (available == 0)
            {
                if (receive.PrepareToSleep())
                {
                    sleeps++;
                    message = default;
                    if (Ports.Receive(s_port, ref message, 2000) == SyscallResult.Error(SyscallError.TimedOut))
                    {
                        Console.WriteLine("net-bench: stalled at " + sent.ToString() + " sent, " + replies.ToString() + " replies; driver sent "
                            + (pool.SentFrames->Value - sent0).ToString() + ", its transmit-idle flag " + (pool.TransmitConsumer().IsWaiting ? "up" : "down"));
                        break;
                    }
                }
                continue;
            }
            ulong t1 = Now();
            uint entry = receive.Peek();
            int index = FrameEntry.BufferOf(entry);
            bool valid = Layout.IsValidFrame(index, FrameEntry.LengthOf(entry));
            receive.Release(index);
            bool wake = receive.TakeProducerWakeup();
            consumeTicks += Now() - t1;
            if (wake)
                Ports.Notify(s_driver, NicProtocol.DriverKickBit);
            if (valid && ArpReplyFromGateway(pool.Buffer(index), FrameEntry.LengthOf(entry), mac.Word0) != 0)
                replies++;
        }
        long elapsed = ProcessCalls.UptimeMilliseconds - start;
        ulong received = pool.ReceivedFrames->Value - received0, transmitted = pool.SentFrames->Value - sent0, wakeups = pool.Wakeups->Value - wakeups0;
        ulong receiveTicks = pool.ReceiveWorkTicks->Value - receiveTicks0, transmitTicks = pool.TransmitWorkTicks->Value - transmitTicks0;
        ulong perWakeup = wakeups == 0 ? 0 : (pool.WakeupTicks->Value - wakeupTicks0 - receiveTicks - transmitTicks) / wakeups;
        Console.WriteLine("net-bench: " + sent.ToString() + " ARP requests, " + replies.ToString() + " replies, " + received.ToString() + " frames received, "
            + transmitted.ToString() + " sent by the driver, in " + elapsed.ToString() + " ms; " + kicks.ToString() + " kicks, "
            + sleeps.ToString() + " client sleeps, " + wakeups.ToString() + " driver wake-ups");
        Console.WriteLine("net-bench: driver ticks per received frame " + Divide(receiveTicks, received)
            + ", per sent frame " + Divide(transmitTicks, transmitted) + ", per wake-up besides frames " + perWakeup.ToString());
        Console.WriteLine("net-bench: client ring hand-off ticks per frame: publish " + Divide(publishTicks, (ulong)sent)
            + ", consume " + Divide(consumeTicks, received));
        bool ok = Check("every request sent", transmitted == (ulong)count);
        ok &= Check("every request answered", replies == count);
        ok &= Detach();
        return ok;
    }

    // A warm-up request repeated while the first one's answer was held may still be on its way out (the driver
    // has not sent it yet) and its answer on its way in: waits (3 s at most) until the driver has sent
    // `sentFrames` frames and `lateReplies` more replies came, so the measured figures count only measured requests.
    private static void SettleWarmUp(FramePool pool, ref FrameRingConsumer receive, ulong mac, ulong sentFrames, int lateReplies)
    {
        long deadline = ProcessCalls.UptimeMilliseconds + 3000;
        while ((pool.SentFrames->Value < sentFrames || lateReplies > 0) && ProcessCalls.UptimeMilliseconds < deadline)
        {
            int received = ReceiveOne(pool, ref receive, mac);
            if (received < 0)
                return;
            lateReplies -= received;
        }
    }

    // Sends one ARP request and waits up to timeoutMs for the reply; 1 when it came.
    private static int ExchangeOne(FramePool pool, ref FrameRingProducer transmit, ref FrameRingConsumer receive, ulong mac, long timeoutMs)
    {
        int buffer = transmit.NextBuffer;
        transmit.Publish(buffer, WriteArpRequest(pool.Buffer(buffer), mac));
        if (transmit.TakeConsumerWakeup())
            Ports.Notify(s_driver, NicProtocol.DriverKickBit);
        long deadline = ProcessCalls.UptimeMilliseconds + timeoutMs;
        while (ProcessCalls.UptimeMilliseconds < deadline)
        {
            int received = ReceiveOne(pool, ref receive, mac);
            if (received != 0)
                return received > 0 ? 1 : 0;
        }
        return 0;
    }

    // Takes one received frame and gives its buffer back, or sleeps up to 100 ms when there is none:
    // 1 for an ARP reply from the gateway, 0 for another frame or none, -1 when the ring looks corrupt.
    private static int ReceiveOne(FramePool pool, ref FrameRingConsumer receive, ulong mac)
    {
        int available = receive.Available;
        if (available < 0)
            return -1;
        if (available == 0)
        {
            if (receive.PrepareToSleep())
            {
                var message = default(IpcMessage);
                Ports.Receive(s_port, ref message, 100);
            }
            return 0;
        }
        uint entry = receive.Peek();
        int index = FrameEntry.BufferOf(entry);
        bool reply = Layout.IsValidFrame(index, FrameEntry.LengthOf(entry)) && ArpReplyFromGateway(pool.Buffer(index), FrameEntry.LengthOf(entry), mac) != 0;
        receive.Release(index);
        if (receive.TakeProducerWakeup())
            Ports.Notify(s_driver, NicProtocol.DriverKickBit);
        return reply ? 1 : 0;
    }

    private static string Divide(ulong total, ulong count) => count == 0 ? "-" : (total / count).ToString();

    private static bool AttachAndExit()
    {
        if (!Attach(out FramePool pool))
            return false;
        Console.WriteLine("net-attach-exit: attached; ending without detaching");
        return true;
    }

    // Malformed requests get error replies; a second client is refused while one is attached.
    private static bool BadRequests()
    {
        s_driver = LookUpDriver();
        if (!Check("the driver's port", s_driver > 0))
            return false;
        var message = new ShortMessage(99);
        Ports.Call(s_driver, ref message);
        bool ok = Check("an unknown request: NotSupported", message.Tag == (ulong)SyscallError.NotSupported);
        message = new ShortMessage((ulong)NicRequest.LinkStatus, 1, 2, 3, 4);
        Ports.Call(s_driver, ref message);
        ok &= Check("stray words: InvalidArgument", message.Tag == (ulong)SyscallError.InvalidArgument);
        message = new ShortMessage((ulong)NicRequest.Attach, FramePoolLayout.Version, 64, 160, 2048);
        Ports.Call(s_driver, ref message);
        ok &= Check("an Attach without a grant: InvalidArgument", message.Tag == (ulong)SyscallError.InvalidArgument);
        message = new ShortMessage((ulong)NicRequest.Detach);
        Ports.Call(s_driver, ref message);
        ok &= Check("a Detach with nobody attached: NotFound", message.Tag == (ulong)SyscallError.NotFound);

        // A pool whose header does not match what the message says.
        long region = SystemCall.Call(SyscallNumber.MapMemory, Layout.TotalBytes / FramePoolLayout.PageSize);
        var request = NicProtocol.AttachRequest(Layout, (ulong)region, Ports.Duplicate(Ports.CreatePort(), HandleRights.Send | HandleRights.Transfer));
        var reply = default(IpcMessage);
        Ports.CallEx(s_driver, ref request, ref reply);
        ok &= Check("an Attach with an empty pool header: InvalidArgument", reply.Tag == (ulong)SyscallError.InvalidArgument);

        // A grant shorter than the geometry claims.
        FramePool.Initialize((byte*)region, Layout);
        request = NicProtocol.AttachRequest(Layout, (ulong)region, Ports.Duplicate(Ports.CreatePort(), HandleRights.Send | HandleRights.Transfer));
        request.GrantLength -= 4096;
        reply = default;
        Ports.CallEx(s_driver, ref request, ref reply);
        ok &= Check("an Attach with a short grant: InvalidArgument", reply.Tag == (ulong)SyscallError.InvalidArgument);

        ShortMessage mac = Ask(NicRequest.MacAddress);
        ok &= Check("the driver still answers", mac.Tag == 0 && mac.Word0 != 0);
        return ok;
    }

    // With the default manifest the driver holds init's key and net is attached: a well-formed
    // Attach or Detach without that key (or with a wrong one) is Denied, and net stays attached.
    private static bool ForgedRequests()
    {
        s_driver = LookUpDriver();
        if (!Check("the driver's port", s_driver > 0))
            return false;
        long region = SystemCall.Call(SyscallNumber.MapMemory, Layout.TotalBytes / FramePoolLayout.PageSize);
        if (!Check("the pool's memory", region > 0))
            return false;
        FramePool.Initialize((byte*)region, Layout);
        bool ok = true;
        ulong wrong = 12345;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var request = NicProtocol.AttachRequest(Layout, (ulong)region, Ports.Duplicate(Ports.CreatePort(), HandleRights.Send | HandleRights.Transfer));
            if (attempt == 1)
            {
                request.BufferAddress = (ulong)&wrong;
                request.BufferLength = NicProtocol.KeyLength;
            }
            var reply = default(IpcMessage);
            long result = Ports.CallEx(s_driver, ref request, ref reply);
            ok &= Check(attempt == 0 ? "an Attach without the key: Denied" : "an Attach with a wrong key: Denied",
                result == 0 && reply.Tag == (ulong)SyscallError.Denied);
        }
        var detach = new ShortMessage((ulong)NicRequest.Detach);
        Ports.Call(s_driver, ref detach);
        ok &= Check("a Detach without the key: Denied", detach.Tag == (ulong)SyscallError.Denied);
        ShortMessage mac = Ask(NicRequest.MacAddress);
        ok &= Check("the driver still answers", mac.Tag == 0 && mac.Word0 != 0);
        return ok;
    }
}
