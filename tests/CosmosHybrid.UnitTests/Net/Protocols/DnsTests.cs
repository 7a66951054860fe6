using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class DnsTests
{
    private static readonly Ipv4Address Server1 = new Ipv4Address(10, 0, 2, 2);
    private static readonly Ipv4Address Server2 = new Ipv4Address(10, 0, 2, 4);

    private static byte[] Wire(string name)
    {
        var buffer = new byte[256];
        int length = DnsCodec.EncodeName(name, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    [Test]
    public void QueryBytesFollowRfc1035Layout()
    {
        var buffer = new byte[512];
        int length = DnsCodec.WriteQuery(buffer, 0xBEEF, "www.Example.com");
        Assert.That(buffer.AsSpan(0, length).ToArray(), Is.EqualTo(new byte[]
        {
            0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
            3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'E', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
            3, (byte)'c', (byte)'o', (byte)'m', 0, 0, 1, 0, 1,
        }));
    }

    [Test]
    public void BadNamesAreNotEncoded()
    {
        var buffer = new byte[512];
        Assert.That(DnsCodec.EncodeName("", buffer), Is.EqualTo(0));
        Assert.That(DnsCodec.EncodeName("a..b", buffer), Is.EqualTo(0));
        Assert.That(DnsCodec.EncodeName(new string('a', 64) + ".com", buffer), Is.EqualTo(0));
        Assert.That(DnsCodec.EncodeName(new string('a', 63) + ".com", buffer), Is.EqualTo(69));
        string longName = string.Join(".", new[] { new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 63) });
        Assert.That(DnsCodec.EncodeName(longName, buffer), Is.EqualTo(0), "over 255 bytes");
        Assert.That(DnsCodec.EncodeName("bad name", buffer), Is.EqualTo(0));
        Assert.That(DnsCodec.EncodeName("host.", buffer), Is.EqualTo(6), "a trailing dot is the root");
    }

    /// <summary>
    /// www.example.com: CNAME host.example.com (compressed against the question), then the A record
    /// of host.example.com (its owner a pointer into the CNAME's data), TTLs 300 and 60.
    /// </summary>
    private static byte[] CnameResponse(ushort id = 0xBEEF)
    {
        var bytes = new List<byte>
        {
            (byte)(id >> 8), (byte)id, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0,
            3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
            3, (byte)'c', (byte)'o', (byte)'m', 0, 0, 1, 0, 1,
            // answer 1 at 33: owner -> 12, CNAME IN ttl 300, rdlength 7: "host" + pointer to 16 ("example.com")
            0xC0, 12, 0, 5, 0, 1, 0, 0, 1, 44, 0, 7, 4, (byte)'h', (byte)'o', (byte)'s', (byte)'t', 0xC0, 16,
            // answer 2: owner -> 45 (the CNAME's data), A IN ttl 60, 93.184.216.34
            0xC0, 45, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 93, 184, 216, 34,
        };
        return bytes.ToArray();
    }

    private static ParseStatus Parse(byte[] message, out Ipv4Address[] found, out uint ttl, out DnsResponseCode code, ushort id = 0xBEEF,
                                     string name = "www.example.com")
    {
        var addresses = new Ipv4Address[4];
        var status = DnsCodec.ParseResponse(message, id, Wire(name), new byte[512], addresses, out int count, out ttl, out code);
        found = addresses.AsSpan(0, count).ToArray();
        return status;
    }

    [Test]
    public void CnameAndCompressedARecordAreFollowed()
    {
        Assert.That(Parse(CnameResponse(), out var found, out uint ttl, out var code), Is.EqualTo(ParseStatus.Ok));
        Assert.That(code, Is.EqualTo(DnsResponseCode.NoError));
        Assert.That(found, Is.EqualTo(new[] { new Ipv4Address(93, 184, 216, 34) }));
        Assert.That(ttl, Is.EqualTo(60u), "the smallest TTL on the chain");
        Assert.That(Parse(CnameResponse(), out _, out _, out _, name: "WWW.EXAMPLE.COM"), Is.EqualTo(ParseStatus.Ok), "case ignored");
    }

    [Test]
    public void LyingAndShortAnswersAreRejected()
    {
        var good = CnameResponse();
        Assert.That(Parse(good, out _, out _, out _, id: 0x1234), Is.EqualTo(ParseStatus.BadField), "other id");
        Assert.That(Parse(good, out _, out _, out _, name: "www.example.org"), Is.EqualTo(ParseStatus.BadField), "other question");
        for (int cut = 0; cut < good.Length; cut++)
            Assert.That(Parse(good.AsSpan(0, cut).ToArray(), out _, out _, out _), Is.Not.EqualTo(ParseStatus.Ok), "cut at " + cut);

        Assert.That(Parse(With(good, 2, 0x01), out _, out _, out _), Is.EqualTo(ParseStatus.BadField), "a query, not a response");
        Assert.That(Parse(With(good, 2, 0x83), out _, out _, out _), Is.EqualTo(ParseStatus.Unsupported), "truncated flag");
        Assert.That(Parse(With(good, 5, 2), out _, out _, out _), Is.EqualTo(ParseStatus.BadField), "two questions");
        Assert.That(Parse(With(good, 7, 3), out _, out _, out _), Is.EqualTo(ParseStatus.Truncated), "more answers than bytes");
        Assert.That(Parse(With(good, 63, 5), out _, out _, out _), Is.EqualTo(ParseStatus.Truncated), "A rdlength past the end");
        var longA = new List<byte>(good);
        longA[63] = 5;
        longA.Add(1);
        Assert.That(Parse(longA.ToArray(), out _, out _, out _), Is.EqualTo(ParseStatus.BadLength), "A record of five bytes");
        Assert.That(Parse(With(good, 44, 3), out _, out _, out _), Is.EqualTo(ParseStatus.BadLength), "CNAME name runs out of its record");
    }

    [Test]
    public void CompressionLoopsAreCaught()
    {
        var good = CnameResponse();
        Assert.That(Parse(With(good, 34, 33), out _, out _, out _), Is.EqualTo(ParseStatus.BadField), "pointer to itself");
        Assert.That(Parse(With(good, 34, 60), out _, out _, out _), Is.EqualTo(ParseStatus.BadField), "pointer forwards");
        // Two names pointing at each other: the second answer's owner points at the first's, which points forward.
        var loop = With(With(good, 52, 0xC0), 53, 52);
        Assert.That(Parse(loop, out _, out _, out _), Is.EqualTo(ParseStatus.BadField));
        Assert.That(Parse(With(good, 12, 0x40), out _, out _, out _), Is.EqualTo(ParseStatus.Unsupported), "extended label type");

        var name = new byte[256];
        var chain = new List<byte> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        for (int i = 0; i < 130; i++)
        {
            chain.Add(1);
            chain.Add((byte)'a');
        }
        chain.Add(0);
        Assert.That(DnsCodec.ReadName(chain.ToArray(), 12, name, out _, out _), Is.EqualTo(ParseStatus.BadLength), "name over 255 bytes");
    }

    [Test]
    public void NameErrorComesBackAsCode()
    {
        var message = CnameResponse();
        message[3] = 0x83;
        message[7] = 0;
        Assert.That(Parse(message.AsSpan(0, 33).ToArray(), out var found, out _, out var code), Is.EqualTo(ParseStatus.Ok));
        Assert.That(code, Is.EqualTo(DnsResponseCode.NameError));
        Assert.That(found, Is.Empty);
    }

    private static byte[] With(byte[] original, int index, byte value)
    {
        var copy = (byte[])original.Clone();
        copy[index] = value;
        return copy;
    }

    /// <summary>Answers a query as a server would: same id and question, one A record.</summary>
    private static byte[] Answer(ReadOnlySpan<byte> query, Ipv4Address address, uint ttl, byte code = 0)
    {
        var bytes = new List<byte>(query.ToArray());
        bytes[2] = 0x81;
        bytes[3] = (byte)(0x80 | code);
        if (code == 0)
        {
            bytes[7] = 1;
            bytes.AddRange(new byte[] { 0xC0, 12, 0, 1, 0, 1, (byte)(ttl >> 24), (byte)(ttl >> 16), (byte)(ttl >> 8), (byte)ttl, 0, 4 });
            var raw = new byte[4];
            address.Write(raw);
            bytes.AddRange(raw);
        }
        return bytes.ToArray();
    }

    [Test]
    public void ResolverRetriesThenMovesToTheNextServer()
    {
        var statistics = new NetStatistics();
        var resolver = new DnsResolver(new[] { Server1, Server2 }, statistics, seed: 42, timeoutMs: 1000, attemptsPerServer: 2);
        var result = new Ipv4Address[4];
        Assert.That(resolver.Start("host.test", 0, result, out _, out int handle), Is.EqualTo(DnsQueryState.Pending));
        var buffer = new byte[512];
        Assert.That(resolver.Poll(0, buffer, out _, out var to), Is.True);
        Assert.That(to.Address, Is.EqualTo(Server1));
        Assert.That(resolver.Poll(999, buffer, out _, out _), Is.False);
        Assert.That(resolver.Poll(1000, buffer, out _, out to), Is.True, "second attempt");
        Assert.That(to.Address, Is.EqualTo(Server1));
        Assert.That(resolver.Poll(2000, buffer, out int length, out to), Is.True);
        Assert.That(to.Address, Is.EqualTo(Server2), "then the next server");

        var stale = Answer(buffer.AsSpan(0, length), new Ipv4Address(1, 2, 3, 4), 100);
        resolver.Receive(Server1, stale, 2100);
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.Pending), "from the wrong server");

        resolver.Receive(Server2, Answer(buffer.AsSpan(0, length), new Ipv4Address(1, 2, 3, 4), 100), 2200);
        Assert.That(resolver.Collect(handle, result, out int count), Is.EqualTo(DnsQueryState.Resolved));
        Assert.That(result[0], Is.EqualTo(new Ipv4Address(1, 2, 3, 4)));
        Assert.That(count, Is.EqualTo(1));
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.None));
    }

    [Test]
    public void ResolverCacheHonoursTtl()
    {
        var resolver = new DnsResolver(new[] { Server1 }, new NetStatistics(), seed: 7);
        var result = new Ipv4Address[4];
        var buffer = new byte[512];
        resolver.Start("Host.Test", 0, result, out _, out int handle);
        resolver.Poll(0, buffer, out int length, out _);
        resolver.Receive(Server1, Answer(buffer.AsSpan(0, length), new Ipv4Address(5, 6, 7, 8), 30), 10);
        resolver.Collect(handle, result, out _);

        Assert.That(resolver.Start("host.test", 30_009, result, out int count, out handle), Is.EqualTo(DnsQueryState.Resolved));
        Assert.That(handle, Is.EqualTo(0));
        Assert.That(count, Is.EqualTo(1));
        Assert.That(result[0], Is.EqualTo(new Ipv4Address(5, 6, 7, 8)));
        Assert.That(resolver.Start("host.test", 30_010, result, out _, out _), Is.EqualTo(DnsQueryState.Pending), "expired after 30 s");
    }

    [Test]
    public void ResolverTimesOutAndReportsMissingNames()
    {
        var resolver = new DnsResolver(new[] { Server1 }, new NetStatistics(), seed: 1, timeoutMs: 500, attemptsPerServer: 2);
        var result = new Ipv4Address[4];
        var buffer = new byte[512];
        resolver.Start("nowhere.test", 0, result, out _, out int handle);
        resolver.Poll(0, buffer, out _, out _);
        resolver.Poll(500, buffer, out _, out _);
        Assert.That(resolver.Poll(1000, buffer, out _, out _), Is.False);
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.TimedOut));

        resolver.Start("missing.test", 2000, result, out _, out handle);
        resolver.Poll(2000, buffer, out int length, out _);
        resolver.Receive(Server1, Answer(buffer.AsSpan(0, length), default, 0, code: 3), 2001);
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.NotFound));
    }

    [Test]
    public void ServerFailureMovesOnAtOnce()
    {
        var resolver = new DnsResolver(new[] { Server1, Server2 }, new NetStatistics(), seed: 3);
        var result = new Ipv4Address[4];
        var buffer = new byte[512];
        resolver.Start("a.test", 0, result, out _, out int handle);
        resolver.Poll(0, buffer, out int length, out _);
        resolver.Receive(Server1, Answer(buffer.AsSpan(0, length), default, 0, code: 2), 5);
        Assert.That(resolver.Poll(6, buffer, out _, out var to), Is.True);
        Assert.That(to.Address, Is.EqualTo(Server2));
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.Pending));
    }

    [Test]
    public void ServerEndpointsParseWithAndWithoutAPort()
    {
        Assert.That(DnsServerEndpoint.TryParse("10.0.2.2", out var plain), Is.True);
        Assert.That(plain, Is.EqualTo(new DnsServerEndpoint(Server1, 53)));
        Assert.That(plain.ToString(), Is.EqualTo("10.0.2.2"));
        Assert.That(DnsServerEndpoint.TryParse("10.0.2.2:5353", out var ported), Is.True);
        Assert.That(ported, Is.EqualTo(new DnsServerEndpoint(Server1, 5353)));
        Assert.That(ported.ToString(), Is.EqualTo("10.0.2.2:5353"));
        Assert.That(DnsServerEndpoint.TryParse("10.0.2.2:65535", out var highest), Is.True);
        Assert.That(highest.Port, Is.EqualTo(65535));
        foreach (string bad in new[] { "", "10.0.2.2:", "10.0.2.2:0", "10.0.2.2:65536", "10.0.2.2:53x", "10.0.2.2:123456", "0.0.0.0", "host:53", ":53", "10.0.2:53" })
            Assert.That(DnsServerEndpoint.TryParse(bad, out _), Is.False, bad);
    }

    [Test]
    public void AServerOnAnotherPortGetsTheQueryAndOnlyItsAnswerCounts()
    {
        var statistics = new NetStatistics();
        var server = new DnsServerEndpoint(Server1, 5353);
        var resolver = new DnsResolver(new[] { server }, statistics, seed: 11);
        var result = new Ipv4Address[4];
        var buffer = new byte[512];
        resolver.Start("ported.test", 0, result, out _, out int handle);
        Assert.That(resolver.Poll(0, buffer, out int length, out DnsServerEndpoint to), Is.True);
        Assert.That(to, Is.EqualTo(server));
        byte[] answer = Answer(buffer.AsSpan(0, length), new Ipv4Address(10, 0, 2, 2), 60);

        // The same answer from the right address but port 53 (or from another address on 5353) is not the server's.
        resolver.Receive(Server1, answer, 1);
        resolver.Receive(new DnsServerEndpoint(Server2, 5353), answer, 1);
        Assert.That(resolver.Collect(handle, result, out _), Is.EqualTo(DnsQueryState.Pending));
        Assert.That(statistics.Dns.Dropped, Is.EqualTo(2));

        resolver.Receive(server, answer, 2);
        Assert.That(resolver.Collect(handle, result, out int count), Is.EqualTo(DnsQueryState.Resolved));
        Assert.That(count, Is.EqualTo(1));
        Assert.That(result[0], Is.EqualTo(new Ipv4Address(10, 0, 2, 2)));
    }
}
