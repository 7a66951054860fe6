namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>IPv4 protocol numbers this stack speaks.</summary>
public static class IpProtocol
{
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;
}
