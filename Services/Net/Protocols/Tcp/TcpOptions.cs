using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The TCP options this stack reads and writes: MSS (RFC 9293), window scale and timestamps
/// (RFC 7323), SACK-permitted and SACK blocks (RFC 2018). Unknown options are skipped by length.
/// </summary>
public struct TcpOptions
{
    public const int MaxSackBlocks = 4;

    /// <summary>0: not present.</summary>
    public ushort Mss;
    /// <summary>-1: not present; otherwise the shift, at most 14.</summary>
    public int WindowScale;
    public bool SackPermitted;
    public bool HasTimestamps;
    public uint TimestampValue;
    public uint TimestampEcho;
    public int SackBlockCount;
    public uint Sack0Left, Sack0Right, Sack1Left, Sack1Right, Sack2Left, Sack2Right, Sack3Left, Sack3Right;

    public static TcpOptions None => new TcpOptions { WindowScale = -1 };

    public void GetSack(int index, out uint left, out uint right)
    {
        switch (index)
        {
            case 0: left = Sack0Left; right = Sack0Right; break;
            case 1: left = Sack1Left; right = Sack1Right; break;
            case 2: left = Sack2Left; right = Sack2Right; break;
            default: left = Sack3Left; right = Sack3Right; break;
        }
    }

    public void AddSack(uint left, uint right)
    {
        switch (SackBlockCount)
        {
            case 0: Sack0Left = left; Sack0Right = right; break;
            case 1: Sack1Left = left; Sack1Right = right; break;
            case 2: Sack2Left = left; Sack2Right = right; break;
            case 3: Sack3Left = left; Sack3Right = right; break;
            default: return;
        }
        SackBlockCount++;
    }

    public static ParseStatus TryParse(ReadOnlySpan<byte> data, out TcpOptions options)
    {
        options = None;
        int at = 0;
        while (at < data.Length)
        {
            byte kind = data[at];
            if (kind == 0)
                break; // end of option list
            if (kind == 1)
            {
                at++;
                continue;
            }
            if (at + 1 >= data.Length)
                return ParseStatus.Truncated;
            int length = data[at + 1];
            if (length < 2)
                return ParseStatus.BadLength;
            if (at + length > data.Length)
                return ParseStatus.Truncated;
            var value = data.Slice(at + 2, length - 2);
            switch (kind)
            {
                case 2:
                    if (length != 4)
                        return ParseStatus.BadLength;
                    options.Mss = (ushort)((value[0] << 8) | value[1]);
                    break;
                case 3:
                    if (length != 3)
                        return ParseStatus.BadLength;
                    options.WindowScale = Math.Min((int)value[0], 14); // RFC 7323 2.3: larger shifts are read as 14
                    break;
                case 4:
                    if (length != 2)
                        return ParseStatus.BadLength;
                    options.SackPermitted = true;
                    break;
                case 5:
                    if (length < 10 || (length - 2) % 8 != 0)
                        return ParseStatus.BadLength;
                    for (int i = 0; i + 8 <= value.Length; i += 8)
                        options.AddSack(ReadUInt32(value.Slice(i)), ReadUInt32(value.Slice(i + 4)));
                    break;
                case 8:
                    if (length != 10)
                        return ParseStatus.BadLength;
                    options.HasTimestamps = true;
                    options.TimestampValue = ReadUInt32(value);
                    options.TimestampEcho = ReadUInt32(value.Slice(4));
                    break;
            }
            at += length;
        }
        return ParseStatus.Ok;
    }

    /// <summary>The bytes <see cref="Write"/> needs, padded to a multiple of four.</summary>
    public int WrittenLength
    {
        get
        {
            int length = 0;
            if (Mss != 0) length += 4;
            if (WindowScale >= 0) length += 4;           // NOP + 3
            if (SackPermitted) length += HasTimestamps ? 2 : 4;
            if (HasTimestamps) length += SackPermitted ? 10 : 12; // NOP NOP + 10 (shares the pad with SACK-permitted)
            if (SackBlockCount > 0) length += 4 + 8 * SackBlockCount; // NOP NOP + 2 + 8n
            return (length + 3) & ~3;
        }
    }

    /// <summary>Writes the options in the usual aligned layout; returns the length (a multiple of four) or -1 when over 40 bytes.</summary>
    public int Write(Span<byte> destination)
    {
        int total = WrittenLength;
        if (total > 40 || destination.Length < total)
            return -1;
        int at = 0;
        if (Mss != 0)
        {
            destination[at++] = 2;
            destination[at++] = 4;
            destination[at++] = (byte)(Mss >> 8);
            destination[at++] = (byte)Mss;
        }
        if (SackPermitted && HasTimestamps)
        {
            destination[at++] = 4;
            destination[at++] = 2;
            at = WriteTimestamps(destination, at);
        }
        else if (HasTimestamps)
        {
            destination[at++] = 1;
            destination[at++] = 1;
            at = WriteTimestamps(destination, at);
        }
        else if (SackPermitted)
        {
            destination[at++] = 1;
            destination[at++] = 1;
            destination[at++] = 4;
            destination[at++] = 2;
        }
        if (WindowScale >= 0)
        {
            destination[at++] = 1;
            destination[at++] = 3;
            destination[at++] = 3;
            destination[at++] = (byte)WindowScale;
        }
        if (SackBlockCount > 0)
        {
            destination[at++] = 1;
            destination[at++] = 1;
            destination[at++] = 5;
            destination[at++] = (byte)(2 + 8 * SackBlockCount);
            for (int i = 0; i < SackBlockCount; i++)
            {
                GetSack(i, out uint left, out uint right);
                WriteUInt32(destination.Slice(at), left);
                WriteUInt32(destination.Slice(at + 4), right);
                at += 8;
            }
        }
        while (at < total)
            destination[at++] = 0;
        return total;
    }

    private int WriteTimestamps(Span<byte> destination, int at)
    {
        destination[at++] = 8;
        destination[at++] = 10;
        WriteUInt32(destination.Slice(at), TimestampValue);
        WriteUInt32(destination.Slice(at + 4), TimestampEcho);
        return at + 8;
    }

    internal static uint ReadUInt32(ReadOnlySpan<byte> source)
        => ((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | source[3];

    internal static void WriteUInt32(Span<byte> destination, uint value)
    {
        destination[0] = (byte)(value >> 24);
        destination[1] = (byte)(value >> 16);
        destination[2] = (byte)(value >> 8);
        destination[3] = (byte)value;
    }
}
