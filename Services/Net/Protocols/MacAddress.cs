using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>A 48-bit Ethernet address, kept in the low bits of a ulong in wire order (first byte highest).</summary>
public readonly struct MacAddress : IEquatable<MacAddress>
{
    public const int Length = 6;

    public static readonly MacAddress Broadcast = new MacAddress(0xFFFF_FFFF_FFFFUL);
    public static readonly MacAddress Zero = default;

    public readonly ulong Value;

    public MacAddress(ulong value) => Value = value & 0xFFFF_FFFF_FFFFUL;

    public MacAddress(byte b0, byte b1, byte b2, byte b3, byte b4, byte b5)
        => Value = ((ulong)b0 << 40) | ((ulong)b1 << 32) | ((ulong)b2 << 24) | ((ulong)b3 << 16) | ((ulong)b4 << 8) | b5;

    public bool IsBroadcast => Value == 0xFFFF_FFFF_FFFFUL;

    /// <summary>The group bit (least significant bit of the first byte): broadcast and multicast.</summary>
    public bool IsGroup => (Value & (1UL << 40)) != 0;

    /// <summary>Reads six bytes; the caller has checked the length.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> source)
    {
        byte last = source[5]; // its bound check covers the other five
        return new MacAddress(source[0], source[1], source[2], source[3], source[4], last);
    }

    public void Write(Span<byte> destination)
    {
        // The last byte first: its bound check covers the other five (every frame sent writes two).
        destination[5] = (byte)Value;
        destination[0] = (byte)(Value >> 40);
        destination[1] = (byte)(Value >> 32);
        destination[2] = (byte)(Value >> 24);
        destination[3] = (byte)(Value >> 16);
        destination[4] = (byte)(Value >> 8);
    }

    public bool Equals(MacAddress other) => Value == other.Value;
    public override bool Equals(object obj) => obj is MacAddress other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();
    public static bool operator ==(MacAddress left, MacAddress right) => left.Value == right.Value;
    public static bool operator !=(MacAddress left, MacAddress right) => left.Value != right.Value;

    public override string ToString()
    {
        const string Hex = "0123456789abcdef";
        var text = new char[17];
        for (int i = 0; i < Length; i++)
        {
            int b = (int)(Value >> (40 - 8 * i)) & 0xFF;
            text[i * 3] = Hex[b >> 4];
            text[i * 3 + 1] = Hex[b & 0xF];
            if (i < Length - 1)
                text[i * 3 + 2] = ':';
        }
        return new string(text);
    }
}
