namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>An interface's IPv4 settings, from DHCP or given statically.</summary>
public struct IpConfiguration
{
    public Ipv4Address Address;
    public Ipv4Address SubnetMask;
    public Ipv4Address Gateway;
    public Ipv4Address Dns0;
    public Ipv4Address Dns1;
    public Ipv4Address Dns2;
    public int DnsCount;

    public bool IsConfigured => !Address.IsAny;

    public Ipv4Address Dns(int index) => index == 0 ? Dns0 : index == 1 ? Dns1 : Dns2;
}
