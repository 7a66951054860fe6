using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>
/// The net service's port protocol, declared once for the service and the client library: its
/// name, limits, the event bit on a client's port, and the shape check every request passes
/// before the service looks at it.
/// </summary>
public static class NetProtocol
{
    public const string PortName = "net";

    /// <summary>The bit the service raises on a client's event port when one of its sockets may have progressed.</summary>
    public const ulong ClientEventBit = 1UL << 0;

    /// <summary>Bytes that travel in a message's buffer (a kernel copy); more moves by grant.</summary>
    public const int MaxCopyBytes = IpcMessage.MaxCopyBytes;
    /// <summary>The most a grant may lend for one send or receive.</summary>
    public const int MaxGrantBytes = 1 << 20;
    public const int MaxNameLength = 253;
    public const int MaxClients = 32;
    public const int MaxSocketsPerClient = 64;
    public const int MaxSockets = 256;
    /// <summary>Sessions one process may hold (the caller's process as the kernel names it): the others keep the rest.</summary>
    public const int MaxSessionsPerProcess = 8;
    /// <summary>Sockets one process may hold over all its sessions: a quarter of them all.</summary>
    public const int MaxSocketsPerProcess = MaxSocketsPerClient;
    public const int MaxBacklog = 64;

    /// <summary>
    /// Checks a request's shape (not its meaning): a known tag, a buffer no longer than a copy,
    /// a grant only where data moves, and no handle except Connect's.
    /// </summary>
    public static NetStatus Check(in IpcMessage message, out NetRequest request)
    {
        request = (NetRequest)message.Tag;
        bool grant = message.GrantedAddress != 0;
        if (message.BufferLength > (ulong)MaxCopyBytes)
            return NetStatus.BadBuffer;
        switch (request)
        {
            case NetRequest.Connect:
                return message.Handle > 0 && !grant && message.BufferLength == 0 ? NetStatus.Ok : NetStatus.InvalidArgument;
            case NetRequest.TcpSend:
            case NetRequest.TcpReceive:
                if (message.Handle != 0)
                    return NetStatus.InvalidArgument;
                if (grant && (message.GrantLength == 0 || message.GrantLength > MaxGrantBytes))
                    return NetStatus.BadBuffer;
                if (grant && request == NetRequest.TcpReceive && (message.Flags & IpcFlags.GrantWritable) == 0)
                    return NetStatus.BadBuffer;
                return NetStatus.Ok;
            case NetRequest.Disconnect:
            case NetRequest.Interface:
            case NetRequest.Sockets:
            case NetRequest.TcpConnect:
            case NetRequest.TcpListen:
            case NetRequest.TcpAccept:
            case NetRequest.TcpShutdown:
            case NetRequest.Status:
            case NetRequest.Close:
            case NetRequest.SetNoDelay:
            case NetRequest.UdpBind:
            case NetRequest.UdpSendTo:
            case NetRequest.UdpReceiveFrom:
            case NetRequest.Resolve:
            case NetRequest.EchoRequest:
            case NetRequest.EchoResult:
                return message.Handle == 0 && !grant ? NetStatus.Ok : NetStatus.InvalidArgument;
            default:
                return NetStatus.UnknownRequest;
        }
    }

    /// <summary>"10.0.2.15" for an address held with its first byte highest.</summary>
    public static string FormatAddress(uint address) =>
        (address >> 24).ToString() + "." + ((address >> 16) & 255).ToString() + "." + ((address >> 8) & 255).ToString() + "." + (address & 255).ToString();

    /// <summary>Parses a dotted quad; false for anything else.</summary>
    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        int part = 0, digits = 0;
        uint value = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '.')
            {
                if (digits == 0 || value > 255 || part > 3)
                    return false;
                address = (address << 8) | value;
                part++;
                value = 0;
                digits = 0;
                continue;
            }
            char c = text[i];
            if (c < '0' || c > '9' || digits == 3)
                return false;
            value = value * 10 + (uint)(c - '0');
            digits++;
        }
        return part == 4;
    }
}
