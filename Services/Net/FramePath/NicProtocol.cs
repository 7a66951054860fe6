using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>The requests a NIC driver's port understands (the message tag).</summary>
public enum NicRequest : ulong
{
    /// <summary>
    /// PortCallEx. Word0 the protocol version, Word1 the ring capacity, Word2 the buffer count,
    /// Word3 the buffer size; a writable grant of the region (<see cref="FramePoolLayout"/>,
    /// laid out by <see cref="FramePool.Initialize"/>); the handle: a send handle to the client's
    /// port for notifications. The driver keeps the call (and so the grant) for as long as the
    /// attachment lasts, and replies when it ends: Tag 0 after a detach, an error otherwise.
    /// </summary>
    Attach = 1,
    /// <summary>PortCall, no words: ends the caller's attachment (the Attach call then returns).</summary>
    Detach = 2,
    /// <summary>PortCall, no words. Reply: Word0 1 when the link is up, Word1 the speed in Mb/s, Word2 link changes seen.</summary>
    LinkStatus = 3,
    /// <summary>PortCall, no words. Reply: Word0 the MAC address (the first byte on the wire in the low 8 bits).</summary>
    MacAddress = 4,
}

/// <summary>
/// The NIC driver's port protocol, declared once: the name it registers, the notification
/// bits both ways, and the checks every request passes before the driver acts on it. Replies
/// carry a <see cref="SyscallError"/> in the tag (0: success).
/// </summary>
public static class NicProtocol
{
    /// <summary>The reserved name the first NIC driver registers.</summary>
    public const string PortName = "e1000";

    /// <summary>Notification bits on the driver's port: its interrupt, and a client's "I queued frames / made room".</summary>
    public const ulong DriverInterruptBit = 1UL << 0;
    public const ulong DriverKickBit = 1UL << 1;
    public const int DriverInterruptBitNumber = 0;

    /// <summary>Notification bits on the client's port: frames or room in a ring, and a change of the driver's state or the link.</summary>
    public const ulong ClientFramesBit = 1UL << 0;
    public const ulong ClientStateBit = 1UL << 1;

    /// <summary>Checks a received request's shape; on success <paramref name="request"/> says what it is.</summary>
    public static SyscallError Check(in IpcMessage message, out NicRequest request)
    {
        request = (NicRequest)message.Tag;
        switch (request)
        {
            case NicRequest.Attach:
                return CheckAttach(message, out _);
            case NicRequest.Detach:
                bool keyed = message.Word0 == 0 && message.Word1 == 0 && message.Word2 == 0 && message.Word3 == 0
                    && message.GrantedAddress == 0 && message.Handle == 0 && (message.BufferLength == 0 || message.BufferLength == KeyLength);
                return keyed ? SyscallError.None : SyscallError.InvalidArgument;
            case NicRequest.LinkStatus:
            case NicRequest.MacAddress:
                bool plain = message.Word0 == 0 && message.Word1 == 0 && message.Word2 == 0 && message.Word3 == 0
                    && message.GrantedAddress == 0 && message.Handle == 0 && message.BufferLength == 0;
                return plain ? SyscallError.None : SyscallError.InvalidArgument;
            default:
                return SyscallError.NotSupported;
        }
    }

    /// <summary>
    /// An Attach request as the driver received it: the version it speaks, a valid geometry, a
    /// writable grant exactly as long as that geometry needs, and a handle to notify.
    /// </summary>
    public static SyscallError CheckAttach(in IpcMessage message, out FramePoolLayout layout)
    {
        layout = default;
        if ((NicRequest)message.Tag != NicRequest.Attach)
            return SyscallError.InvalidArgument;
        if (message.Word0 != FramePoolLayout.Version)
            return SyscallError.NotSupported;
        if (message.Word1 > FramePoolLayout.MaxRingCapacity || message.Word2 > FramePoolLayout.MaxBuffers || message.Word3 > FramePoolLayout.MaxBufferSize)
            return SyscallError.InvalidArgument;
        var proposed = new FramePoolLayout((int)message.Word1, (int)message.Word2, (int)message.Word3);
        if (!proposed.IsValid)
            return SyscallError.InvalidArgument;
        if (message.GrantedAddress == 0 || message.GrantLength != (ulong)proposed.TotalBytes || (message.Flags & IpcFlags.GrantWritable) == 0)
            return SyscallError.InvalidArgument;
        if (message.Handle <= 0 || (message.BufferLength != 0 && message.BufferLength != KeyLength))
            return SyscallError.InvalidArgument;
        layout = proposed;
        return SyscallError.None;
    }

    /// <summary>The length of the key an Attach or Detach carries as its buffer.</summary>
    public const int KeyLength = sizeof(ulong);

    /// <summary>
    /// Whether a received Attach or Detach may act on the driver. Anyone may hold a send handle to the
    /// driver's public port, and a port does not say who sent a message, so the driver protocol is
    /// keyed like ui's control requests: init draws a key, names it on the command lines of the driver
    /// and of its one rightful client (the manifest's <c>key</c> line, <c>key=N</c>), and the client
    /// sends it as the message's 8-byte buffer. A driver started with no key (0) takes any client, as
    /// the driver-only test manifest wants; with one, anything else is <see cref="SyscallError.Denied"/>.
    /// </summary>
    public static unsafe SyscallError CheckKey(in IpcMessage request, ulong key)
    {
        if (key == 0)
            return SyscallError.None;
        bool matches = request.BufferLength == KeyLength && request.BufferAddress != 0 && *(ulong*)request.BufferAddress == key;
        return matches ? SyscallError.None : SyscallError.Denied;
    }

    /// <summary>The value of a <c>key=N</c> word (decimal) in <paramref name="arguments"/>; 0 without one (or a bad one).</summary>
    public static ulong KeyArgument(string arguments)
    {
        const string Prefix = "key=";
        string[] words = (arguments ?? "").Split(' ');
        foreach (string word in words)
        {
            if (word.StartsWith(Prefix) && ulong.TryParse(word.Substring(Prefix.Length), out ulong key))
                return key;
        }
        return 0;
    }

    /// <summary>The Attach request a client sends for <paramref name="layout"/> at <paramref name="region"/>, with <paramref name="notifyHandle"/> moved to the driver.</summary>
    public static IpcMessage AttachRequest(FramePoolLayout layout, ulong region, long notifyHandle)
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)NicRequest.Attach;
        message.Word0 = FramePoolLayout.Version;
        message.Word1 = (ulong)layout.RingCapacity;
        message.Word2 = (ulong)layout.BufferCount;
        message.Word3 = (ulong)layout.BufferSize;
        message.GrantAddress = region;
        message.GrantLength = (ulong)layout.TotalBytes;
        message.Flags = IpcFlags.GrantWritable;
        message.Handle = notifyHandle;
        return message;
    }

    /// <summary>A reply's short part: the status in the tag, then the words.</summary>
    public static ShortMessage Reply(SyscallError status, ulong word0 = 0, ulong word1 = 0, ulong word2 = 0) =>
        new ShortMessage((ulong)status, word0, word1, word2);

    /// <summary>"52:54:00:12:34:56" for a MAC held as the driver reports it.</summary>
    public static string FormatMac(ulong mac)
    {
        const string digits = "0123456789abcdef";
        char[] text = new char[17];
        for (int i = 0; i < 6; i++)
        {
            int value = (int)((mac >> (8 * i)) & 0xFF);
            text[i * 3] = digits[value >> 4];
            text[i * 3 + 1] = digits[value & 15];
            if (i < 5)
                text[i * 3 + 2] = ':';
        }
        return new string(text);
    }
}
