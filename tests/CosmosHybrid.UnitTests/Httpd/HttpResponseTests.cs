using System.Collections.Generic;
using CosmosHybrid.Services.Httpd.Http;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Httpd;

public class HttpResponseTests
{
    [Test]
    public void HeadCarriesStatusTypeLengthAndConnection()
    {
        string head = HttpResponse.Head(200, "text/plain; charset=utf-8", 1234, keepAlive: true);
        Assert.That(head, Does.StartWith("HTTP/1.1 200 OK\r\n"));
        Assert.That(head, Does.Contain("\r\nContent-Type: text/plain; charset=utf-8\r\n"));
        Assert.That(head, Does.Contain("\r\nContent-Length: 1234\r\n"));
        Assert.That(head, Does.Contain("\r\nConnection: keep-alive\r\n"));
        Assert.That(head, Does.EndWith("\r\n\r\n"));
        Assert.That(head, Does.Not.Contain("Allow:"));
    }

    [Test]
    public void MethodNotAllowedNamesTheAllowedMethodsAndCloseIsSaid()
    {
        string head = HttpResponse.Head(405, ContentTypes.Html, 0, keepAlive: false);
        Assert.That(head, Does.StartWith("HTTP/1.1 405 Method Not Allowed\r\n"));
        Assert.That(head, Does.Contain("\r\nAllow: GET, HEAD\r\n"));
        Assert.That(head, Does.Contain("\r\nConnection: close\r\n"));
    }

    [TestCase(HttpParseResult.BadRequest, 400)]
    [TestCase(HttpParseResult.HeadTooLarge, 431)]
    [TestCase(HttpParseResult.VersionNotSupported, 505)]
    [TestCase(HttpParseResult.NotImplemented, 501)]
    public void ParseFailuresMapToStatuses(HttpParseResult result, int status)
    {
        Assert.That(HttpResponse.StatusFor(result), Is.EqualTo(status));
        Assert.That(HttpResponse.ErrorBody(status), Does.Contain(status.ToString() + " " + HttpResponse.Reason(status)));
    }

    [TestCase("/index.html", "text/html; charset=utf-8")]
    [TestCase("/README.TXT", "text/plain; charset=utf-8")]
    [TestCase("/img/logo.PNG", "image/png")]
    [TestCase("/a.json", "application/json")]
    [TestCase("/bin/shell.elf", "application/octet-stream")]
    [TestCase("/noextension", "application/octet-stream")]
    [TestCase("/dir.d/noextension", "application/octet-stream")]
    [TestCase("/.profile", "application/octet-stream")]
    public void ContentTypeFollowsTheExtension(string path, string expected)
    {
        Assert.That(ContentTypes.ForPath(path), Is.EqualTo(expected));
    }

    [Test]
    public void ListingPutsDirectoriesFirstEscapesNamesAndLinksAbsolutely()
    {
        var entries = new List<ListingEntry>
        {
            new ListingEntry("b.txt", false, 10),
            new ListingEntry("sub", true, 0),
            new ListingEntry("a <&> b.html", false, 3),
        };
        string html = DirectoryListing.Html("/docs", entries);
        Assert.That(html, Does.Contain("<title>Index of /docs</title>"));
        Assert.That(html, Does.Contain("<a href=\"/\">../</a>"));
        Assert.That(html, Does.Contain("<a href=\"/docs/sub/\">sub/</a>"));
        Assert.That(html, Does.Contain("<a href=\"/docs/a%20%3C%26%3E%20b.html\">a &lt;&amp;&gt; b.html</a> 3 bytes"));
        Assert.That(html.IndexOf("sub/", System.StringComparison.Ordinal), Is.LessThan(html.IndexOf("a &lt;", System.StringComparison.Ordinal)));
        Assert.That(html.IndexOf("a &lt;", System.StringComparison.Ordinal), Is.LessThan(html.IndexOf("b.txt", System.StringComparison.Ordinal)));
    }

    [Test]
    public void TheRootListingHasNoParentLink()
    {
        string html = DirectoryListing.Html("/", new List<ListingEntry> { new ListingEntry("bin", true, 0) });
        Assert.That(html, Does.Not.Contain("../"));
        Assert.That(html, Does.Contain("<a href=\"/bin/\">bin/</a>"));
    }
}
