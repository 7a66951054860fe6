using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>
/// A message as PortSend/PortReceive/PortCallEx see it in memory. Short messages are
/// the tag and four words; the same five values travel in registers with PortCall and
/// PortReplyWait. Optionally a message carries a buffer (copied once by the kernel, at
/// most <see cref="MaxCopyBytes"/>), a page grant (mapped into the receiver, no copy),
/// or a handle (moved into the receiver's handle table).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct IpcMessage
{
    public const int MaxCopyBytes = 4096;

    /// <summary>Tag value of a notification delivered by PortReceive: Word0 holds the bits.</summary>
    public const ulong NotificationTag = 0xFFFF_FFFF_FFFF_FFFF;

    public ulong Tag;
    public ulong Word0;
    public ulong Word1;
    public ulong Word2;
    public ulong Word3;

    /// <summary>Sending: the bytes to copy. Receiving: where to put them (capacity in BufferLength); on return, the bytes received.</summary>
    public ulong BufferAddress;
    public ulong BufferLength;

    /// <summary>PortCallEx only: pages to lend the receiver for the duration of the call (page-aligned). Received: the length mapped (and Flags says whether writable).</summary>
    public ulong GrantAddress;
    public ulong GrantLength;
    /// <summary>Set by the kernel in the received message: where the granted pages appear in the receiver (0 if none).</summary>
    public ulong GrantedAddress;

    /// <summary>Sending: a handle to move to the receiver (0 for none). Receiving: the receiver's new handle (0 for none).</summary>
    public long Handle;

    public IpcFlags Flags;
}

[System.Flags]
public enum IpcFlags : long
{
    None = 0,
    /// <summary>The grant is writable by the receiver (otherwise read-only).</summary>
    GrantWritable = 1,
}
