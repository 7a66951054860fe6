namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// Builds the context descriptor for an Ethernet/IPv4 frame whose checksums the NIC inserts
/// (and, given a segment size, which it cuts into TCP segments), from the frame's own headers.
/// </summary>
public static class TransmitOffloadContext
{
    private const int EthernetHeader = 14;
    private const int TcpChecksumField = 16;
    private const int UdpChecksumField = 6;

    /// <summary>
    /// Describes <paramref name="headers"/> (the frame's start, at least its Ethernet, IPv4 and
    /// TCP/UDP headers) of a frame of <paramref name="frameLength"/> bytes. False when the frame is
    /// not IPv4 carrying TCP or UDP, its headers are cut short, or segmentation was asked for a
    /// non-TCP frame, a segment size of 0, or a payload longer than the descriptor holds.
    /// </summary>
    public static bool TryDescribe(System.ReadOnlySpan<byte> headers, int frameLength, int segmentPayload, out TransmitContextDescriptor context)
    {
        context = default;
        if (headers.Length < EthernetHeader + 20 || frameLength < EthernetHeader + 20)
            return false;
        if (headers[12] != 0x08 || headers[13] != 0x00 || (headers[EthernetHeader] >> 4) != 4)
            return false;
        int ipHeader = (headers[EthernetHeader] & 0xF) * 4;
        int transport = EthernetHeader + ipHeader;
        byte protocol = headers[EthernetHeader + 9];
        bool tcp = protocol == 6;
        if (ipHeader < 20 || (!tcp && protocol != 17))
            return false;
        int transportHeader = tcp ? (transport + 13 <= headers.Length ? (headers[transport + 12] >> 4) * 4 : 0) : 8;
        int headerLength = transport + transportHeader;
        if ((tcp && transportHeader < 20) || headerLength > headers.Length || headerLength > frameLength || headerLength > 255)
            return false;

        context.IpChecksumStart = EthernetHeader;
        context.IpChecksumOffset = EthernetHeader + 10;
        context.IpChecksumEnd = (ushort)(transport - 1);
        context.TransportChecksumStart = (byte)transport;
        context.TransportChecksumOffset = (byte)(transport + (tcp ? TcpChecksumField : UdpChecksumField));
        context.TransportChecksumEnd = 0;
        // Report status too: the driver takes descriptors back in order, by each one's DD.
        uint command = TransmitContextDescriptor.CommandExtended | TransmitContextDescriptor.CommandReportStatus | TransmitContextDescriptor.CommandIpv4
                       | (tcp ? TransmitContextDescriptor.CommandTcp : 0);
        if (segmentPayload > 0)
        {
            int payload = frameLength - headerLength;
            if (!tcp || segmentPayload > 0xFFFF || payload <= 0 || (uint)payload > TransmitContextDescriptor.PayloadLengthMask)
                return false;
            context.HeaderLength = (byte)headerLength;
            context.MaximumSegmentSize = (ushort)segmentPayload;
            command |= TransmitContextDescriptor.CommandSegmentation | (uint)payload;
        }
        context.LengthAndCommand = command;
        return true;
    }
}
