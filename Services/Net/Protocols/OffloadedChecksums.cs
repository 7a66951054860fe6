using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// What a NIC does to a frame whose checksums it finishes (<see cref="FrameOffload"/>), done in
/// software: for a packet that waits for ARP and so goes out later without its offload.
/// </summary>
public static class OffloadedChecksums
{
    /// <summary>
    /// Inserts the IPv4 header checksum (its field 0) and the TCP or UDP checksum (its field
    /// holding <see cref="InternetChecksum.PseudoHeaderSeed"/> with the length) of <paramref name="packet"/>.
    /// </summary>
    public static void Finish(Span<byte> packet)
    {
        int headerLength = (packet[0] & 0xF) * 4;
        int total = (packet[2] << 8) | packet[3];
        Span<byte> transport = packet.Slice(headerLength, total - headerLength);
        int field = packet[9] == IpProtocol.Tcp ? 16 : 6;
        Write(transport.Slice(field), InternetChecksum.Finish(InternetChecksum.Add(0, transport)));
        Write(packet.Slice(10), InternetChecksum.Compute(packet.Slice(0, headerLength)));
    }

    internal static void Write(Span<byte> at, ushort value)
    {
        at[0] = (byte)(value >> 8);
        at[1] = (byte)value;
    }
}
