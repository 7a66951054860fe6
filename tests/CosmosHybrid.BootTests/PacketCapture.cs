using System;
using System.Collections.Generic;
using System.IO;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The Ethernet frames of a pcap file (QEMU's filter-dump writes one: every frame between a NIC
/// and its netdev, both ways), and the IPv4 addresses they carry.
/// </summary>
internal static class PacketCapture
{
    private const uint Magic = 0xA1B2C3D4;
    private const int GlobalHeaderLength = 24;
    private const int RecordHeaderLength = 16;

    /// <summary>The frames in <paramref name="path"/>, as captured (possibly cut to the snapshot length).</summary>
    public static List<byte[]> ReadFrames(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        var frames = new List<byte[]>();
        if (file.Length < GlobalHeaderLength || BitConverter.ToUInt32(file, 0) != Magic)
            throw new InvalidDataException(path + " is not a little-endian pcap file");
        int at = GlobalHeaderLength;
        while (at + RecordHeaderLength <= file.Length)
        {
            int captured = (int)BitConverter.ToUInt32(file, at + 8);
            at += RecordHeaderLength;
            if (captured < 0 || at + captured > file.Length)
                break; // the last record may still be being written
            frames.Add(file.AsSpan(at, captured).ToArray());
            at += captured;
        }
        return frames;
    }

    /// <summary>The sender MAC as "52:54:00:12:34:56".</summary>
    public static string SourceMac(byte[] frame) => frame.Length < 14 ? "" : Convert.ToHexString(frame, 6, 6).ToLowerInvariant()
        .Insert(10, ":").Insert(8, ":").Insert(6, ":").Insert(4, ":").Insert(2, ":");

    /// <summary>
    /// Where a frame is going at the IP level: an IPv4 packet's destination, or the address an ARP
    /// packet asks about (target protocol address); null for anything else.
    /// </summary>
    public static string Destination(byte[] frame)
    {
        if (frame.Length < 14)
            return null;
        int type = (frame[12] << 8) | frame[13];
        if (type == 0x0800 && frame.Length >= 34)
            return Dotted(frame, 30);
        if (type == 0x0806 && frame.Length >= 42)
            return Dotted(frame, 38);
        return null;
    }

    /// <summary>An IPv4 packet's source (an ARP packet's sender address); null for anything else.</summary>
    public static string Source(byte[] frame)
    {
        if (frame.Length < 14)
            return null;
        int type = (frame[12] << 8) | frame[13];
        if (type == 0x0800 && frame.Length >= 34)
            return Dotted(frame, 26);
        if (type == 0x0806 && frame.Length >= 42)
            return Dotted(frame, 28);
        return null;
    }

    private static string Dotted(byte[] bytes, int at) => $"{bytes[at]}.{bytes[at + 1]}.{bytes[at + 2]}.{bytes[at + 3]}";
}
