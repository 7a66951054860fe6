using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>An IPv4 address as a host-order uint (10.0.2.15 is 0x0A00020F).</summary>
public readonly struct Ipv4Address : IEquatable<Ipv4Address>
{
    public const int Length = 4;

    public static readonly Ipv4Address Any = default;
    public static readonly Ipv4Address Broadcast = new Ipv4Address(0xFFFF_FFFFu);

    public readonly uint Value;

    public Ipv4Address(uint value) => Value = value;

    public Ipv4Address(byte a, byte b, byte c, byte d) => Value = ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    public bool IsAny => Value == 0;
    public bool IsBroadcast => Value == 0xFFFF_FFFFu;
    public bool IsMulticast => (Value >> 28) == 0xE;
    public bool IsLoopback => (Value >> 24) == 127;

    public static Ipv4Address Read(ReadOnlySpan<byte> source)
        => new Ipv4Address(((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | source[3]);

    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)(Value >> 24);
        destination[1] = (byte)(Value >> 16);
        destination[2] = (byte)(Value >> 8);
        destination[3] = (byte)Value;
    }

    /// <summary>True when both addresses lie in the same network under <paramref name="mask"/>.</summary>
    public bool SameNetwork(Ipv4Address other, Ipv4Address mask) => ((Value ^ other.Value) & mask.Value) == 0;

    /// <summary>Dotted quad, four decimal parts 0-255, nothing else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = default;
        uint value = 0;
        int parts = 0;
        int i = 0;
        while (parts < 4)
        {
            int start = i;
            uint part = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            {
                part = part * 10 + (uint)(text[i] - '0');
                i++;
            }
            if (i == start || part > 255)
                return false;
            value = (value << 8) | part;
            parts++;
            if (parts < 4)
            {
                if (i >= text.Length || text[i] != '.')
                    return false;
                i++;
            }
        }
        if (i != text.Length)
            return false;
        address = new Ipv4Address(value);
        return true;
    }

    public bool Equals(Ipv4Address other) => Value == other.Value;
    public override bool Equals(object obj) => obj is Ipv4Address other && Equals(other);
    public override int GetHashCode() => (int)Value;
    public static bool operator ==(Ipv4Address left, Ipv4Address right) => left.Value == right.Value;
    public static bool operator !=(Ipv4Address left, Ipv4Address right) => left.Value != right.Value;

    public override string ToString()
        => string.Concat(string.Concat((Value >> 24).ToString(), ".", ((Value >> 16) & 0xFF).ToString(), "."),
                         string.Concat(((Value >> 8) & 0xFF).ToString(), ".", (Value & 0xFF).ToString()));
}
