using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A name server: its address and UDP port (53 unless told otherwise, e.g. a test's server on
/// another port). Written "10.0.2.2" or "10.0.2.2:5353".
/// </summary>
public readonly struct DnsServerEndpoint : IEquatable<DnsServerEndpoint>
{
    public readonly Ipv4Address Address;
    public readonly ushort Port;

    public DnsServerEndpoint(Ipv4Address address, ushort port = DnsResolver.ServerPort)
    {
        Address = address;
        Port = port;
    }

    public bool IsAny => Address.IsAny;

    /// <summary>"ADDRESS" (port 53) or "ADDRESS:PORT" with a port 1-65535.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DnsServerEndpoint endpoint)
    {
        endpoint = default;
        int colon = -1;
        for (int i = 0; i < text.Length && colon < 0; i++)
        {
            if (text[i] == ':')
                colon = i;
        }
        ushort port = DnsResolver.ServerPort;
        if (colon >= 0)
        {
            ReadOnlySpan<char> digits = text.Slice(colon + 1);
            if (digits.Length == 0 || digits.Length > 5)
                return false;
            int value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                char digit = digits[i];
                if (digit < '0' || digit > '9')
                    return false;
                value = value * 10 + (digit - '0');
            }
            if (value == 0 || value > ushort.MaxValue)
                return false;
            port = (ushort)value;
            text = text.Slice(0, colon);
        }
        if (!Ipv4Address.TryParse(text, out Ipv4Address address) || address.IsAny)
            return false;
        endpoint = new DnsServerEndpoint(address, port);
        return true;
    }

    public bool Equals(DnsServerEndpoint other) => Address == other.Address && Port == other.Port;
    public override bool Equals(object obj) => obj is DnsServerEndpoint other && Equals(other);
    public override int GetHashCode() => (int)Address.Value ^ (Port << 16);
    public static bool operator ==(DnsServerEndpoint left, DnsServerEndpoint right) => left.Equals(right);
    public static bool operator !=(DnsServerEndpoint left, DnsServerEndpoint right) => !left.Equals(right);

    public override string ToString() => Port == DnsResolver.ServerPort ? Address.ToString() : Address.ToString() + ":" + Port.ToString();
}
