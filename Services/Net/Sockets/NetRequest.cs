namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>
/// The requests of the net service's port (the message tag of a PortCallEx). Word0 of every
/// request but <see cref="Connect"/> is the caller's client id and Word1 its token (from Connect);
/// socket requests name the socket in Word2. The reply's tag is a <see cref="NetStatus"/>.
/// </summary>
public enum NetRequest : ulong
{
    /// <summary>Handle: a send handle to the client's event port. Reply: Word0 client id, Word1 token.</summary>
    Connect = 1,
    /// <summary>Ends the session: every socket of the client is closed (connections reset).</summary>
    Disconnect = 2,
    /// <summary>Reply buffer: one <see cref="InterfaceInfo"/>; Word0 its length.</summary>
    Interface = 3,
    /// <summary>Reply buffer: <see cref="SocketRecord"/>s of every socket; Word0 their count.</summary>
    Sockets = 4,

    /// <summary>Word2 remote address, Word3 remote port. Reply: Word0 socket (the handshake runs; see <see cref="Status"/>).</summary>
    TcpConnect = 10,
    /// <summary>Word2 local port, Word3 backlog. Reply: Word0 socket.</summary>
    TcpListen = 11,
    /// <summary>Word2 listening socket. Reply: Word0 new socket, Word1 remote address, Word2 remote port; or WouldBlock.</summary>
    TcpAccept = 12,
    /// <summary>Word2 socket; the bytes in the buffer (at most 4 KiB) or a grant. Reply: Word0 bytes taken; WouldBlock when none fit.</summary>
    TcpSend = 13,
    /// <summary>Word2 socket, Word3 most bytes wanted; reply buffer or a writable grant. Reply: Word0 bytes (0: end of stream); WouldBlock.</summary>
    TcpReceive = 14,
    /// <summary>Word2 socket: no more sending (FIN once the queue is sent).</summary>
    TcpShutdown = 15,
    /// <summary>Word2 socket. Reply: Word0 <see cref="NetSocketState"/>, Word1 bytes to read, Word2 send space, Word3 the error (a NetStatus).</summary>
    Status = 16,
    /// <summary>Word2 socket: releases it (an open connection closes gracefully; a listener stops).</summary>
    Close = 17,
    /// <summary>Word2 socket, Word3 1 for no delay (Nagle off).</summary>
    SetNoDelay = 18,

    /// <summary>Word2 local port (0: any). Reply: Word0 socket, Word1 the port.</summary>
    UdpBind = 20,
    /// <summary>Word2 socket, Word3 address | port &lt;&lt; 32; the datagram in the buffer.</summary>
    UdpSendTo = 21,
    /// <summary>Word2 socket; reply buffer. Reply: Word0 length, Word1 source address, Word2 source port; or WouldBlock.</summary>
    UdpReceiveFrom = 22,

    /// <summary>The name in the buffer; Word2 a pending query's handle (0 at first). Reply: Word0 count, Word1..3 addresses; WouldBlock with Word0 the handle.</summary>
    Resolve = 30,
    /// <summary>Word2 address, Word3 sequence | payload length &lt;&lt; 16. Reply when sent.</summary>
    EchoRequest = 31,
    /// <summary>Word2 sequence. Reply: Word0 round-trip microseconds, Word1 the replying address; or WouldBlock.</summary>
    EchoResult = 32,
}
