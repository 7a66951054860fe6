using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>Canonical paths: relative to the working directory, ".", "..", repeated and trailing slashes.</summary>
[TestFixture]
public class VfsPathTests
{
    [TestCase("/", "a/b", "/a/b")]
    [TestCase("/", "/", "/")]
    [TestCase("/a", "..", "/")]
    [TestCase("/", "..", "/")]
    [TestCase("/", "../../..", "/")]
    [TestCase("/a/b", "../c/./d//", "/a/c/d")]
    [TestCase("/x", "/abs/../y", "/y")]
    [TestCase("/disk", "..", "/")]
    [TestCase("/disk/dir", "../../bin/usertest", "/bin/usertest")]
    [TestCase("/a", ".", "/a")]
    [TestCase("/a", "./", "/a")]
    [TestCase("/a", "b/..", "/a")]
    [TestCase("/a", "...", "/a/...")]
    [TestCase("/a", ".hidden", "/a/.hidden")]
    [TestCase("/", "//a///b//", "/a/b")]
    public void CombineGivesTheCanonicalPath(string workingDirectory, string path, string expected)
    {
        Assert.That(VfsPath.Combine(workingDirectory, path, out string result), Is.EqualTo(StorageError.Ok));
        Assert.That(result, Is.EqualTo(expected));
    }

    [Test]
    public void EmptyPathIsRejected()
    {
        Assert.That(VfsPath.Combine("/", "", out _), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(VfsPath.Combine("/", null, out _), Is.EqualTo(StorageError.InvalidArgument));
    }

    [Test]
    public void OverlongComponentOrPathIsRejected()
    {
        Assert.That(VfsPath.Combine("/", "/" + new string('x', 255), out _), Is.EqualTo(StorageError.Ok));
        Assert.That(VfsPath.Combine("/", "/" + new string('x', 256), out _), Is.EqualTo(StorageError.InvalidName));
        string deep = "";
        for (int i = 0; i < 110; i++)
        {
            deep += "/directory";
        }

        Assert.That(VfsPath.Combine("/", deep, out _), Is.EqualTo(StorageError.InvalidName));
        Assert.That(VfsPath.Combine("/", deep + "/" + string.Concat(System.Linq.Enumerable.Repeat("../", 110)), out string back), Is.EqualTo(StorageError.Ok), "only the result's length counts");
        Assert.That(back, Is.EqualTo("/"));
    }

    [TestCase("/disk/a", "/disk", true, "/a")]
    [TestCase("/disk", "/disk", true, "/")]
    [TestCase("/diskette", "/disk", false, null)]
    [TestCase("/dis", "/disk", false, null)]
    [TestCase("/a", "/", true, "/a")]
    [TestCase("/", "/", true, "/")]
    [TestCase("/disk/1/2", "/disk/1", true, "/2")]
    public void IsWithinSplitsAtMountPoints(string path, string directory, bool within, string rest)
    {
        Assert.That(VfsPath.IsWithin(path, directory, out string actual), Is.EqualTo(within));
        Assert.That(actual, Is.EqualTo(rest));
    }

    [TestCase("/", "/", "")]
    [TestCase("/a", "/", "a")]
    [TestCase("/a/b/c", "/a/b", "c")]
    public void ParentAndName(string path, string parent, string name)
    {
        Assert.That(VfsPath.GetParent(path), Is.EqualTo(parent));
        Assert.That(VfsPath.GetName(path), Is.EqualTo(name));
    }
}
