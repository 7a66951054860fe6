using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Message-port scenarios, run against the echo service (started with `spawn echo`) and
/// against ports of our own. Each prints "ipc-NAME: ok" or what went wrong.
/// </summary>
internal static unsafe class IpcScenarios
{
    private static readonly SyscallPorts Ports = SyscallPorts.Instance;

    public static int Run(string scenario, string rest)
    {
        bool ok = scenario switch
        {
            "ipc-echo" => Echo(),
            "ipc-rights" => Rights(),
            "ipc-peer-closed" => PeerClosed(),
            "ipc-queue-full" => QueueFull(),
            "ipc-handle" => HandlePassing(),
            "ipc-bulk" => Bulk() & GrantAddressesReused(200),
            "ipc-bad-buffer" => BadBuffer(),
            "ipc-many" => ManyCalls(Scenarios.ParseOr(rest, 100000)),
            "ipc-server" => DyingServer(),
            "ipc-server-dies" => CallerOfDyingServer(),
            "ipc-notify" => Notifications(),
            "ipc-grant-reuse" => GrantAddressesReused(Scenarios.ParseOr(rest, 500)),
            "ipc-server-thread-ends" => ServerThreadEnds(),
            "ipc-grant-held" => LentPageStaysMapped(),
            _ => Unknown(scenario),
        };
        Console.WriteLine(scenario + ": " + (ok ? "ok" : "FAILED"));
        return ok ? 0 : 1;
    }

    private static bool Unknown(string scenario)
    {
        Console.WriteLine("usertest: unknown IPC scenario " + scenario);
        return false;
    }

    private static bool Expect(string what, long actual, long expected)
    {
        if (actual == expected)
            return true;
        Console.WriteLine("  " + what + ": got " + actual.ToString() + ", expected " + expected.ToString());
        return false;
    }

    private static long LookupEcho(string name)
    {
        long handle = Ports.Lookup(name);
        if (handle < 0)
            Console.WriteLine("  lookup '" + name + "' failed (is `spawn echo` running?): " + handle.ToString());
        return handle;
    }

    private static bool Echo()
    {
        long echo = LookupEcho(EchoService.ShortPortName);
        if (echo < 0)
            return false;
        var message = new ShortMessage(EchoService.TagEcho, 11, 22, 33, 44);
        bool ok = Expect("call", Ports.Call(echo, ref message), 0)
            & Expect("echoed word 3", (long)message.Word3, 44) & Expect("echoed tag", (long)message.Tag, (long)EchoService.TagEcho);
        message = new ShortMessage(EchoService.TagAdd, 40, 2);
        ok &= Expect("add", Ports.Call(echo, ref message), 0) & Expect("sum", (long)message.Word0, 42);
        return ok;
    }

    private static bool Rights()
    {
        long port = Ports.CreatePort();
        long receiveOnly = Ports.Duplicate(port, HandleRights.Receive);
        long sendOnly = Ports.Duplicate(port, HandleRights.Send);
        var message = default(IpcMessage);
        var shortMessage = default(ShortMessage);
        bool ok = Expect("send without the send right", Ports.Send(receiveOnly, ref message, 0), SyscallResult.Error(SyscallError.NoRight))
            & Expect("call without the send right", Ports.Call(receiveOnly, ref shortMessage), SyscallResult.Error(SyscallError.NoRight))
            & Expect("receive without the receive right", Ports.Receive(sendOnly, ref message, 0), SyscallResult.Error(SyscallError.NoRight))
            & Expect("send on a handle never opened", Ports.Send(60, ref message, 0), SyscallResult.Error(SyscallError.BadHandle))
            & Expect("send with the right", Ports.Send(sendOnly, ref message, 0), 0)
            & Expect("receive with the right", Ports.Receive(receiveOnly, ref message, 0), 0);
        Ports.Close(sendOnly);
        ok &= Expect("send on a closed handle", Ports.Send(sendOnly, ref message, 0), SyscallResult.Error(SyscallError.BadHandle));
        Ports.Close(receiveOnly);
        Ports.Close(port);
        return ok;
    }

    private static bool PeerClosed()
    {
        long port = Ports.CreatePort();
        long sendOnly = Ports.Duplicate(port, HandleRights.Send);
        Ports.Close(port); // the only receive handle: the port is closed now
        var message = default(IpcMessage);
        var shortMessage = default(ShortMessage);
        bool ok = Expect("send to a closed port (would block for ever otherwise)", Ports.Send(sendOnly, ref message, -1), SyscallResult.Error(SyscallError.PeerClosed))
            & Expect("call to a closed port", Ports.Call(sendOnly, ref shortMessage), SyscallResult.Error(SyscallError.PeerClosed));
        Ports.Close(sendOnly);
        return ok;
    }

    private static bool QueueFull()
    {
        long port = Ports.CreatePort();
        var message = default(IpcMessage);
        bool ok = true;
        for (int i = 0; i < 16; i++)
        {
            message.Tag = (ulong)i;
            ok &= Expect("queued send " + i.ToString(), Ports.Send(port, ref message, 0), 0);
        }
        ok &= Expect("17th send, no waiting", Ports.Send(port, ref message, 0), SyscallResult.Error(SyscallError.QueueFull));
        long before = ProcessCalls.UptimeMilliseconds;
        ok &= Expect("17th send, 50 ms wait", Ports.Send(port, ref message, 50), SyscallResult.Error(SyscallError.QueueFull));
        ok &= Expect("waited about 50 ms", ProcessCalls.UptimeMilliseconds - before >= 45 ? 1 : 0, 1);
        ok &= Expect("receive frees a slot", Ports.Receive(port, ref message, 0), 0) & Expect("first in, first out", (long)message.Tag, 0);
        ok &= Expect("send after the receive", Ports.Send(port, ref message, 0), 0);
        ok &= Expect("empty-queue receive with no wait", Ports.Receive(Ports.CreatePort(), ref message, 0), SyscallResult.Error(SyscallError.TimedOut));
        Ports.Close(port);
        return ok;
    }

    private static bool HandlePassing()
    {
        long bulk = LookupEcho(EchoService.BulkPortName);
        if (bulk < 0)
            return false;
        long mine = Ports.CreatePort();
        long toPass = Ports.Duplicate(mine, HandleRights.Send | HandleRights.Transfer);
        var request = default(IpcMessage);
        request.Tag = EchoService.TagBulk;
        request.Handle = toPass;
        var reply = default(IpcMessage);
        bool ok = Expect("call passing a handle", Ports.CallEx(bulk, ref request, ref reply), 0)
            & Expect("the server could send on it", (long)reply.Word2, 0)
            & Expect("and not after closing it", (long)reply.Word3, SyscallResult.Error(SyscallError.BadHandle));
        var received = default(IpcMessage);
        ok &= Expect("the server's message arrived on our port", Ports.Receive(mine, ref received, 0), 0)
            & Expect("its tag", (long)received.Tag, (long)EchoService.TagEcho);
        ok &= Expect("the passed handle left our table", Ports.Close(toPass), SyscallResult.Error(SyscallError.BadHandle));
        long noTransfer = Ports.Duplicate(mine, HandleRights.Send);
        request.Handle = noTransfer;
        ok &= Expect("passing a handle without the transfer right", Ports.CallEx(bulk, ref request, ref reply), SyscallResult.Error(SyscallError.NoRight));
        return ok;
    }

    private static bool Bulk()
    {
        long bulk = LookupEcho(EchoService.BulkPortName);
        if (bulk < 0)
            return false;
        byte* data = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 16);
        byte* echoed = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        for (int i = 0; i < 16 * 4096; i++)
            data[i] = (byte)(i * 7 + 3);

        var request = default(IpcMessage);
        request.Tag = EchoService.TagBulk;
        request.BufferAddress = (ulong)data;
        request.BufferLength = 4096;
        request.GrantAddress = (ulong)data;
        request.GrantLength = 16 * 4096;
        request.Word0 = 16 * 4096; // bytes for the server to checksum in the grant
        var reply = default(IpcMessage);
        reply.BufferAddress = (ulong)echoed;
        reply.BufferLength = 4096;
        bool ok = Expect("bulk call", Ports.CallEx(bulk, ref request, ref reply), 0)
            & Expect("checksum of the copied 4 KiB", (long)reply.Word0, (long)EchoService.Checksum(data, 4096))
            & Expect("checksum of the granted 64 KiB", (long)reply.Word1, (long)EchoService.Checksum(data, 16 * 4096))
            & Expect("bytes echoed back", (long)reply.BufferLength, 4096);
        bool same = true;
        for (int i = 0; i < 4096; i++)
            same &= echoed[i] == data[i];
        ok &= Expect("echoed bytes match", same ? 1 : 0, 1);
        request.BufferLength = 4097;
        ok &= Expect("a copy over 4 KiB", Ports.CallEx(bulk, ref request, ref reply), SyscallResult.Error(SyscallError.InvalidArgument));
        return ok;
    }

    // Each call lends echo a page: once the grant ends its addresses go back to echo for the next one,
    // where before every call took fresh ones (and, every 2 MiB, a page table) for as long as echo lived.
    private static bool GrantAddressesReused(int calls)
    {
        long bulk = LookupEcho(EchoService.BulkPortName);
        if (bulk < 0)
            return false;
        byte* page = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        page[0] = 1;
        ulong first = 0;
        ulong last = 0;
        int distinct = 0;
        bool ok = true;
        for (int i = 0; i < calls && ok; i++)
        {
            var request = default(IpcMessage);
            request.Tag = EchoService.TagGrantAddress;
            request.GrantAddress = (ulong)page;
            request.GrantLength = 4096;
            var reply = default(IpcMessage);
            ok &= Expect("grant call", Ports.CallEx(bulk, ref request, ref reply), 0);
            if (reply.Word0 != last)
                distinct++;
            if (i == 0)
                first = reply.Word0;
            last = reply.Word0;
        }
        Console.WriteLine("ipc-grant-reuse: " + calls.ToString() + " grants, the address changed " + distinct.ToString()
            + " times (first 0x" + first.ToString("x") + ", last 0x" + last.ToString("x") + ")");
        return ok & Expect("grants mapped at a new address", distinct <= 2 ? 1 : 0, 1);
    }

    private static bool BadBuffer()
    {
        long bulk = LookupEcho(EchoService.BulkPortName);
        if (bulk < 0)
            return false;
        var request = default(IpcMessage);
        request.Tag = EchoService.TagBulk;
        request.BufferAddress = 0x0000_5000_0000_0000; // unmapped
        request.BufferLength = 64;
        var reply = default(IpcMessage);
        bool ok = Expect("unmapped buffer", Ports.CallEx(bulk, ref request, ref reply), SyscallResult.Error(SyscallError.BadAddress));
        request.BufferAddress = 0xFFFF_8000_0000_0000; // kernel
        ok &= Expect("kernel buffer", Ports.CallEx(bulk, ref request, ref reply), SyscallResult.Error(SyscallError.BadAddress));
        request.BufferLength = 0;
        request.GrantAddress = 0x0000_5000_0000_0000;
        request.GrantLength = 4096;
        ok &= Expect("unmapped grant", Ports.CallEx(bulk, ref request, ref reply), SyscallResult.Error(SyscallError.BadAddress));
        ok &= Expect("bad message pointer", SystemCall.Call(SyscallNumber.PortCallEx, bulk, 0x10, 0x10), SyscallResult.Error(SyscallError.BadAddress));
        // The server is unharmed: a good call still works.
        request.GrantLength = 0;
        ok &= Expect("the server still answers", Ports.CallEx(bulk, ref request, ref reply), 0);
        return ok;
    }

    private static bool ManyCalls(int count)
    {
        long echo = LookupEcho(EchoService.ShortPortName);
        if (echo < 0)
            return false;
        ProcessCalls.GetMemoryInfo(out MemoryInfo before);
        int wrong = 0;
        for (int i = 0; i < count; i++)
        {
            var message = new ShortMessage(EchoService.TagAdd, (ulong)i, 1);
            if (Ports.Call(echo, ref message) != 0 || message.Word0 != (ulong)i + 1)
                wrong++;
        }
        ProcessCalls.GetMemoryInfo(out MemoryInfo after);
        Console.WriteLine("  " + count.ToString() + " calls, " + wrong.ToString() + " wrong replies; free frames "
            + before.FreePages.ToString() + " -> " + after.FreePages.ToString() + ", kernel heap "
            + (before.KernelHeapBytes / 1024).ToString() + " -> " + (after.KernelHeapBytes / 1024).ToString() + " KiB");
        return Expect("wrong replies", wrong, 0) & Expect("frames leaked", before.FreePages - after.FreePages, 0)
            & Expect("kernel heap grew", after.KernelHeapBytes > before.KernelHeapBytes ? 1 : 0, 0);
    }

    /// <summary>A server that takes one call and dies without answering (started by ipc-server-dies).</summary>
    private static bool DyingServer()
    {
        long port = Ports.CreatePort();
        Ports.Register("dying", port);
        var message = default(ShortMessage);
        Ports.ReplyWait(port, ref message); // receives the call…
        ProcessCalls.Sleep(50);
        ProcessCalls.Exit(3);                // …and exits without replying
        return true;
    }

    private static bool CallerOfDyingServer()
    {
        long pid = ProcessCalls.Spawn("usertest ipc-server");
        long handle = -1;
        for (int i = 0; i < 100 && handle < 0; i++)
        {
            ProcessCalls.Sleep(10);
            handle = Ports.Lookup("dying");
        }
        var message = new ShortMessage(EchoService.TagEcho, 1);
        bool ok = Expect("call whose server dies", Ports.Call(handle, ref message), SyscallResult.Error(SyscallError.PeerClosed));
        ProcessCalls.Wait(pid, out _);
        ok &= Expect("its name is gone", Ports.Lookup("dying"), SyscallResult.Error(SyscallError.NotFound));
        return ok;
    }

    // A server thread takes a call that lends a page and ends (ExitThread) without answering: the caller
    // is told (PeerClosed) at once, and the page is its own again. The call runs on a thread of its own, so
    // that a caller left waiting (as before the kernel released an ending thread's calls) fails the scenario
    // in seconds instead of hanging it.
    private static bool ServerThreadEnds()
    {
        long port = Ports.CreatePort();
        byte* page = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        page[0] = 1;
        long received = -1;
        var server = new System.Threading.Thread(() =>
        {
            var message = default(IpcMessage);
            received = Ports.Receive(port, ref message, -1);
        });
        server.Start();
        long result = 0;
        var caller = new System.Threading.Thread(() => result = CallLendingPage(port, page));
        caller.Start();
        if (!caller.Join(10000))
        {
            Console.WriteLine("  the caller still waits 10 s after the server thread ended");
            return false;
        }
        server.Join();
        bool ok = Expect("the server thread's receive", received, 0)
            & Expect("call whose server thread ended", result, SyscallResult.Error(SyscallError.PeerClosed));
        page[0] = 2;   // still mapped and writable here
        ok &= Expect("the lent page", page[0], 2);
        ok &= Expect("unmap the lent page", SystemCall.Call(SyscallNumber.UnmapMemory, (long)page, 1), 0);
        return ok;
    }

    // While a call lends a page, another thread of the lender cannot unmap it: its frame would go back
    // to the kernel (and to whoever gets it next) while the server still writes it. After the reply it can.
    private static bool LentPageStaysMapped()
    {
        long port = Ports.CreatePort();
        byte* page = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        page[0] = 1;
        long granted = 0;
        int go = 0;   // 1: write the page and answer; 2: the page went away, answer without writing
        var server = new System.Threading.Thread(() =>
        {
            var message = default(IpcMessage);
            if (Ports.Receive(port, ref message, -1) != 0)
                return;
            System.Threading.Volatile.Write(ref granted, (long)message.GrantedAddress);
            while (System.Threading.Volatile.Read(ref go) == 0)
                ProcessCalls.Sleep(5);
            if (go == 1 && message.GrantedAddress != 0)
                ((byte*)message.GrantedAddress)[0] = 9;
            var reply = default(IpcMessage);
            Ports.ReplyEx(ref reply);
        });
        server.Start();
        long result = -1;
        var caller = new System.Threading.Thread(() => result = CallLendingPage(port, page));
        caller.Start();
        for (int i = 0; i < 500 && System.Threading.Volatile.Read(ref granted) == 0; i++)
            ProcessCalls.Sleep(10);
        bool ok = Expect("the page was lent", System.Threading.Volatile.Read(ref granted) != 0 ? 1 : 0, 1);
        long unmapped = SystemCall.Call(SyscallNumber.UnmapMemory, (long)page, 1);
        ok &= Expect("unmap while lent", unmapped, SyscallResult.Error(SyscallError.InvalidArgument));
        System.Threading.Volatile.Write(ref go, unmapped == 0 ? 2 : 1);
        if (!caller.Join(10000))
        {
            Console.WriteLine("  the call was not answered");
            return false;
        }
        server.Join();
        ok &= Expect("the call", result, 0);
        if (unmapped != 0)
        {
            ok &= Expect("the server's write, seen by the lender", page[0], 9);
            ok &= Expect("unmap after the reply", SystemCall.Call(SyscallNumber.UnmapMemory, (long)page, 1), 0);
        }
        return ok;
    }

    // A call (tag 7) that lends one page, writable, to the server of port; the call's result.
    private static long CallLendingPage(long port, byte* page)
    {
        var request = default(IpcMessage);
        request.Tag = 7;
        request.GrantAddress = (ulong)page;
        request.GrantLength = 4096;
        request.Flags = IpcFlags.GrantWritable;
        var reply = default(IpcMessage);
        return Ports.CallEx(port, ref request, ref reply);
    }

    private static bool Notifications()
    {
        long port = Ports.CreatePort();
        var message = default(IpcMessage);
        message.Tag = 5;
        Ports.Send(port, ref message, 0);
        Ports.Notify(port, 0x5);
        Ports.Notify(port, 0x10);
        var received = default(IpcMessage);
        bool ok = Expect("receive", Ports.Receive(port, ref received, 0), 0)
            & Expect("notification first", (long)received.Tag, unchecked((long)IpcMessage.NotificationTag))
            & Expect("bits merged", (long)received.Word0, 0x15)
            & Expect("then the message", Ports.Receive(port, ref received, 0), 0) & Expect("its tag", (long)received.Tag, 5);
        // The notification tag is the kernel's: a sender cannot pass a message (with words, bytes or a handle) off as one.
        var forged = default(IpcMessage);
        forged.Tag = IpcMessage.NotificationTag;
        forged.Word0 = 0x5;
        forged.Handle = Ports.Duplicate(port, HandleRights.Send | HandleRights.Transfer);
        ok &= Expect("a send with the notification tag", Ports.Send(port, ref forged, 0), SyscallResult.Error(SyscallError.InvalidArgument));
        var forgedReply = default(IpcMessage);
        ok &= Expect("a call with the notification tag", Ports.CallEx(port, ref forged, ref forgedReply), SyscallResult.Error(SyscallError.InvalidArgument));
        var forgedShort = new ShortMessage(IpcMessage.NotificationTag, 0x5);
        ok &= Expect("a short call with the notification tag", Ports.Call(port, ref forgedShort), SyscallResult.Error(SyscallError.InvalidArgument));
        ok &= Expect("nothing arrived", Ports.Receive(port, ref received, 0) < 0 ? 1 : 0, 1);
        ok &= Expect("the handle stayed with the sender", Ports.Close(forged.Handle), 0);
        // Interrupt lines are bound through a device handle only (issue 11): a port or no handle is refused.
        ok &= Expect("binding a line with a port for a device", SystemCall.Call(SyscallNumber.IrqBind, port, 5, port, 1), SyscallResult.Error(SyscallError.WrongKind));
        ok &= Expect("binding a line without a device", SystemCall.Call(SyscallNumber.IrqBind, 999, 5, port, 1), SyscallResult.Error(SyscallError.BadHandle));
        ok &= Expect("acknowledging without a device", SystemCall.Call(SyscallNumber.IrqAcknowledge, 999, 5), SyscallResult.Error(SyscallError.BadHandle));
        return ok;
    }
}
