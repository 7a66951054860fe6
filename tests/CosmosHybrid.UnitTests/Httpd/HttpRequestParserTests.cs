using System;
using System.Text;
using CosmosHybrid.Services.Httpd.Http;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Httpd;

public class HttpRequestParserTests
{
    private static HttpParseResult Parse(string text, out HttpRequest request) =>
        HttpRequestParser.Parse(Encoding.Latin1.GetBytes(text), out request);

    [Test]
    public void ParsesAGetWithHeaders()
    {
        string text = "GET /a/b.txt?x=1 HTTP/1.1\r\nHost: example\r\nUser-Agent: curl/8\r\nAccept: */*\r\n\r\n";
        Assert.That(Parse(text, out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.MethodName, Is.EqualTo("GET"));
        Assert.That(request.Target, Is.EqualTo("/a/b.txt?x=1"));
        Assert.That(request.MinorVersion, Is.EqualTo(1));
        Assert.That(request.KeepAlive, Is.True);
        Assert.That(request.HeadLength, Is.EqualTo(text.Length));
        Assert.That(request.ContentLength, Is.EqualTo(0));
    }

    [Test]
    public void HeadLengthStopsAtTheEndOfTheFirstRequestOfAPipeline()
    {
        string first = "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n";
        Assert.That(Parse(first + "GET /x HTTP/1.1\r\nHost: h\r\n\r\n", out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Head));
        Assert.That(request.HeadLength, Is.EqualTo(first.Length));
    }

    [Test]
    public void BareLineFeedsAndLeadingEmptyLinesAreAccepted()
    {
        string text = "\r\n\nGET / HTTP/1.1\nHost: h\n\n";
        Assert.That(Parse(text, out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.HeadLength, Is.EqualTo(text.Length));
    }

    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", false)]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nconnection: Upgrade, CLOSE\r\n\r\n", false)]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n\r\n", true)]
    [TestCase("GET / HTTP/1.0\r\n\r\n", false)]
    [TestCase("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true)]
    public void ConnectionHeaderAndVersionDecideKeepAlive(string text, bool keepAlive)
    {
        Assert.That(Parse(text, out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.KeepAlive, Is.EqualTo(keepAlive));
    }

    [TestCase("POST", HttpMethod.NotAllowed)]
    [TestCase("PUT", HttpMethod.NotAllowed)]
    [TestCase("DELETE", HttpMethod.NotAllowed)]
    [TestCase("OPTIONS", HttpMethod.NotAllowed)]
    [TestCase("BREW", HttpMethod.Unknown)]
    [TestCase("get", HttpMethod.Unknown)]
    public void MethodsOtherThanGetAndHeadAreClassified(string method, HttpMethod expected)
    {
        Assert.That(Parse(method + " / HTTP/1.1\r\nHost: h\r\n\r\n", out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.Method, Is.EqualTo(expected));
    }

    [Test]
    public void ContentLengthIsReported()
    {
        Assert.That(Parse("POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n", out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.ContentLength, Is.EqualTo(12));
    }

    [TestCase("")]
    [TestCase("GET")]
    [TestCase("GET / HTTP/1.1")]
    [TestCase("GET / HTTP/1.1\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\n\r")]
    [TestCase("\r")]
    public void TruncatedHeadsAreIncomplete(string text)
    {
        Assert.That(Parse(text, out _), Is.EqualTo(HttpParseResult.Incomplete));
    }

    [TestCase("garbage\r\n\r\n")]
    [TestCase("GET /\r\nHost: h\r\n\r\n")]
    [TestCase("GET  / HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n")]
    [TestCase("GET relative HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("GET / HTTP/1.x\r\nHost: h\r\n\r\n")]
    [TestCase("GET / FTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("G(T / HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost : h\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nno colon here\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\n: empty name\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nX: a\u0001b\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")]
    [TestCase("GET /\u00e9 HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("GET /a\u0000b HTTP/1.1\r\nHost: h\r\n\r\n")]
    [TestCase("\rX")]
    public void MalformedHeadsAreBadRequests(string text)
    {
        Assert.That(Parse(text, out _), Is.EqualTo(HttpParseResult.BadRequest));
    }

    [TestCase("GET / HTTP/2.0\r\nHost: h\r\n\r\n")]
    [TestCase("GET / HTTP/1.2\r\nHost: h\r\n\r\n")]
    [TestCase("GET / HTTP/0.9\r\nHost: h\r\n\r\n")]
    public void OtherVersionsAreNotSupported(string text)
    {
        Assert.That(Parse(text, out _), Is.EqualTo(HttpParseResult.VersionNotSupported));
    }

    [Test]
    public void TransferEncodingIsNotImplemented()
    {
        Assert.That(Parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", out _), Is.EqualTo(HttpParseResult.NotImplemented));
    }

    [Test]
    public void AnOversizedHeadIsRefusedWhetherOrNotItEnded()
    {
        string header = "X-Filler: " + new string('a', 200) + "\r\n";
        var builder = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
        while (builder.Length < HttpRequestParser.MaxHeadBytes)
            builder.Append(header);
        string unfinished = builder.ToString();
        Assert.That(Parse(unfinished, out _), Is.EqualTo(HttpParseResult.HeadTooLarge));
        Assert.That(Parse(unfinished + "\r\n", out _), Is.EqualTo(HttpParseResult.HeadTooLarge));
        Assert.That(Parse(new string('A', HttpRequestParser.MaxHeadBytes), out _), Is.EqualTo(HttpParseResult.HeadTooLarge));
    }

    [Test]
    public void AHeadJustUnderTheLimitIsAccepted()
    {
        string start = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
        string text = start + new string('v', HttpRequestParser.MaxHeadBytes - start.Length - 4) + "\r\n\r\n";
        Assert.That(text.Length, Is.EqualTo(HttpRequestParser.MaxHeadBytes));
        Assert.That(Parse(text, out HttpRequest request), Is.EqualTo(HttpParseResult.Complete));
        Assert.That(request.HeadLength, Is.EqualTo(text.Length));
    }

    [Test]
    public void RandomGarbageNeverThrowsAndNeverCompletesWithoutARequestLine()
    {
        var random = new Random(1206);
        for (int round = 0; round < 20_000; round++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (round % 3 == 0 && bytes.Length > 8)
            {
                // Mostly printable, with line ends, so that the parser gets past the first line now and then.
                for (int i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)" \r\nGET/HTP1.:ahost"[bytes[i] % 18];
            }
            HttpParseResult result = HttpRequestParser.Parse(bytes, out HttpRequest request);
            if (result == HttpParseResult.Complete)
            {
                Assert.That(request.Target, Does.StartWith("/"));
                Assert.That(request.HeadLength, Is.InRange(1, bytes.Length));
            }
        }
    }
}
