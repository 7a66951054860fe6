namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>The stack's counters, one set per protocol plus the ones that belong to no header.</summary>
public sealed class NetStatistics
{
    public readonly ProtocolCounters Ethernet = new ProtocolCounters("ethernet");
    public readonly ProtocolCounters Arp = new ProtocolCounters("arp");
    public readonly ProtocolCounters Ipv4 = new ProtocolCounters("ip");
    public readonly ProtocolCounters Icmp = new ProtocolCounters("icmp");
    public readonly ProtocolCounters Udp = new ProtocolCounters("udp");
    public readonly ProtocolCounters Tcp = new ProtocolCounters("tcp");
    public readonly ProtocolCounters Dhcp = new ProtocolCounters("dhcp");
    public readonly ProtocolCounters Dns = new ProtocolCounters("dns");

    /// <summary>Packets dropped while waiting for ARP (queue full or no answer).</summary>
    public long ArpPendingDropped;
    public long ArpRequestsFailed;
    public long FragmentsReceived;
    public long FragmentsReassembled;
    public long FragmentsOverlapping;
    public long FragmentsTimedOut;
    /// <summary>Fragments refused because the reassembly buffer was full.</summary>
    public long FragmentsNoRoom;
    public long TcpRetransmits;
    public long TcpResetsSent;
    public long TcpSynDropped;

    public ProtocolCounters[] All => new[] { Ethernet, Arp, Ipv4, Icmp, Udp, Tcp, Dhcp, Dns };
}
