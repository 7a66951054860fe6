using System.Collections.Generic;

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

    /// <summary>The counters as text lines in the manner of <c>netstat -s</c>, one protocol per line, then the rest.</summary>
    public void Describe(List<string> lines)
    {
        foreach (var counters in All)
        {
            lines.Add(string.Concat(new[]
            {
                counters.Name, ": ", counters.Received.ToString(), " received, ", counters.Delivered.ToString(), " delivered, ",
                counters.Sent.ToString(), " sent, ", counters.Dropped.ToString(), " dropped, ", counters.Truncated.ToString(), " truncated, ",
                counters.BadLength.ToString(), " bad length, ", counters.BadChecksum.ToString(), " bad checksum, ",
                counters.BadField.ToString(), " bad field, ", counters.Unsupported.ToString(), " unsupported",
            }));
        }
        lines.Add(string.Concat(new[]
        {
            "arp: ", ArpPendingDropped.ToString(), " packets dropped while resolving, ", ArpRequestsFailed.ToString(), " addresses unanswered",
        }));
        lines.Add(string.Concat(new[]
        {
            "ip: ", FragmentsReceived.ToString(), " fragments received, ", FragmentsReassembled.ToString(), " reassembled, ",
            FragmentsOverlapping.ToString(), " dropped for overlap, ", FragmentsTimedOut.ToString(), " timed out, ",
            FragmentsNoRoom.ToString(), " refused for room",
        }));
        lines.Add(string.Concat(new[]
        {
            "tcp: ", TcpRetransmits.ToString(), " segments retransmitted, ", TcpResetsSent.ToString(), " resets sent, ",
            TcpSynDropped.ToString(), " SYNs dropped (backlog full)",
        }));
    }
}
