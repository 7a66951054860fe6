using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Drivers.Net.E1000;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers;

/// <summary>The e1000's TCP/IP context descriptor as the driver builds it from a frame's own headers.</summary>
public class TransmitOffloadContextTests
{
    // Ethernet (14), IPv4 with no options (20), and a TCP header of 32 (timestamps) or UDP's 8.
    private static byte[] Frame(byte protocol, int transportHeader, int length, int ipHeader = 20)
    {
        var frame = new byte[length];
        frame[12] = 0x08;
        frame[13] = 0x00;
        frame[14] = (byte)(0x40 | ipHeader / 4);
        frame[14 + 9] = protocol;
        if (protocol == 6)
            frame[14 + ipHeader + 12] = (byte)((transportHeader / 4) << 4);
        return frame;
    }

    [Test]
    public void ATcpFrameToCutNamesItsChecksumsHeaderPayloadAndMss()
    {
        byte[] frame = Frame(6, 32, 14 + 20 + 32 + 8 * 1448);
        Assert.That(TransmitOffloadContext.TryDescribe(frame.AsSpan(0, 2048), frame.Length, 1448, out var context), Is.True);
        Assert.That(context.IpChecksumStart, Is.EqualTo(14));
        Assert.That(context.IpChecksumOffset, Is.EqualTo(24));
        Assert.That(context.IpChecksumEnd, Is.EqualTo(33));
        Assert.That(context.TransportChecksumStart, Is.EqualTo(34));
        Assert.That(context.TransportChecksumOffset, Is.EqualTo(50));
        Assert.That(context.TransportChecksumEnd, Is.EqualTo(0), "to the end of the frame");
        Assert.That(context.HeaderLength, Is.EqualTo(66));
        Assert.That(context.MaximumSegmentSize, Is.EqualTo(1448));
        Assert.That(context.LengthAndCommand & TransmitContextDescriptor.PayloadLengthMask, Is.EqualTo(8u * 1448));
        uint command = TransmitContextDescriptor.CommandTcp | TransmitContextDescriptor.CommandIpv4 | TransmitContextDescriptor.CommandSegmentation
                       | TransmitContextDescriptor.CommandExtended | TransmitContextDescriptor.CommandReportStatus;
        Assert.That(context.LengthAndCommand & ~TransmitContextDescriptor.PayloadLengthMask, Is.EqualTo(command));
    }

    [Test]
    public void TheDescriptorIsLaidOutAsTheManualSays()
    {
        Assert.That(Marshal.SizeOf<TransmitContextDescriptor>(), Is.EqualTo(16));
        Assert.That(Marshal.OffsetOf<TransmitContextDescriptor>(nameof(TransmitContextDescriptor.LengthAndCommand)).ToInt32(), Is.EqualTo(8));
        Assert.That(Marshal.OffsetOf<TransmitContextDescriptor>(nameof(TransmitContextDescriptor.HeaderLength)).ToInt32(), Is.EqualTo(13));
        Assert.That(Marshal.OffsetOf<TransmitContextDescriptor>(nameof(TransmitContextDescriptor.MaximumSegmentSize)).ToInt32(), Is.EqualTo(14));
        Assert.That(Marshal.SizeOf<TransmitDataDescriptor>(), Is.EqualTo(16));
        Assert.That(Marshal.OffsetOf<TransmitDataDescriptor>(nameof(TransmitDataDescriptor.Options)).ToInt32(), Is.EqualTo(13));
        // DTYP data (0001b at bit 20), DEXT, IFCS, RS; EOP and TSE as asked.
        Assert.That(TransmitDataDescriptor.LengthAndCommandFor(4096, endOfPacket: false, segmentation: true), Is.EqualTo(0x2E10_1000u));
        Assert.That(TransmitDataDescriptor.LengthAndCommandFor(60, endOfPacket: true, segmentation: false), Is.EqualTo(0x2B10_003Cu));
    }

    [Test]
    public void AFrameForChecksumsOnlyHasNoSegmentationAndIpOptionsMoveTheTransportHeader()
    {
        byte[] frame = Frame(6, 20, 14 + 24 + 20 + 100, ipHeader: 24);
        Assert.That(TransmitOffloadContext.TryDescribe(frame, frame.Length, 0, out var context), Is.True);
        Assert.That(context.IpChecksumEnd, Is.EqualTo(37));
        Assert.That(context.TransportChecksumStart, Is.EqualTo(38));
        Assert.That(context.TransportChecksumOffset, Is.EqualTo(54));
        Assert.That(context.LengthAndCommand & TransmitContextDescriptor.CommandSegmentation, Is.Zero);
        Assert.That(context.LengthAndCommand & TransmitContextDescriptor.PayloadLengthMask, Is.Zero);
    }

    [Test]
    public void UdpGetsItsChecksumFieldButIsNeverCut()
    {
        byte[] frame = Frame(17, 8, 14 + 20 + 8 + 100);
        Assert.That(TransmitOffloadContext.TryDescribe(frame, frame.Length, 0, out var context), Is.True);
        Assert.That(context.TransportChecksumOffset, Is.EqualTo(34 + 6));
        Assert.That(context.LengthAndCommand & TransmitContextDescriptor.CommandTcp, Is.Zero);
        Assert.That(TransmitOffloadContext.TryDescribe(frame, frame.Length, 1000, out _), Is.False);
    }

    [Test]
    public void WhatIsNotIpv4TcpOrUdpOrIsCutShortIsRefused()
    {
        byte[] arp = Frame(6, 20, 60);
        arp[13] = 0x06;
        Assert.That(TransmitOffloadContext.TryDescribe(arp, arp.Length, 0, out _), Is.False, "ARP");
        Assert.That(TransmitOffloadContext.TryDescribe(Frame(1, 8, 98), 98, 0, out _), Is.False, "ICMP");
        byte[] tcp = Frame(6, 32, 200);
        Assert.That(TransmitOffloadContext.TryDescribe(tcp.AsSpan(0, 50), 200, 0, out _), Is.False, "headers cut short");
        byte[] badOffset = Frame(6, 32, 200);
        badOffset[14 + 20 + 12] = 0x40;
        Assert.That(TransmitOffloadContext.TryDescribe(badOffset, 200, 0, out _), Is.False, "a TCP header shorter than 20");
        Assert.That(TransmitOffloadContext.TryDescribe(tcp, 66, 1448, out _), Is.False, "nothing to cut");
    }
}
