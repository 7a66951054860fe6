namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>What a generated frame carries before it is damaged.</summary>
public enum FuzzProtocol
{
    Arp,
    IcmpEcho,
    Icmp,
    Udp,
    Tcp,
    Dhcp,
    Dns,
    Fragment,
    Garbage,
}

/// <summary>How a generated frame was damaged; <see cref="None"/> means well-formed.</summary>
public enum FrameDamage
{
    None,
    Truncated,
    TrailingBytes,
    BadIpChecksum,
    BadTransportChecksum,
    BadIpTotalLength,
    BadIpHeaderLength,
    BadIpVersion,
    IpOptions,
    BadUdpLength,
    TcpFlagsAndOffset,
    TcpOptions,
    ArpFields,
    DhcpOptions,
    DnsNames,
    FragmentOverlap,
    FragmentBeyondMaximum,
    FragmentIncomplete,
    ByteFlips,
    RandomBytes,
}

/// <summary>One generated frame: its length in the caller's buffer and what it is.</summary>
public readonly record struct FuzzFrame(int Length, FuzzProtocol Protocol, FrameDamage Damage);
