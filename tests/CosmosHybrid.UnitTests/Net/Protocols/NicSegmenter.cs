using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// What an 8254x (QEMU's e1000 model) does to a TCP segment whose checksum it finishes, at the
/// TCP level: the checksum field holds the pseudo-header sum (with the length, or without it for a
/// segment it cuts); a cut segment becomes pieces of the given data, each with the header copied,
/// the sequence moved on, PSH and FIN on the last only, and its own length added before the sum.
/// </summary>
public static class NicSegmenter
{
    public static List<byte[]> Finish(ReadOnlySpan<byte> segment, FrameOffload offload)
    {
        var pieces = new List<byte[]>();
        if (offload.IsNone)
        {
            pieces.Add(segment.ToArray());
            return pieces;
        }
        int header = (segment[12] >> 4) * 4;
        int data = segment.Length - header;
        int size = offload.SegmentPayload > 0 ? offload.SegmentPayload : Math.Max(data, 1);
        for (int offset = 0; offset == 0 || offset < data; offset += size)
        {
            int piece = Math.Min(size, data - offset);
            var bytes = new byte[header + piece];
            segment.Slice(0, header).CopyTo(bytes);
            segment.Slice(header + offset, piece).CopyTo(bytes.AsSpan(header));
            if (offload.SegmentPayload > 0)
            {
                TcpOptions.WriteUInt32(bytes.AsSpan(4), TcpOptions.ReadUInt32(segment.Slice(4)) + (uint)offset);
                if (offset + piece < data)
                    bytes[13] &= unchecked((byte)~(TcpFlags.Psh | TcpFlags.Fin));
                uint seed = (uint)((bytes[16] << 8) | bytes[17]) + (uint)bytes.Length;
                seed = (seed & 0xFFFF) + (seed >> 16);
                bytes[16] = (byte)(seed >> 8);
                bytes[17] = (byte)seed;
            }
            ushort checksum = InternetChecksum.Finish(InternetChecksum.Add(0, bytes));
            bytes[16] = (byte)(checksum >> 8);
            bytes[17] = (byte)checksum;
            pieces.Add(bytes);
            if (data == 0)
                break;
        }
        return pieces;
    }
}
