using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>
/// A program's session with the net service: blocking socket calls with time-outs built on the
/// service's non-blocking requests. A request that cannot finish yet answers WouldBlock; the
/// client then waits on its own event port, which the service signals when something may have
/// changed, and asks again. Bulk data moves by grant when the caller's buffer is page-aligned
/// and at least a page long, else through the message buffer (4 KiB a call).
/// Errors come back as a negative <see cref="NetStatus"/> or as the status itself.
/// When the service dies, init restarts it: the client opens a new session with the new service
/// and goes on. Sockets of the old session died with it; their handles carry the session's
/// generation, so a call on one answers <see cref="NetStatus.Aborted"/> and never reaches a
/// socket of the new session that happens to have the same number.
/// </summary>
public sealed unsafe class NetClient
{
    private const int PageSize = 4096;
    /// <summary>How long a call waits for a restarted service to take a new session.</summary>
    public const long ReconnectWaitMilliseconds = 5000;
    private const long ReconnectPollMilliseconds = 50;
    private readonly IMessagePorts _ports;
    private readonly long _events;
    private readonly IClock _clock;
    private long _service;
    private ulong _id;
    private ulong _token;
    private int _generation;

    /// <summary>The time source for time-outs (milliseconds since some start).</summary>
    public interface IClock
    {
        long NowMilliseconds { get; }
    }

    private NetClient(IMessagePorts ports, IClock clock, long events)
    {
        _ports = ports;
        _clock = clock;
        _events = events;
    }

    /// <summary>Looks the service up and opens a session.</summary>
    public static NetStatus Open(IMessagePorts ports, IClock clock, out NetClient client)
    {
        client = null;
        long events = ports.CreatePort();
        if (events <= 0)
            return NetStatus.NoResources;
        var opened = new NetClient(ports, clock, events);
        NetStatus status = opened.OpenSession();
        if (status != NetStatus.Ok)
        {
            ports.Close(events);
            return status;
        }
        client = opened;
        return NetStatus.Ok;
    }

    /// <summary>How many times the client has opened a new session after the service restarted.</summary>
    public int Reconnects => _generation;

    /// <summary>Ends the session (the service closes what is left open) and lets the ports go.</summary>
    public void Dispose()
    {
        if (_service > 0)
        {
            // No reconnection here: a service that is gone has nothing of this session left to close.
            var message = Request(NetRequest.Disconnect, 0, 0);
            var reply = default(IpcMessage);
            _ports.CallEx(_service, ref message, ref reply);
            _ports.Close(_service);
            _service = 0;
        }
        _ports.Close(_events);
    }

    // ---- plumbing ----

    /// <summary>Looks the service up and opens a session with it, giving it a way to signal our event port.</summary>
    private NetStatus OpenSession()
    {
        long service = _ports.Lookup(NetProtocol.PortName);
        if (service <= 0)
            return NetStatus.NoInterface;
        long sendHandle = _ports.Duplicate(_events, HandleRights.Send | HandleRights.Transfer);
        if (sendHandle <= 0)
        {
            _ports.Close(service);
            return NetStatus.NoResources;
        }
        var request = default(IpcMessage);
        request.Tag = (ulong)NetRequest.Connect;
        request.Handle = sendHandle;
        var reply = default(IpcMessage);
        long result = _ports.CallEx(service, ref request, ref reply);
        if (result < 0 || reply.Tag != 0)
        {
            if (result < 0)
                _ports.Close(sendHandle); // not transferred: the call did not reach the service
            _ports.Close(service);
            return result < 0 ? NetStatus.NoInterface : (NetStatus)reply.Tag;
        }
        _service = service;
        _id = reply.Word0;
        _token = reply.Word1;
        return NetStatus.Ok;
    }

    /// <summary>
    /// The service is gone: waits up to <see cref="ReconnectWaitMilliseconds"/> for init's restart of it
    /// to register, and opens a new session. The sockets of the old session are not carried over.
    /// </summary>
    private bool Reconnect()
    {
        if (_service > 0)
        {
            _ports.Close(_service);
            _service = 0;
        }
        long deadline = _clock.NowMilliseconds + ReconnectWaitMilliseconds;
        while (true)
        {
            if (OpenSession() == NetStatus.Ok)
            {
                _generation = (_generation + 1) & SocketHandle.GenerationMask;
                return true;
            }
            if (_clock.NowMilliseconds >= deadline)
                return false;
            var ignored = default(IpcMessage);
            _ports.Receive(_events, ref ignored, ReconnectPollMilliseconds); // a pause; events of the dead session mean nothing
        }
    }

    private NetStatus Call(NetRequest request, ulong word2, ulong word3, out IpcMessage reply, bool sessionState = false)
    {
        var message = Request(request, word2, word3);
        reply = default;
        return Finish(ref message, ref reply, sessionState);
    }

    /// <summary>
    /// Makes the call. If the service has died, reconnects, then asks the new service again unless the
    /// request refers to state of the old session (<paramref name="sessionState"/>): that is gone, Aborted.
    /// </summary>
    private NetStatus Finish(ref IpcMessage message, ref IpcMessage reply, bool sessionState)
    {
        long result = _service > 0 ? _ports.CallEx(_service, ref message, ref reply) : -1;
        if (result >= 0)
            return (NetStatus)reply.Tag;
        if (!Reconnect())
            return NetStatus.NoInterface;
        if (sessionState)
            return NetStatus.Aborted;
        message.Word0 = _id;
        message.Word1 = _token;
        result = _ports.CallEx(_service, ref message, ref reply);
        return result < 0 ? NetStatus.NoInterface : (NetStatus)reply.Tag;
    }

    /// <summary>The service's number for a socket handle of this session; false for a handle of an earlier session.</summary>
    private bool TryServerSocket(int socket, out ulong id)
    {
        id = 0;
        if (!SocketHandle.TryDecode(socket, out int generation, out int serverId) || generation != _generation)
            return false;
        id = (ulong)serverId;
        return true;
    }

    private int HandleFor(ulong serverId) => SocketHandle.Encode(_generation, (int)serverId);

    /// <summary>A request on a socket: Aborted when the socket belonged to a session the service's restart ended.</summary>
    private NetStatus SocketCall(NetRequest request, int socket, ulong word3, out IpcMessage reply)
    {
        reply = default;
        if (!TryServerSocket(socket, out ulong id))
            return NetStatus.Aborted;
        return Call(request, id, word3, out reply, sessionState: true);
    }

    private IpcMessage Request(NetRequest request, ulong word2, ulong word3)
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)request;
        message.Word0 = _id;
        message.Word1 = _token;
        message.Word2 = word2;
        message.Word3 = word3;
        return message;
    }

    /// <summary>Waits until the service signals an event or <paramref name="deadline"/> passes; false at the deadline.</summary>
    private bool WaitUntil(long deadline)
    {
        long now = _clock.NowMilliseconds;
        if (deadline != long.MaxValue && now >= deadline)
            return false;
        long wait = deadline == long.MaxValue ? 1000 : deadline - now;
        if (wait > 1000)
            wait = 1000; // ask again now and then even without an event
        var message = default(IpcMessage);
        _ports.Receive(_events, ref message, wait);
        return true;
    }

    /// <summary>
    /// Waits until the service signals that something on this session may have changed, or up to
    /// <paramref name="timeoutMs"/> (at most a second): for a program that polls several sockets with
    /// time-out 0 and sleeps here when none of them moved.
    /// </summary>
    public void WaitForEvent(long timeoutMs) => WaitUntil(DeadlineAfter(timeoutMs));

    private long DeadlineAfter(long timeoutMs) => timeoutMs < 0 ? long.MaxValue : _clock.NowMilliseconds + timeoutMs;

    // ---- the interface ----

    public NetStatus GetInterface(out InterfaceInfo info)
    {
        info = default;
        InterfaceInfo local = default;
        var message = Request(NetRequest.Interface, 0, 0);
        var reply = default(IpcMessage);
        reply.BufferAddress = (ulong)&local;
        reply.BufferLength = (ulong)sizeof(InterfaceInfo);
        NetStatus status = Finish(ref message, ref reply, sessionState: false);
        info = local;
        return status;
    }

    /// <summary>Fills <paramref name="records"/>; returns how many sockets there are (at most its length).</summary>
    public NetStatus GetSockets(SocketRecord[] records, out int count)
    {
        count = 0;
        fixed (SocketRecord* first = records)
        {
            var message = Request(NetRequest.Sockets, 0, 0);
            var reply = default(IpcMessage);
            reply.BufferAddress = (ulong)first;
            int capacity = records.Length * sizeof(SocketRecord);
            reply.BufferLength = (ulong)(capacity < NetProtocol.MaxCopyBytes ? capacity : NetProtocol.MaxCopyBytes / sizeof(SocketRecord) * sizeof(SocketRecord));
            ulong room = reply.BufferLength / (ulong)sizeof(SocketRecord);
            NetStatus status = Finish(ref message, ref reply, sessionState: false);
            // The service counts the records it has, which may be more than our buffer took.
            if (status == NetStatus.Ok)
                count = reply.Word0 < room ? (int)reply.Word0 : (int)room;
            return status;
        }
    }

    // ---- TCP ----

    /// <summary>Connects to <paramref name="address"/>:<paramref name="port"/>, waiting for the handshake.</summary>
    public NetStatus Connect(uint address, ushort port, long timeoutMs, out int socket)
    {
        NetStatus status = Call(NetRequest.TcpConnect, address, port, out IpcMessage reply);
        socket = HandleFor(reply.Word0);
        if (status != NetStatus.Ok)
            return status;
        long deadline = DeadlineAfter(timeoutMs);
        while (true)
        {
            status = GetStatus(socket, out NetSocketState state, out _, out _, out NetStatus error);
            if (status != NetStatus.Ok)
                return status;
            if (state != NetSocketState.Connecting)
            {
                if (error != NetStatus.Ok && state == NetSocketState.Closed)
                {
                    Close(socket);
                    return error;
                }
                return NetStatus.Ok;
            }
            if (!WaitUntil(deadline))
            {
                Close(socket);
                return NetStatus.TimedOut;
            }
        }
    }

    public NetStatus Listen(ushort port, int backlog, out int socket)
    {
        NetStatus status = Call(NetRequest.TcpListen, port, (ulong)backlog, out IpcMessage reply);
        socket = HandleFor(reply.Word0);
        return status;
    }

    public NetStatus Accept(int listener, long timeoutMs, out int socket, out uint remoteAddress, out ushort remotePort)
    {
        long deadline = DeadlineAfter(timeoutMs);
        while (true)
        {
            NetStatus status = SocketCall(NetRequest.TcpAccept, listener, 0, out IpcMessage reply);
            socket = HandleFor(reply.Word0);
            remoteAddress = (uint)reply.Word1;
            remotePort = (ushort)reply.Word2;
            if (status != NetStatus.WouldBlock)
                return status;
            if (!WaitUntil(deadline))
                return NetStatus.TimedOut;
        }
    }

    /// <summary>Sends all <paramref name="length"/> bytes (waiting for room); returns the bytes sent or a negative NetStatus.</summary>
    public long Send(int socket, byte* data, long length, long timeoutMs = -1)
    {
        if (!TryServerSocket(socket, out ulong id))
            return -(long)NetStatus.Aborted;
        long deadline = DeadlineAfter(timeoutMs);
        long sent = 0;
        while (sent < length)
        {
            long left = length - sent;
            byte* at = data + sent;
            var message = Request(NetRequest.TcpSend, id, 0);
            if (((ulong)at & (PageSize - 1)) == 0 && left >= PageSize)
            {
                long chunk = left < NetProtocol.MaxGrantBytes ? left : NetProtocol.MaxGrantBytes;
                message.GrantAddress = (ulong)at;
                message.GrantLength = (ulong)(chunk / PageSize * PageSize);
                message.Word3 = message.GrantLength;
            }
            else
            {
                long chunk = left < NetProtocol.MaxCopyBytes ? left : NetProtocol.MaxCopyBytes;
                // Up to the next page boundary, so that the rest can go by grant.
                long toBoundary = PageSize - (long)((ulong)at & (PageSize - 1));
                if (left > PageSize && toBoundary < chunk)
                    chunk = toBoundary;
                message.BufferAddress = (ulong)at;
                message.BufferLength = (ulong)chunk;
                message.Word3 = (ulong)chunk;
            }
            var reply = default(IpcMessage);
            NetStatus status = Finish(ref message, ref reply, sessionState: true);
            if (status == NetStatus.Ok)
            {
                sent += (long)reply.Word0;
                continue;
            }
            if (status != NetStatus.WouldBlock)
                return sent > 0 ? sent : -(long)status;
            if (!WaitUntil(deadline))
                return sent > 0 ? sent : -(long)NetStatus.TimedOut;
        }
        return sent;
    }

    /// <summary>Receives up to <paramref name="length"/> bytes: the count, 0 at the end of the stream, or a negative NetStatus.</summary>
    public long Receive(int socket, byte* data, long length, long timeoutMs = -1)
    {
        if (!TryServerSocket(socket, out ulong id))
            return -(long)NetStatus.Aborted;
        long deadline = DeadlineAfter(timeoutMs);
        while (true)
        {
            var message = Request(NetRequest.TcpReceive, id, 0);
            var reply = default(IpcMessage);
            if (((ulong)data & (PageSize - 1)) == 0 && length >= PageSize)
            {
                long chunk = length < NetProtocol.MaxGrantBytes ? length : NetProtocol.MaxGrantBytes;
                message.GrantAddress = (ulong)data;
                message.GrantLength = (ulong)(chunk / PageSize * PageSize);
                message.Flags = IpcFlags.GrantWritable;
                message.Word3 = message.GrantLength;
            }
            else
            {
                long chunk = length < NetProtocol.MaxCopyBytes ? length : NetProtocol.MaxCopyBytes;
                reply.BufferAddress = (ulong)data;
                reply.BufferLength = (ulong)chunk;
                message.Word3 = (ulong)chunk;
            }
            NetStatus status = Finish(ref message, ref reply, sessionState: true);
            if (status == NetStatus.Ok)
                return (long)reply.Word0;
            if (status != NetStatus.WouldBlock)
                return -(long)status;
            if (!WaitUntil(deadline))
                return -(long)NetStatus.TimedOut;
        }
    }

    public NetStatus Shutdown(int socket) => SocketCall(NetRequest.TcpShutdown, socket, 0, out _);

    /// <summary>Closes the socket; a socket of an ended session needs nothing more, so that is Ok.</summary>
    public NetStatus Close(int socket)
    {
        NetStatus status = SocketCall(NetRequest.Close, socket, 0, out _);
        return status == NetStatus.Aborted ? NetStatus.Ok : status;
    }

    public NetStatus SetNoDelay(int socket, bool noDelay) => SocketCall(NetRequest.SetNoDelay, socket, noDelay ? 1UL : 0, out _);

    public NetStatus GetStatus(int socket, out NetSocketState state, out int available, out int sendSpace, out NetStatus error)
    {
        NetStatus status = SocketCall(NetRequest.Status, socket, 0, out IpcMessage reply);
        state = (NetSocketState)reply.Word0;
        available = (int)reply.Word1;
        sendSpace = (int)reply.Word2;
        error = (NetStatus)reply.Word3;
        return status;
    }

    // ---- UDP ----

    public NetStatus UdpBind(ushort port, out int socket, out ushort boundPort)
    {
        NetStatus status = Call(NetRequest.UdpBind, port, 0, out IpcMessage reply);
        socket = HandleFor(reply.Word0);
        boundPort = (ushort)reply.Word1;
        return status;
    }

    public NetStatus UdpSendTo(int socket, uint address, ushort port, byte* data, int length)
    {
        if (length < 0 || length > 1472)
            return NetStatus.BadBuffer;
        if (!TryServerSocket(socket, out ulong id))
            return NetStatus.Aborted;
        var message = Request(NetRequest.UdpSendTo, id, address | ((ulong)port << 32));
        message.BufferAddress = (ulong)data;
        message.BufferLength = (ulong)length;
        var reply = default(IpcMessage);
        return Finish(ref message, ref reply, sessionState: true);
    }

    /// <summary>Receives one datagram: its length, or a negative NetStatus.</summary>
    public int UdpReceiveFrom(int socket, byte* data, int capacity, long timeoutMs, out uint address, out ushort port)
    {
        address = 0;
        port = 0;
        if (!TryServerSocket(socket, out ulong id))
            return -(int)NetStatus.Aborted;
        long deadline = DeadlineAfter(timeoutMs);
        while (true)
        {
            var message = Request(NetRequest.UdpReceiveFrom, id, 0);
            var reply = default(IpcMessage);
            reply.BufferAddress = (ulong)data;
            reply.BufferLength = (ulong)(capacity < NetProtocol.MaxCopyBytes ? capacity : NetProtocol.MaxCopyBytes);
            NetStatus status = Finish(ref message, ref reply, sessionState: true);
            address = (uint)reply.Word1;
            port = (ushort)reply.Word2;
            if (status == NetStatus.Ok)
                return (int)reply.Word0;
            if (status != NetStatus.WouldBlock)
                return -(int)status;
            if (!WaitUntil(deadline))
                return -(int)NetStatus.TimedOut;
        }
    }

    // ---- names and echo ----

    /// <summary>The first IPv4 address of <paramref name="name"/> (a dotted quad is taken as it is).</summary>
    public NetStatus Resolve(string name, long timeoutMs, out uint address)
    {
        if (NetProtocol.TryParseAddress(name, out address))
            return NetStatus.Ok;
        if (name.Length == 0 || name.Length > NetProtocol.MaxNameLength)
            return NetStatus.InvalidArgument;
        byte* text = stackalloc byte[NetProtocol.MaxNameLength];
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] > 127)
                return NetStatus.InvalidArgument;
            text[i] = (byte)name[i];
        }
        long deadline = DeadlineAfter(timeoutMs);
        ulong handle = 0;
        while (true)
        {
            var message = Request(NetRequest.Resolve, handle, 0);
            message.BufferAddress = (ulong)text;
            message.BufferLength = (ulong)name.Length;
            var reply = default(IpcMessage);
            NetStatus status = Finish(ref message, ref reply, sessionState: handle != 0);
            if (status == NetStatus.Ok)
            {
                address = (uint)reply.Word1;
                return reply.Word0 == 0 ? NetStatus.HostNotFound : NetStatus.Ok;
            }
            if (status != NetStatus.WouldBlock)
                return status;
            handle = reply.Word0;
            if (!WaitUntil(deadline))
                return NetStatus.TimedOut;
        }
    }

    /// <summary>Sends one echo request and waits for its reply: the round trip in microseconds.</summary>
    public NetStatus Ping(uint address, ushort sequence, int payloadLength, long timeoutMs, out long roundTripMicroseconds)
    {
        roundTripMicroseconds = 0;
        NetStatus status = Call(NetRequest.EchoRequest, address, sequence | ((ulong)(uint)payloadLength << 16), out _);
        if (status != NetStatus.Ok)
            return status;
        long deadline = DeadlineAfter(timeoutMs);
        while (true)
        {
            status = Call(NetRequest.EchoResult, sequence, 0, out IpcMessage reply, sessionState: true);
            if (status == NetStatus.Ok)
            {
                roundTripMicroseconds = (long)reply.Word0;
                return NetStatus.Ok;
            }
            if (status != NetStatus.WouldBlock)
                return status;
            if (!WaitUntil(deadline))
                return NetStatus.TimedOut;
        }
    }
}
