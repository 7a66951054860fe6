using CosmosHybrid.Services.Httpd.Http;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Httpd;

public class HttpTargetTests
{
    [TestCase("/", "/")]
    [TestCase("/index.html", "/index.html")]
    [TestCase("/a//b/./c/", "/a/b/c")]
    [TestCase("/a/b/../c", "/a/c")]
    [TestCase("/a/..", "/")]
    [TestCase("/file.bin?x=1&y=/../..", "/file.bin")]
    [TestCase("/with%20space.txt", "/with space.txt")]
    [TestCase("/caf%C3%A9", "/caf\u00e9")]
    [TestCase("/a/%2e%2e/b", "/b")]
    public void ResolvesInsideTheDirectory(string target, string expected)
    {
        Assert.That(HttpTarget.TryResolve(target, out string path), Is.True);
        Assert.That(path, Is.EqualTo(expected));
    }

    [TestCase("/..")]
    [TestCase("/../etc/services")]
    [TestCase("/a/../../b")]
    [TestCase("/%2e%2e/x")]
    [TestCase("/a/%2E%2E/%2e%2e/x")]
    [TestCase("/a%5c..%5c..")]
    [TestCase("/a%00b")]
    [TestCase("/bad%2")]
    [TestCase("/bad%zz")]
    [TestCase("/%C3")]
    [TestCase("no-slash")]
    [TestCase("")]
    public void RefusesWhatWouldLeaveTheDirectoryOrIsMalformed(string target)
    {
        Assert.That(HttpTarget.TryResolve(target, out _), Is.False);
    }

    [TestCase("/", "/srv")]
    [TestCase("/a/b", "/srv/a/b")]
    public void JoinsWithTheRoot(string path, string expected)
    {
        Assert.That(HttpTarget.Join("/srv", path), Is.EqualTo(expected));
        Assert.That(HttpTarget.Join("/srv/", path), Is.EqualTo(path == "/" ? "/srv/" : expected));
        Assert.That(HttpTarget.Join("/", path), Is.EqualTo(path));
    }

    [Test]
    public void EscapesWhatIsNotPlainInAnHref()
    {
        Assert.That(HttpTarget.Escape("/a b/caf\u00e9\"<x>.txt"), Is.EqualTo("/a%20b/caf%C3%A9%22%3Cx%3E.txt"));
    }
}
