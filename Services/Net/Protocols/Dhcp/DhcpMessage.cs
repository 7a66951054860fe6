using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A DHCP message (RFC 2131 over the BOOTP layout, options from RFC 2132): what a client needs
/// from a server's OFFER, ACK or NAK, and the writer for the client's DISCOVER and REQUEST.
/// </summary>
public struct DhcpMessage
{
    public const int FixedLength = 236;
    public const int OptionsOffset = 240;
    /// <summary>BOOTP's minimum message; servers may ignore shorter ones.</summary>
    public const int MinimumLength = 300;
    public const ushort ServerPort = 67;
    public const ushort ClientPort = 68;
    public const int MaxDnsServers = 3;
    public const uint InfiniteLease = 0xFFFF_FFFFu;

    private const byte OptionPad = 0;
    private const byte OptionSubnetMask = 1;
    private const byte OptionRouter = 3;
    private const byte OptionDns = 6;
    private const byte OptionRequestedAddress = 50;
    private const byte OptionLeaseTime = 51;
    private const byte OptionMessageType = 53;
    private const byte OptionServerIdentifier = 54;
    private const byte OptionParameterList = 55;
    private const byte OptionMaxMessageSize = 57;
    private const byte OptionRenewalTime = 58;
    private const byte OptionRebindingTime = 59;
    private const byte OptionClientIdentifier = 61;
    private const byte OptionEnd = 255;

    public byte Operation;
    public uint TransactionId;
    public Ipv4Address ClientAddress;
    public Ipv4Address YourAddress;
    public MacAddress ClientMac;
    public DhcpMessageType Type;
    public Ipv4Address ServerIdentifier;
    public Ipv4Address SubnetMask;
    public Ipv4Address Router;
    public Ipv4Address Dns0;
    public Ipv4Address Dns1;
    public Ipv4Address Dns2;
    public int DnsCount;
    /// <summary>Seconds; 0 when the option was absent.</summary>
    public uint LeaseSeconds;
    public uint RenewalSeconds;
    public uint RebindingSeconds;

    public Ipv4Address Dns(int index) => index == 0 ? Dns0 : index == 1 ? Dns1 : Dns2;

    /// <summary>Reads a server's reply (op 2, Ethernet, with the magic cookie and a message type).</summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> data, out DhcpMessage message)
    {
        message = default;
        if (data.Length < OptionsOffset)
            return ParseStatus.Truncated;
        if (data[0] != 2)
            return ParseStatus.BadField;
        if (data[1] != 1 || data[2] != MacAddress.Length)
            return ParseStatus.Unsupported;
        if (data[236] != 99 || data[237] != 130 || data[238] != 83 || data[239] != 99)
            return ParseStatus.BadField;
        message.Operation = data[0];
        message.TransactionId = ((uint)data[4] << 24) | ((uint)data[5] << 16) | ((uint)data[6] << 8) | data[7];
        message.ClientAddress = Ipv4Address.Read(data.Slice(12));
        message.YourAddress = Ipv4Address.Read(data.Slice(16));
        message.ClientMac = MacAddress.Read(data.Slice(28));

        int at = OptionsOffset;
        while (at < data.Length)
        {
            byte code = data[at++];
            if (code == OptionPad)
                continue;
            if (code == OptionEnd)
                break;
            if (at >= data.Length)
                return ParseStatus.Truncated;
            int length = data[at++];
            if (at + length > data.Length)
                return ParseStatus.Truncated;
            var value = data.Slice(at, length);
            at += length;
            switch (code)
            {
                case OptionMessageType:
                    if (length != 1)
                        return ParseStatus.BadLength;
                    message.Type = (DhcpMessageType)value[0];
                    break;
                case OptionServerIdentifier:
                    if (length != 4)
                        return ParseStatus.BadLength;
                    message.ServerIdentifier = Ipv4Address.Read(value);
                    break;
                case OptionSubnetMask:
                    if (length != 4)
                        return ParseStatus.BadLength;
                    message.SubnetMask = Ipv4Address.Read(value);
                    break;
                case OptionRouter:
                    if (length < 4 || (length & 3) != 0)
                        return ParseStatus.BadLength;
                    message.Router = Ipv4Address.Read(value);
                    break;
                case OptionDns:
                    if (length < 4 || (length & 3) != 0)
                        return ParseStatus.BadLength;
                    message.DnsCount = Math.Min(MaxDnsServers, length / 4);
                    message.Dns0 = Ipv4Address.Read(value);
                    if (message.DnsCount > 1)
                        message.Dns1 = Ipv4Address.Read(value.Slice(4));
                    if (message.DnsCount > 2)
                        message.Dns2 = Ipv4Address.Read(value.Slice(8));
                    break;
                case OptionLeaseTime:
                case OptionRenewalTime:
                case OptionRebindingTime:
                    if (length != 4)
                        return ParseStatus.BadLength;
                    uint seconds = ((uint)value[0] << 24) | ((uint)value[1] << 16) | ((uint)value[2] << 8) | value[3];
                    if (code == OptionLeaseTime)
                        message.LeaseSeconds = seconds;
                    else if (code == OptionRenewalTime)
                        message.RenewalSeconds = seconds;
                    else
                        message.RebindingSeconds = seconds;
                    break;
            }
        }
        if (message.Type == DhcpMessageType.None)
            return ParseStatus.BadField; // plain BOOTP
        return ParseStatus.Ok;
    }

    /// <summary>
    /// Writes a client message (DISCOVER, REQUEST, DECLINE, RELEASE). <paramref name="requested"/>
    /// and <paramref name="server"/> are included when not "any". Returns the length (at least
    /// <see cref="MinimumLength"/>) or 0 when it does not fit.
    /// </summary>
    public static int WriteClient(Span<byte> destination, DhcpMessageType type, uint transactionId, MacAddress mac, ushort seconds,
                                  Ipv4Address clientAddress, Ipv4Address requested, Ipv4Address server, bool broadcast)
    {
        if (destination.Length < MinimumLength)
            return 0;
        destination.Slice(0, MinimumLength).Clear();
        destination[0] = 1;
        destination[1] = 1;
        destination[2] = MacAddress.Length;
        destination[4] = (byte)(transactionId >> 24);
        destination[5] = (byte)(transactionId >> 16);
        destination[6] = (byte)(transactionId >> 8);
        destination[7] = (byte)transactionId;
        destination[8] = (byte)(seconds >> 8);
        destination[9] = (byte)seconds;
        if (broadcast)
            destination[10] = 0x80;
        clientAddress.Write(destination.Slice(12));
        mac.Write(destination.Slice(28));
        destination[236] = 99;
        destination[237] = 130;
        destination[238] = 83;
        destination[239] = 99;
        int at = OptionsOffset;
        destination[at++] = OptionMessageType;
        destination[at++] = 1;
        destination[at++] = (byte)type;
        destination[at++] = OptionClientIdentifier;
        destination[at++] = 7;
        destination[at++] = 1;
        mac.Write(destination.Slice(at));
        at += MacAddress.Length;
        if (!requested.IsAny)
        {
            destination[at++] = OptionRequestedAddress;
            destination[at++] = 4;
            requested.Write(destination.Slice(at));
            at += 4;
        }
        if (!server.IsAny)
        {
            destination[at++] = OptionServerIdentifier;
            destination[at++] = 4;
            server.Write(destination.Slice(at));
            at += 4;
        }
        if (type == DhcpMessageType.Discover || type == DhcpMessageType.Request)
        {
            destination[at++] = OptionMaxMessageSize;
            destination[at++] = 2;
            destination[at++] = 1500 >> 8;
            destination[at++] = 1500 & 0xFF;
            destination[at++] = OptionParameterList;
            destination[at++] = 6;
            destination[at++] = OptionSubnetMask;
            destination[at++] = OptionRouter;
            destination[at++] = OptionDns;
            destination[at++] = OptionLeaseTime;
            destination[at++] = OptionRenewalTime;
            destination[at++] = OptionRebindingTime;
        }
        destination[at++] = OptionEnd;
        return Math.Max(at, MinimumLength);
    }
}
