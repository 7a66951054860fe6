using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>What <see cref="NetRequest.Interface"/> returns (ifconfig): the configuration, the link and the counters.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct InterfaceInfo
{
    /// <summary>0 no driver found yet, 1 attached to the driver, 2 the driver went away (re-attaching).</summary>
    public uint DriverState;
    public uint LinkUp;
    public uint LinkSpeedMbps;
    /// <summary>1 when the address came from DHCP, 2 static, 0 none yet.</summary>
    public uint AddressSource;
    /// <summary>The MAC, first byte on the wire highest.</summary>
    public ulong Mac;
    public uint Address;
    public uint SubnetMask;
    public uint Gateway;
    public uint Dns0;
    public uint Dns1;
    public uint LeaseSeconds;
    public ulong FramesReceived;
    public ulong FramesSent;
    public ulong BytesReceived;
    public ulong BytesSent;
    /// <summary>Frames the stack dropped as malformed or unwanted (every layer's errors and drops).</summary>
    public ulong FramesDropped;
    /// <summary>Frames the driver had no room for, and frames we could not queue to it.</summary>
    public ulong DriverDropped;
    public ulong TcpRetransmits;
    public ulong TcpResetsSent;
    public uint Attachments;
    public uint OpenSockets;
    /// <summary>The UDP port of <see cref="Dns0"/> (53 unless net was given dns=ADDRESS:PORT).</summary>
    public uint Dns0Port;

    // Time-stamp-counter ticks for `ifconfig ticks` (netbench --icount): the stack's categories (see
    // the net service's PathTicks), the socket bytes copied, frames of a full 1514 bytes each way,
    // the driver's wake-ups and their ring part (this attachment), and the counter when answered.
    public ulong StackTicks;
    public ulong RingTicks;
    public ulong CopyTicks;
    public ulong CopiedBytes;
    public ulong FullFramesReceived;
    public ulong FullFramesSent;
    public ulong DriverTicks;
    public ulong DriverRingTicks;
    public ulong TimestampTicks;
}

/// <summary>One socket as <see cref="NetRequest.Sockets"/> lists it (netstat).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SocketRecord
{
    /// <summary>6 TCP, 17 UDP.</summary>
    public uint Protocol;
    /// <summary>A TcpState for connections (0 Closed .. 9 TimeWait), 10 for a listener, 11 for UDP.</summary>
    public uint State;
    public uint LocalAddress;
    public uint RemoteAddress;
    public ushort LocalPort;
    public ushort RemotePort;
    public uint ReceiveQueued;
    public uint SendQueued;
    public uint Owner;
}
