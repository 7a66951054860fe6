using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;

namespace CosmosHybrid.Services.NetStack;

/// <summary>
/// The socket side of the service: sessions, sockets, and one answer per request. Every request
/// is checked (<see cref="NetProtocol.Check"/>, the session's token, the socket's owner, every
/// length) and anything wrong gets an error status; nothing a client sends ends the service.
/// Requests never block: what cannot finish yet answers WouldBlock and the session is woken
/// (<see cref="NetProtocol.ClientEventBit"/>) after the next frames or timers.
/// </summary>
internal sealed unsafe class SocketServer : IUdpHandler, IEchoHandler
{
    private const ushort FirstEphemeralPort = 49152;
    /// <summary>The DHCP client's port and the resolver's: their datagrams go to the service, not to a socket.</summary>
    public const ushort DhcpClientPort = 68;
    public const ushort DnsClientPort = 49151;

    private readonly IMessagePorts _ports;
    private readonly ISocketServiceHost _service;
    private readonly NetSession[] _sessions = new NetSession[NetProtocol.MaxClients];
    private readonly NetSocket[] _sockets = new NetSocket[NetProtocol.MaxSockets];
    private readonly byte[] _copy = new byte[NetProtocol.MaxCopyBytes];
    private readonly List<TcpConnection> _scratch = new List<TcpConnection>();
    private readonly Ipv4Address[] _addresses = new Ipv4Address[DnsResolver.MaxAddresses];
    private ulong _tokenSeed;
    private ushort _nextEphemeral = FirstEphemeralPort;
    private int _openSockets;

    /// <param name="ports">The service's message ports: the system calls in the OS, a simulated process in Ring3Host.</param>
    public SocketServer(ISocketServiceHost service, IMessagePorts ports, ulong seed)
    {
        _service = service;
        _ports = ports;
        _tokenSeed = seed | 1;
        for (int i = 0; i < _sessions.Length; i++)
            _sessions[i] = new NetSession();
    }

    public int OpenSockets => _openSockets;

    private NetworkHost Host => _service.Host;

    // ---- one request ----

    /// <summary>Answers the request in <paramref name="message"/> (received into <see cref="CopyBuffer"/>).</summary>
    public void Serve(ref IpcMessage message, long now)
    {
        var reply = default(IpcMessage);
        _replied = false;
        NetStatus status = NetProtocol.Check(message, out NetRequest request);
        if (status == NetStatus.Ok)
        {
            if (request == NetRequest.Connect)
                status = Connect(message.Handle, ref reply);
            else if (!TryGetSession(message.Word0, message.Word1, out int session))
                status = NetStatus.NotConnected;
            else
                status = Dispatch(request, session, ref message, ref reply, now);
        }
        else if (message.Handle > 0)
        {
            _ports.Close(message.Handle); // a handle sent where none belongs is not kept
        }
        if (_replied)
            return;
        reply.Tag = (ulong)status;
        _ports.ReplyEx(ref reply);
    }

    // Set by the requests that reply themselves (their reply's buffer lives on their stack or in a fixed array).
    private bool _replied;

    public byte[] CopyBuffer => _copy;

    private NetStatus Dispatch(NetRequest request, int session, ref IpcMessage message, ref IpcMessage reply, long now)
    {
        NetStatus status;
        switch (request)
        {
            case NetRequest.Disconnect:
                EndSession(session, "disconnected", now);
                return NetStatus.Ok;
            case NetRequest.Interface:
                return Interface(ref reply);
            case NetRequest.Sockets:
                return ListSockets(ref reply);
            case NetRequest.Resolve:
                status = Resolve(session, ref message, ref reply, now);
                break;
            case NetRequest.EchoRequest:
                return EchoRequest(session, message.Word2, message.Word3, now);
            case NetRequest.EchoResult:
                status = EchoResult(session, message.Word2, ref reply);
                break;
            case NetRequest.TcpConnect:
                return TcpConnect(session, message.Word2, message.Word3, ref reply, now);
            case NetRequest.TcpListen:
                return TcpListen(session, message.Word2, message.Word3, ref reply);
            case NetRequest.UdpBind:
                return UdpBind(session, message.Word2, ref reply);
            default:
                if (!TryGetSocket(session, message.Word2, out NetSocket socket))
                    return NetStatus.BadSocket;
                status = SocketRequest(request, session, socket, ref message, ref reply, now);
                break;
        }
        if (status == NetStatus.WouldBlock)
            _sessions[session].Waiting = true;
        return status;
    }

    private NetStatus SocketRequest(NetRequest request, int session, NetSocket socket, ref IpcMessage message, ref IpcMessage reply, long now)
    {
        Host.Now = now;
        switch (request)
        {
            case NetRequest.TcpAccept: return TcpAccept(session, socket, ref reply);
            case NetRequest.TcpSend: return TcpSend(socket, ref message, ref reply, now);
            case NetRequest.TcpReceive: return TcpReceive(socket, ref message, ref reply, now);
            case NetRequest.TcpShutdown:
                if (socket.Kind != NetSocket.Tcp)
                    return NetStatus.InvalidState;
                socket.Connection.Close(now);
                return NetStatus.Ok;
            case NetRequest.Status: return Status(socket, ref reply);
            case NetRequest.Close:
                Release(socket, abort: false, now);
                return NetStatus.Ok;
            case NetRequest.SetNoDelay:
                if (socket.Kind != NetSocket.Tcp || message.Word3 > 1)
                    return NetStatus.InvalidArgument;
                socket.Connection.NoDelay = message.Word3 == 1;
                return NetStatus.Ok;
            case NetRequest.UdpSendTo: return UdpSendTo(socket, ref message, now);
            case NetRequest.UdpReceiveFrom: return UdpReceiveFrom(socket, ref reply);
            default: return NetStatus.UnknownRequest;
        }
    }

    // ---- sessions ----

    private NetStatus Connect(long eventPort, ref IpcMessage reply)
    {
        if (!IsSendOnlyPort(eventPort))
        {
            _ports.Close(eventPort);
            return NetStatus.InvalidArgument;
        }
        long process = _ports.CallerProcess();
        if (process > 0 && SessionsOf(process) >= NetProtocol.MaxSessionsPerProcess)
        {
            _ports.Close(eventPort);
            return NetStatus.NoResources;
        }
        for (int i = 0; i < _sessions.Length; i++)
        {
            NetSession session = _sessions[i];
            if (session.Active)
                continue;
            _tokenSeed = _tokenSeed * 6364136223846793005UL + 1442695040888963407UL;
            session.Active = true;
            session.Token = _tokenSeed >> 1 | 1;
            session.EventPort = eventPort;
            session.ProcessId = process > 0 ? process : 0;
            session.Waiting = false;
            session.Sockets = 0;
            session.EchoRoundTripMicroseconds = -1;
            session.DnsHandle = 0;
            reply.Word0 = (ulong)i;
            reply.Word1 = session.Token;
            return NetStatus.Ok;
        }
        _ports.Close(eventPort);
        return NetStatus.NoResources;
    }

    /// <summary>
    /// A client's event port must be a send handle to a port someone else receives on. Given the
    /// port itself (with the receive right), the service would hold the only receiver, the port would
    /// never close, and the session would outlive its client for ever.
    /// </summary>
    private bool IsSendOnlyPort(long handle)
    {
        var probe = default(IpcMessage);
        return _ports.Receive(handle, ref probe, 0) == SyscallResult.Error(SyscallError.NoRight) && _ports.Notify(handle, 0) == 0;
    }

    // Per-process limits: one program may not take every session or socket from the others.
    private int SessionsOf(long process)
    {
        int count = 0;
        for (int i = 0; i < _sessions.Length; i++)
        {
            if (_sessions[i].Active && _sessions[i].ProcessId == process)
                count++;
        }
        return count;
    }

    private int SocketsOf(long process)
    {
        int count = 0;
        for (int i = 0; i < _sessions.Length; i++)
        {
            if (_sessions[i].Active && _sessions[i].ProcessId == process)
                count += _sessions[i].Sockets;
        }
        return count;
    }

    private bool TryGetSession(ulong id, ulong token, out int session)
    {
        session = (int)id;
        return id < (ulong)_sessions.Length && _sessions[id].Active && _sessions[id].Token == token;
    }

    /// <summary>Closes a session's sockets (connections reset) and forgets it.</summary>
    private void EndSession(int index, string why, long now)
    {
        NetSession session = _sessions[index];
        int closed = 0;
        for (int i = 0; i < _sockets.Length; i++)
        {
            if (_sockets[i] != null && _sockets[i].Owner == index)
            {
                Release(_sockets[i], abort: why != "disconnected", now);
                closed++;
            }
        }
        _ports.Close(session.EventPort);
        session.Active = false;
        session.EventPort = 0;
        if (why != "disconnected" && closed > 0)
            Console.WriteLine("net: client " + index.ToString() + " " + why + "; " + closed.ToString() + " sockets closed");
    }

    /// <summary>Sessions whose event port is gone belong to ended programs: their sockets are reset.</summary>
    public void CheckSessions(long now)
    {
        for (int i = 0; i < _sessions.Length; i++)
        {
            if (_sessions[i].Active && _ports.Notify(_sessions[i].EventPort, 0) < 0)
                EndSession(i, "ended", now);
        }
    }

    /// <summary>After frames or timers: wake every session waiting for progress.</summary>
    public void WakeWaiting()
    {
        for (int i = 0; i < _sessions.Length; i++)
        {
            NetSession session = _sessions[i];
            if (session.Active && session.Waiting)
            {
                session.Waiting = false;
                _ports.Notify(session.EventPort, NetProtocol.ClientEventBit);
            }
        }
    }

    // ---- sockets ----

    private bool TryGetSocket(int session, ulong id, out NetSocket socket)
    {
        socket = id < (ulong)_sockets.Length ? _sockets[id] : null;
        return socket != null && socket.Owner == session;
    }

    private NetStatus NewSocket(int session, byte kind, out NetSocket socket)
    {
        socket = null;
        NetSession owner = _sessions[session];
        if (owner.Sockets >= NetProtocol.MaxSocketsPerClient
            || (owner.ProcessId != 0 && SocketsOf(owner.ProcessId) >= NetProtocol.MaxSocketsPerProcess))
            return NetStatus.NoResources;
        for (int i = 1; i < _sockets.Length; i++)
        {
            if (_sockets[i] != null)
                continue;
            socket = new NetSocket { Id = i, Owner = session, Kind = kind };
            _sockets[i] = socket;
            _sessions[session].Sockets++;
            _openSockets++;
            return NetStatus.Ok;
        }
        return NetStatus.NoResources;
    }

    private void Release(NetSocket socket, bool abort, long now)
    {
        Host.Now = now;
        switch (socket.Kind)
        {
            case NetSocket.Tcp:
                if (abort)
                    socket.Connection.Abort(now);
                else
                {
                    socket.Connection.Close(now); // the table keeps it until the close handshake ends
                    socket.Connection.Orphan(now); // nothing reads it now: FIN-WAIT-2 does not last for ever
                }
                break;
            case NetSocket.Listener:
                Host.Tcp.StopListening(socket.LocalPort);
                // Connections the program never accepted are reset.
                for (TcpConnection pending = socket.Listen.Accept(); pending != null; pending = socket.Listen.Accept())
                    pending.Abort(now);
                break;
        }
        _sockets[socket.Id] = null;
        _sessions[socket.Owner].Sockets--;
        _openSockets--;
    }

    private bool PortInUse(ushort port)
    {
        if (Host.Tcp.IsPortInUse(port))
            return true;
        for (int i = 0; i < _sockets.Length; i++)
        {
            if (_sockets[i] != null && _sockets[i].LocalPort == port)
                return true;
        }
        return port == DhcpClientPort || port == DnsClientPort;
    }

    private ushort EphemeralPort()
    {
        for (int tries = 0; tries < 16384; tries++)
        {
            ushort port = _nextEphemeral;
            _nextEphemeral = _nextEphemeral == 65535 ? FirstEphemeralPort : (ushort)(_nextEphemeral + 1);
            if (!PortInUse(port))
                return port;
        }
        return 0;
    }

    private NetStatus Usable()
    {
        if (Host == null)
            return NetStatus.NoInterface;
        return Host.Configuration.IsConfigured ? NetStatus.Ok : NetStatus.NoAddress;
    }

    // ---- TCP ----

    private NetStatus TcpConnect(int session, ulong address, ulong port, ref IpcMessage reply, long now)
    {
        NetStatus usable = Usable();
        if (usable != NetStatus.Ok)
            return usable;
        if (address > uint.MaxValue || port == 0 || port > ushort.MaxValue)
            return NetStatus.InvalidArgument;
        var remote = new Ipv4Address((uint)address);
        if (remote.IsAny || remote.IsBroadcast || remote.IsMulticast)
            return NetStatus.InvalidArgument;
        ushort local = EphemeralPort();
        if (local == 0)
            return NetStatus.AddressInUse;
        NetStatus status = NewSocket(session, NetSocket.Tcp, out NetSocket socket);
        if (status != NetStatus.Ok)
            return status;
        Host.Now = now;
        TcpConnection connection = Host.Tcp.Connect(Host.Configuration.Address, local, remote, (ushort)port, now);
        if (connection == null)
        {
            Release(socket, abort: false, now);
            return NetStatus.AddressInUse;
        }
        socket.Connection = connection;
        socket.LocalPort = local;
        reply.Word0 = (ulong)socket.Id;
        return NetStatus.Ok;
    }

    private NetStatus TcpListen(int session, ulong port, ulong backlog, ref IpcMessage reply)
    {
        if (Host == null)
            return NetStatus.NoInterface;
        if (port == 0 || port > ushort.MaxValue || backlog == 0 || backlog > NetProtocol.MaxBacklog)
            return NetStatus.InvalidArgument;
        if (PortInUse((ushort)port))
            return NetStatus.AddressInUse;
        NetStatus status = NewSocket(session, NetSocket.Listener, out NetSocket socket);
        if (status != NetStatus.Ok)
            return status;
        socket.LocalPort = (ushort)port;
        socket.Listen = new TcpListenQueue(Ipv4Address.Any, (ushort)port, (int)backlog, Host.Statistics);
        if (!Host.Tcp.Listen(socket.Listen))
        {
            socket.Kind = 0;
            _sockets[socket.Id] = null;
            _sessions[session].Sockets--;
            _openSockets--;
            return NetStatus.AddressInUse;
        }
        reply.Word0 = (ulong)socket.Id;
        return NetStatus.Ok;
    }

    private NetStatus TcpAccept(int session, NetSocket listener, ref IpcMessage reply)
    {
        if (listener.Kind != NetSocket.Listener)
            return NetStatus.InvalidState;
        if (listener.Listen.ReadyCount == 0)
            return NetStatus.WouldBlock;
        NetStatus status = NewSocket(session, NetSocket.Tcp, out NetSocket socket);
        if (status != NetStatus.Ok)
            return status;
        TcpConnection connection = listener.Listen.Accept();
        socket.Connection = connection;
        socket.LocalPort = connection.LocalPort;
        reply.Word0 = (ulong)socket.Id;
        reply.Word1 = connection.RemoteAddress.Value;
        reply.Word2 = connection.RemotePort;
        return NetStatus.Ok;
    }

    private NetStatus TcpSend(NetSocket socket, ref IpcMessage message, ref IpcMessage reply, long now)
    {
        if (socket.Kind != NetSocket.Tcp)
            return NetStatus.InvalidState;
        ReadOnlySpan<byte> data;
        if (message.GrantedAddress != 0)
        {
            if (message.Word3 > message.GrantLength)
                return NetStatus.BadBuffer;
            data = new ReadOnlySpan<byte>((byte*)message.GrantedAddress, (int)message.Word3);
        }
        else
        {
            if (message.Word3 != message.BufferLength)
                return NetStatus.BadBuffer;
            data = new ReadOnlySpan<byte>(_copy, 0, (int)message.BufferLength);
        }
        TcpConnection connection = socket.Connection;
        if (connection.State == TcpState.SynSent || connection.State == TcpState.SynReceived)
            return NetStatus.WouldBlock;
        PathTicks.Switch(PathTicks.Copy);
        int taken = connection.Queue(data);
        PathTicks.Switch(PathTicks.Stack);
        if (taken > 0)
            PathTicks.CopiedBytes += (ulong)taken;
        connection.Flush(now);
        if (taken < 0)
            return connection.State == TcpState.Closed ? ErrorOf(connection.Error, NetStatus.InvalidState) : NetStatus.InvalidState;
        if (taken == 0 && data.Length > 0)
            return NetStatus.WouldBlock;
        reply.Word0 = (ulong)taken;
        return NetStatus.Ok;
    }

    private NetStatus TcpReceive(NetSocket socket, ref IpcMessage message, ref IpcMessage reply, long now)
    {
        if (socket.Kind != NetSocket.Tcp)
            return NetStatus.InvalidState;
        TcpConnection connection = socket.Connection;
        if (connection.Available == 0)
        {
            if (connection.ReceiveFinished || (connection.State == TcpState.Closed && connection.Error == TcpError.None))
            {
                reply.Word0 = 0;
                return NetStatus.Ok; // the end of the stream
            }
            if (connection.State == TcpState.Closed)
                return ErrorOf(connection.Error, NetStatus.ConnectionReset);
            return NetStatus.WouldBlock;
        }
        if (message.GrantedAddress != 0)
        {
            if (message.Word3 > message.GrantLength)
                return NetStatus.BadBuffer;
            PathTicks.Switch(PathTicks.Copy);
            int taken = connection.Take(new Span<byte>((byte*)message.GrantedAddress, (int)message.Word3));
            PathTicks.Switch(PathTicks.Stack);
            PathTicks.CopiedBytes += (ulong)taken;
            connection.AfterTake(taken, now);
            reply.Word0 = (ulong)taken;
            return NetStatus.Ok;
        }
        int want = message.Word3 < (ulong)_copy.Length ? (int)message.Word3 : _copy.Length;
        PathTicks.Switch(PathTicks.Copy);
        int read = connection.Take(new Span<byte>(_copy, 0, want));
        PathTicks.Switch(PathTicks.Stack);
        PathTicks.CopiedBytes += (ulong)read;
        connection.AfterTake(read, now);
        reply.Word0 = (ulong)read;
        fixed (byte* copy = _copy)
        {
            // ReplyEx copies at once, before fixed ends.
            reply.BufferAddress = (ulong)copy;
            reply.BufferLength = (ulong)read;
            reply.Tag = 0;
            _ports.ReplyEx(ref reply);
        }
        _replied = true; // told the caller already
        return NetStatus.Ok;
    }

    private static NetStatus ErrorOf(TcpError error, NetStatus otherwise) => error switch
    {
        TcpError.ConnectionRefused => NetStatus.ConnectionRefused,
        TcpError.ConnectionReset => NetStatus.ConnectionReset,
        TcpError.TimedOut => NetStatus.TimedOut,
        TcpError.HostUnreachable => NetStatus.HostUnreachable,
        TcpError.Aborted => NetStatus.Aborted,
        _ => otherwise,
    };

    private NetStatus Status(NetSocket socket, ref IpcMessage reply)
    {
        switch (socket.Kind)
        {
            case NetSocket.Listener:
                reply.Word0 = (ulong)NetSocketState.Listening;
                reply.Word1 = (ulong)socket.Listen.ReadyCount;
                return NetStatus.Ok;
            case NetSocket.Udp:
                reply.Word0 = (ulong)NetSocketState.Udp;
                reply.Word1 = (ulong)socket.Datagrams.Count;
                reply.Word3 = (ulong)socket.PeerError.Pending;
                return NetStatus.Ok;
        }
        TcpConnection connection = socket.Connection;
        NetSocketState state = connection.State switch
        {
            TcpState.SynSent or TcpState.SynReceived => NetSocketState.Connecting,
            TcpState.Established => NetSocketState.Connected,
            TcpState.CloseWait => NetSocketState.PeerClosed,
            TcpState.Closed => NetSocketState.Closed,
            _ => NetSocketState.Closing,
        };
        reply.Word0 = (ulong)state;
        reply.Word1 = (ulong)connection.Available;
        reply.Word2 = (ulong)connection.SendSpace;
        reply.Word3 = (ulong)ErrorOf(connection.Error, NetStatus.Ok);
        if (state == NetSocketState.Connecting)
            _sessions[socket.Owner].Waiting = true;
        return NetStatus.Ok;
    }

    // ---- UDP ----

    private NetStatus UdpBind(int session, ulong port, ref IpcMessage reply)
    {
        if (Host == null)
            return NetStatus.NoInterface;
        if (port > ushort.MaxValue)
            return NetStatus.InvalidArgument;
        ushort local = port == 0 ? EphemeralPort() : (ushort)port;
        if (local == 0 || (port != 0 && PortInUse(local)))
            return NetStatus.AddressInUse;
        NetStatus status = NewSocket(session, NetSocket.Udp, out NetSocket socket);
        if (status != NetStatus.Ok)
            return status;
        socket.LocalPort = local;
        socket.Datagrams = new UdpQueue();
        socket.PeerError = new UdpPeerError();
        reply.Word0 = (ulong)socket.Id;
        reply.Word1 = local;
        return NetStatus.Ok;
    }

    private NetStatus UdpSendTo(NetSocket socket, ref IpcMessage message, long now)
    {
        if (socket.Kind != NetSocket.Udp)
            return NetStatus.InvalidState;
        NetStatus usable = Usable();
        if (usable != NetStatus.Ok)
            return usable;
        uint address = (uint)message.Word3;
        ushort port = (ushort)(message.Word3 >> 32);
        if (port == 0 || (message.Word3 >> 48) != 0 || message.BufferLength > UdpQueue.SlotBytes)
            return NetStatus.InvalidArgument;
        NetStatus error = socket.PeerError.Take();
        if (error != NetStatus.Ok)
            return error; // the datagram is not sent, as Linux's send on a socket with a pending error
        socket.PeerError.OnSent(address, port);
        bool sent = Host.SendUdp(socket.LocalPort, new Ipv4Address(address), port, new ReadOnlySpan<byte>(_copy, 0, (int)message.BufferLength), now);
        return sent ? NetStatus.Ok : NetStatus.HostUnreachable;
    }

    private NetStatus UdpReceiveFrom(NetSocket socket, ref IpcMessage reply)
    {
        if (socket.Kind != NetSocket.Udp)
            return NetStatus.InvalidState;
        NetStatus error = socket.PeerError.Take();
        if (error != NetStatus.Ok)
            return error;
        if (socket.Datagrams.Count == 0)
            return NetStatus.WouldBlock;
        int length = socket.Datagrams.Take(_copy, out uint source, out ushort port);
        fixed (byte* copy = _copy)
        {
            reply.Tag = 0;
            reply.Word0 = (ulong)length;
            reply.Word1 = source;
            reply.Word2 = port;
            reply.BufferAddress = (ulong)copy;
            reply.BufferLength = (ulong)length;
            _ports.ReplyEx(ref reply);
        }
        _replied = true;
        return NetStatus.Ok;
    }

    public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
    {
        if (destinationPort == DhcpClientPort)
            return _service.OnDhcp(payload, now);
        // The resolver's port: any source port (a server need not be on 53), matched against the query's server there.
        if (destinationPort == DnsClientPort)
            return _service.OnDns(source, sourcePort, payload, now);
        for (int i = 0; i < _sockets.Length; i++)
        {
            NetSocket socket = _sockets[i];
            if (socket != null && socket.Kind == NetSocket.Udp && socket.LocalPort == destinationPort)
            {
                socket.Datagrams.Add(source, sourcePort, payload);
                return true;
            }
        }
        return false;
    }

    /// <summary>An ICMP error quoting a datagram we sent: kept on the UDP socket that sent it (see <see cref="UdpPeerError"/>).</summary>
    public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now)
    {
        for (int i = 0; i < _sockets.Length; i++)
        {
            NetSocket socket = _sockets[i];
            if (socket != null && socket.Kind == NetSocket.Udp && socket.LocalPort == localPort)
            {
                // A receiver waiting for a datagram is woken (WakeWaiting after these frames) and gets the error.
                socket.PeerError.OnUnreachable(remote.Value, remotePort, code);
                return;
            }
        }
    }

    // ---- names, echo, information ----

    private NetStatus Resolve(int session, ref IpcMessage message, ref IpcMessage reply, long now)
    {
        if (message.BufferLength == 0 || message.BufferLength > NetProtocol.MaxNameLength)
            return NetStatus.InvalidArgument;
        DnsResolver resolver = _service.Resolver;
        if (resolver == null)
            return Usable() != NetStatus.Ok ? Usable() : NetStatus.HostNotFound;
        DnsQueryState state;
        int count;
        if (message.Word2 != 0 && (long)message.Word2 == _sessions[session].DnsHandle)
        {
            state = resolver.Collect((int)message.Word2, _addresses, out count);
        }
        else
        {
            var name = new char[(int)message.BufferLength];
            for (int i = 0; i < name.Length; i++)
            {
                byte b = _copy[i];
                if (b <= 32 || b >= 127)
                    return NetStatus.InvalidArgument;
                name[i] = (char)b;
            }
            state = resolver.Start(new string(name), now, _addresses, out count, out int handle);
            _sessions[session].DnsHandle = handle;
            reply.Word0 = (ulong)handle;
        }
        switch (state)
        {
            case DnsQueryState.Pending:
                reply.Word0 = (ulong)_sessions[session].DnsHandle;
                return NetStatus.WouldBlock;
            case DnsQueryState.Resolved:
                reply.Word0 = (ulong)count;
                reply.Word1 = count > 0 ? _addresses[0].Value : 0;
                reply.Word2 = count > 1 ? _addresses[1].Value : 0;
                reply.Word3 = count > 2 ? _addresses[2].Value : 0;
                return NetStatus.Ok;
            case DnsQueryState.NotFound:
                return NetStatus.HostNotFound;
            default:
                return NetStatus.TimedOut;
        }
    }

    private NetStatus EchoRequest(int session, ulong address, ulong sequenceAndLength, long now)
    {
        NetStatus usable = Usable();
        if (usable != NetStatus.Ok)
            return usable;
        int length = (int)(sequenceAndLength >> 16);
        if (address > uint.MaxValue || (sequenceAndLength >> 32) != 0 || length > 1400)
            return NetStatus.InvalidArgument;
        NetSession owner = _sessions[session];
        owner.EchoSequence = (ushort)sequenceAndLength;
        owner.EchoRoundTripMicroseconds = -1;
        for (int i = 0; i < length; i++)
            _copy[i] = (byte)i;
        owner.EchoSentTicks = Ticks.Now();
        bool sent = Host.SendEchoRequest(new Ipv4Address((uint)address), (ushort)(session + 1), owner.EchoSequence,
            new ReadOnlySpan<byte>(_copy, 0, length), now);
        return sent ? NetStatus.Ok : NetStatus.HostUnreachable;
    }

    private NetStatus EchoResult(int session, ulong sequence, ref IpcMessage reply)
    {
        NetSession owner = _sessions[session];
        if (sequence != owner.EchoSequence)
            return NetStatus.InvalidArgument;
        if (owner.EchoRoundTripMicroseconds < 0)
            return NetStatus.WouldBlock;
        reply.Word0 = (ulong)owner.EchoRoundTripMicroseconds;
        reply.Word1 = owner.EchoFrom;
        return NetStatus.Ok;
    }

    public void OnEchoReply(Ipv4Address source, ushort identifier, ushort sequence, ReadOnlySpan<byte> data, long now)
    {
        int session = identifier - 1;
        if ((uint)session >= (uint)_sessions.Length || !_sessions[session].Active)
            return;
        NetSession owner = _sessions[session];
        if (sequence != owner.EchoSequence || owner.EchoRoundTripMicroseconds >= 0)
            return;
        owner.EchoRoundTripMicroseconds = _service.MicrosecondsSince(owner.EchoSentTicks);
        owner.EchoFrom = source.Value;
    }

    private NetStatus Interface(ref IpcMessage reply)
    {
        InterfaceInfo info = _service.Describe();
        info.OpenSockets = (uint)_openSockets;
        reply.Word0 = (ulong)sizeof(InterfaceInfo);
        reply.BufferAddress = (ulong)&info;
        reply.BufferLength = (ulong)sizeof(InterfaceInfo);
        reply.Tag = 0;
        _ports.ReplyEx(ref reply);
        _replied = true;
        return NetStatus.Ok;
    }

    private NetStatus ListSockets(ref IpcMessage reply)
    {
        int capacity = NetProtocol.MaxCopyBytes / sizeof(SocketRecord);
        SocketRecord* records = stackalloc SocketRecord[capacity];
        int count = 0;
        for (int i = 0; i < _sockets.Length && count < capacity; i++)
        {
            NetSocket socket = _sockets[i];
            if (socket == null)
                continue;
            SocketRecord record = default;
            record.Owner = (uint)socket.Owner;
            record.LocalPort = socket.LocalPort;
            if (socket.Kind == NetSocket.Tcp)
                Fill(ref record, socket.Connection);
            else if (socket.Kind == NetSocket.Listener)
            {
                record.Protocol = 6;
                record.State = 10;
                record.ReceiveQueued = (uint)socket.Listen.ReadyCount;
            }
            else
            {
                record.Protocol = 17;
                record.State = 11;
                record.ReceiveQueued = (uint)socket.Datagrams.Count;
            }
            records[count++] = record;
        }
        // Connections no program holds any more (closing, TIME-WAIT).
        if (Host != null)
        {
            _scratch.Clear();
            Host.Tcp.CopyConnections(_scratch);
            for (int i = 0; i < _scratch.Count && count < capacity; i++)
            {
                if (IsHeld(_scratch[i]))
                    continue;
                SocketRecord record = default;
                record.Owner = uint.MaxValue;
                Fill(ref record, _scratch[i]);
                records[count++] = record;
            }
            _scratch.Clear();
        }
        reply.Tag = 0;
        reply.Word0 = (ulong)count;
        reply.BufferAddress = (ulong)records;
        reply.BufferLength = (ulong)(count * sizeof(SocketRecord));
        _ports.ReplyEx(ref reply);
        _replied = true;
        return NetStatus.Ok;
    }

    private bool IsHeld(TcpConnection connection)
    {
        for (int i = 0; i < _sockets.Length; i++)
        {
            if (_sockets[i] != null && _sockets[i].Connection == connection)
                return true;
        }
        return false;
    }

    private static void Fill(ref SocketRecord record, TcpConnection connection)
    {
        record.Protocol = 6;
        record.State = (uint)connection.State;
        record.LocalAddress = connection.LocalAddress.Value;
        record.LocalPort = connection.LocalPort;
        record.RemoteAddress = connection.RemoteAddress.Value;
        record.RemotePort = connection.RemotePort;
        record.ReceiveQueued = (uint)connection.Available;
        record.SendQueued = (uint)connection.SendQueued;
    }
}
