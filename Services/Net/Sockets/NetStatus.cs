namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>The status in a reply's tag: what a program sees as a socket error (the shapes of .NET's SocketError).</summary>
public enum NetStatus : ulong
{
    Ok = 0,
    /// <summary>Nothing yet: wait for an event on the client's port and ask again.</summary>
    WouldBlock = 1,
    UnknownRequest = 2,
    InvalidArgument = 3,
    /// <summary>No such session, or the token does not match.</summary>
    NotConnected = 4,
    BadSocket = 5,
    /// <summary>No interface: no NIC, or the driver is not attached yet.</summary>
    NoInterface = 6,
    /// <summary>No address yet (DHCP still running).</summary>
    NoAddress = 7,
    AddressInUse = 8,
    ConnectionRefused = 9,
    ConnectionReset = 10,
    TimedOut = 11,
    HostUnreachable = 12,
    /// <summary>The socket cannot do that in its state (send after shutdown, accept on a connection).</summary>
    InvalidState = 13,
    /// <summary>Too many sockets, sessions or queries.</summary>
    NoResources = 14,
    /// <summary>A name that does not exist (DNS).</summary>
    HostNotFound = 15,
    /// <summary>A buffer or grant that does not fit the request.</summary>
    BadBuffer = 16,
    /// <summary>The socket's connection was aborted locally.</summary>
    Aborted = 17,
}

/// <summary>A socket's state as <see cref="NetRequest.Status"/> reports it.</summary>
public enum NetSocketState : ulong
{
    Closed = 0,
    Connecting = 1,
    Connected = 2,
    /// <summary>The peer sent FIN: what is buffered can still be read; sending may go on.</summary>
    PeerClosed = 3,
    /// <summary>We shut down sending; the connection is finishing.</summary>
    Closing = 4,
    Listening = 5,
    Udp = 6,
}

/// <summary>Names for messages.</summary>
public static class NetStatusText
{
    public static string Of(NetStatus status) => status switch
    {
        NetStatus.Ok => "ok",
        NetStatus.WouldBlock => "would block",
        NetStatus.UnknownRequest => "unknown request",
        NetStatus.InvalidArgument => "invalid argument",
        NetStatus.NotConnected => "not connected to the net service",
        NetStatus.BadSocket => "bad socket",
        NetStatus.NoInterface => "no network interface",
        NetStatus.NoAddress => "no address yet",
        NetStatus.AddressInUse => "address in use",
        NetStatus.ConnectionRefused => "connection refused",
        NetStatus.ConnectionReset => "connection reset",
        NetStatus.TimedOut => "timed out",
        NetStatus.HostUnreachable => "host unreachable",
        NetStatus.InvalidState => "invalid state",
        NetStatus.NoResources => "no resources",
        NetStatus.HostNotFound => "host not found",
        NetStatus.BadBuffer => "bad buffer",
        NetStatus.Aborted => "aborted",
        _ => "error " + ((ulong)status).ToString(),
    };
}
