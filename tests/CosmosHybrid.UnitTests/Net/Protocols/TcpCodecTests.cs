using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class TcpCodecTests
{
    private static readonly Ipv4Address A = new Ipv4Address(10, 0, 0, 1);
    private static readonly Ipv4Address B = new Ipv4Address(10, 0, 0, 2);

    // 10.0.0.1:40000 -> 10.0.0.2:80, SYN, seq 1000, window 65535, MSS 1460. Checksum e3ab
    // (worked out independently from the RFC 9293 layout and the pseudo-header).
    private static readonly byte[] KnownSyn =
    {
        0x9C, 0x40, 0x00, 0x50, 0x00, 0x00, 0x03, 0xE8, 0, 0, 0, 0, 0x60, 0x02, 0xFF, 0xFF, 0xE3, 0xAB, 0, 0, 0x02, 0x04, 0x05, 0xB4,
    };

    [Test]
    public void SynMatchesHandBuiltBytes()
    {
        var options = TcpOptions.None;
        options.Mss = 1460;
        var buffer = new byte[64];
        int length = TcpSegment.Write(buffer, A, B, 40000, 80, 1000, 0, TcpFlags.Syn, 65535, options, default);
        Assert.That(buffer.AsSpan(0, length).ToArray(), Is.EqualTo(KnownSyn));
        Assert.That(TcpSegment.TryParse(KnownSyn, A, B, out var segment), Is.EqualTo(ParseStatus.Ok));
        Assert.That(segment.SourcePort, Is.EqualTo(40000));
        Assert.That(segment.Sequence, Is.EqualTo(1000u));
        Assert.That(segment.Has(TcpFlags.Syn), Is.True);
        Assert.That(segment.Options.Mss, Is.EqualTo(1460));
        Assert.That(segment.Options.WindowScale, Is.EqualTo(-1));
        Assert.That(segment.SequenceLength, Is.EqualTo(1));
    }

    [Test]
    public void EveryOptionRoundTrips()
    {
        var options = TcpOptions.None;
        options.Mss = 1400;
        options.WindowScale = 7;
        options.SackPermitted = true;
        options.HasTimestamps = true;
        options.TimestampValue = 0x01020304;
        options.TimestampEcho = 0xA0B0C0D0;
        Assert.That(options.WrittenLength, Is.EqualTo(20));
        var buffer = new byte[100];
        int length = TcpSegment.Write(buffer, A, B, 1, 2, 3, 4, TcpFlags.Syn, 5, options, new byte[] { 9, 9 });
        Assert.That(length, Is.EqualTo(42));
        Assert.That(buffer.AsSpan(20, 20).ToArray(), Is.EqualTo(new byte[]
        {
            2, 4, 0x05, 0x78, 4, 2, 8, 10, 1, 2, 3, 4, 0xA0, 0xB0, 0xC0, 0xD0, 1, 3, 3, 7,
        }));
        Assert.That(TcpSegment.TryParse(buffer.AsSpan(0, length), A, B, out var parsed), Is.EqualTo(ParseStatus.Ok));
        Assert.That(parsed.Options.Mss, Is.EqualTo(1400));
        Assert.That(parsed.Options.WindowScale, Is.EqualTo(7));
        Assert.That(parsed.Options.SackPermitted, Is.True);
        Assert.That(parsed.Options.TimestampValue, Is.EqualTo(0x01020304u));
        Assert.That(parsed.Options.TimestampEcho, Is.EqualTo(0xA0B0C0D0u));
        Assert.That(parsed.Payload.ToArray(), Is.EqualTo(new byte[] { 9, 9 }));

        var sack = TcpOptions.None;
        sack.HasTimestamps = true;
        sack.AddSack(100, 200);
        sack.AddSack(300, 400);
        sack.AddSack(500, 600);
        length = TcpSegment.Write(buffer, A, B, 1, 2, 3, 4, TcpFlags.Ack, 5, sack, default);
        Assert.That(length, Is.EqualTo(20 + 40));
        TcpSegment.TryParse(buffer.AsSpan(0, length), A, B, out parsed);
        Assert.That(parsed.Options.SackBlockCount, Is.EqualTo(3));
        parsed.Options.GetSack(2, out uint left, out uint right);
        Assert.That(left, Is.EqualTo(500u));
        Assert.That(right, Is.EqualTo(600u));
        sack.AddSack(700, 800);
        Assert.That(TcpSegment.Write(buffer, A, B, 1, 2, 3, 4, TcpFlags.Ack, 5, sack, default), Is.EqualTo(0), "44 bytes of options");
    }

    [Test]
    public void MalformedHeadersAndOptionsAreRejected()
    {
        Assert.That(TcpSegment.TryParse(KnownSyn.AsSpan(0, 19), A, B, out _), Is.EqualTo(ParseStatus.Truncated));
        Assert.That(Parse(KnownSyn, s => s[12] = 0x40), Is.EqualTo(ParseStatus.BadLength), "data offset 4");
        Assert.That(Parse(KnownSyn, s => s[12] = 0x70), Is.EqualTo(ParseStatus.Truncated), "data offset past the segment");
        Assert.That(Parse(KnownSyn, s => s[7] ^= 1, fix: false), Is.EqualTo(ParseStatus.BadChecksum));
        Assert.That(TcpSegment.TryParse(KnownSyn, A, new Ipv4Address(10, 0, 0, 3), out _), Is.EqualTo(ParseStatus.BadChecksum), "pseudo-header");
        Assert.That(Parse(KnownSyn, s => s[13] = TcpFlags.Syn | TcpFlags.Fin), Is.EqualTo(ParseStatus.BadField));
        Assert.That(Parse(KnownSyn, s => s[13] = TcpFlags.Syn | TcpFlags.Rst), Is.EqualTo(ParseStatus.BadField));
        Assert.That(Parse(KnownSyn, s => { s[2] = 0; s[3] = 0; }), Is.EqualTo(ParseStatus.BadField), "port 0");
        Assert.That(Parse(KnownSyn, s => s[21] = 3), Is.EqualTo(ParseStatus.BadLength), "MSS of three bytes");
        Assert.That(Parse(KnownSyn, s => s[21] = 1), Is.EqualTo(ParseStatus.BadLength), "option length 1");
        Assert.That(Parse(KnownSyn, s => s[21] = 0), Is.EqualTo(ParseStatus.BadLength), "option length 0: would loop");
        Assert.That(Parse(KnownSyn, s => s[21] = 5), Is.EqualTo(ParseStatus.Truncated), "option past the header");
        Assert.That(Parse(KnownSyn, s => { s[20] = 3; s[21] = 4; }), Is.EqualTo(ParseStatus.BadLength), "window scale of four bytes");
        Assert.That(Parse(KnownSyn, s => { s[20] = 8; s[21] = 4; }), Is.EqualTo(ParseStatus.BadLength), "timestamps of four bytes");
        Assert.That(Parse(KnownSyn, s => { s[20] = 5; s[21] = 4; }), Is.EqualTo(ParseStatus.BadLength), "SACK without a whole block");
        Assert.That(Parse(KnownSyn, s => { s[20] = 1; s[21] = 1; s[22] = 1; s[23] = 1; }), Is.EqualTo(ParseStatus.Ok), "all NOPs");
        Assert.That(Parse(KnownSyn, s => { s[20] = 0; s[21] = 99; }), Is.EqualTo(ParseStatus.Ok), "end of list stops parsing");
        Assert.That(Parse(KnownSyn, s => { s[20] = 3; s[21] = 3; s[22] = 40; s[23] = 0; }), Is.EqualTo(ParseStatus.Ok), "scale over 14");
        TcpSegment.TryParse(Fixed(KnownSyn, s => { s[20] = 3; s[21] = 3; s[22] = 40; s[23] = 0; }), A, B, out var clamped);
        Assert.That(clamped.Options.WindowScale, Is.EqualTo(14));
        Assert.That(Parse(KnownSyn, s => { s[20] = 99; s[21] = 4; }), Is.EqualTo(ParseStatus.Ok), "unknown option skipped");
    }

    [Test]
    public void ResetForAClosedPortFollowsRfc9293()
    {
        var buffer = new byte[64];
        TcpSegment.TryParse(KnownSyn, A, B, out var syn);
        int length = TcpSegment.WriteResetFor(buffer, syn, B, A);
        Assert.That(TcpSegment.TryParse(buffer.AsSpan(0, length), B, A, out var reset), Is.EqualTo(ParseStatus.Ok));
        Assert.That(reset.Flags, Is.EqualTo(TcpFlags.Rst | TcpFlags.Ack));
        Assert.That(reset.Sequence, Is.EqualTo(0u));
        Assert.That(reset.Acknowledgment, Is.EqualTo(1001u), "SEG.SEQ + SEG.LEN (the SYN counts)");
        Assert.That(reset.DestinationPort, Is.EqualTo(40000));

        int ackLength = TcpSegment.Write(buffer, A, B, 40000, 80, 5, 777, TcpFlags.Ack, 100, TcpOptions.None, new byte[10]);
        TcpSegment.TryParse(buffer.AsSpan(0, ackLength), A, B, out var ack);
        var answer = new byte[64];
        length = TcpSegment.WriteResetFor(answer, ack, B, A);
        TcpSegment.TryParse(answer.AsSpan(0, length), B, A, out reset);
        Assert.That(reset.Flags, Is.EqualTo(TcpFlags.Rst));
        Assert.That(reset.Sequence, Is.EqualTo(777u), "SEQ = SEG.ACK");
        Assert.That(TcpSegment.WriteResetFor(answer, reset, A, B), Is.EqualTo(0), "a RST is never answered");
    }

    private static ParseStatus Parse(byte[] original, Action<byte[]> change, bool fix = true)
        => TcpSegment.TryParse(fix ? Fixed(original, change) : Changed(original, change), A, B, out _);

    private static byte[] Changed(byte[] original, Action<byte[]> change)
    {
        var copy = (byte[])original.Clone();
        change(copy);
        return copy;
    }

    private static byte[] Fixed(byte[] original, Action<byte[]> change)
    {
        var copy = Changed(original, change);
        copy[16] = copy[17] = 0;
        ushort sum = InternetChecksum.ComputeWithPseudoHeader(A, B, IpProtocol.Tcp, copy);
        copy[16] = (byte)(sum >> 8);
        copy[17] = (byte)sum;
        return copy;
    }
}
