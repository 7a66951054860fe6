using System.Collections.Generic;
using System.Linq;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// The virtual file system over a volume that is not FAT (<see cref="MemoryVfsVolume"/>):
/// paths, files, directories, mount points and `df` figures work through the node interface alone.
/// </summary>
[TestFixture]
public class MemoryVolumeTests
{
    private VirtualFileSystem _vfs;
    private MemoryVfsVolume _root;
    private MemoryVfsVolume _scratch;

    [SetUp]
    public void MountTwoMemoryVolumes()
    {
        _root = new MemoryVfsVolume();
        _scratch = new MemoryVfsVolume(capacity: 16);
        _vfs = new VirtualFileSystem();
        Expect(_vfs.Mount("/", _root, "mem0", null));
        Expect(_vfs.Mount("/tmp", _scratch, "mem1", null));
    }

    [Test]
    public void FilesAreWrittenReadAndListedThroughTheVfs()
    {
        Expect(_vfs.CreateDirectory("/", "etc"));
        WriteText("/etc/motd", "hello");
        WriteText("/tmp/short", "tmp");

        Assert.That(ReadText("/etc", "motd"), Is.EqualTo("hello"));
        Assert.That(ReadText("/tmp", "../etc/./motd"), Is.EqualTo("hello"));
        Assert.That(Names("/"), Is.EqualTo(new[] { "etc/", "tmp/" }), "the mount point is listed in its parent");
        Assert.That(Names("/etc"), Is.EqualTo(new[] { "motd" }));
        Assert.That(Names("/tmp"), Is.EqualTo(new[] { "short" }));
        Assert.That(((MemoryVfsNode)_scratch.RootNode).Data, Is.Empty, "the file went to the mounted volume");

        Expect(_vfs.Stat("/", "/etc/motd", out FileEntry motd));
        Assert.That(motd.Size, Is.EqualTo(5UL));
        Assert.That(motd.IsDirectory, Is.False);
        Expect(_vfs.ChangeDirectory("/", "etc", out string directory));
        Assert.That(directory, Is.EqualTo("/etc"));
    }

    [Test]
    public void EveryNodeLookedUpIsReleasedWhenItsOperationOrOpenFileEnds()
    {
        Expect(_vfs.CreateDirectory("/", "a"));
        Expect(_vfs.CreateDirectory("/", "a/b"));
        WriteText("/a/b/f", "x");
        Expect(_vfs.Stat("/", "/a/b/f", out _));
        Expect(_vfs.ReadDirectory("/", "/a/b", new List<FileEntry>()));
        Expect(_vfs.Rename("/a", "b/f", "g"));
        Assert.That(_vfs.Open("/", "/a/b/missing/x", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(_vfs.Open("/", "/a/g", VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Exclusive, out _), Is.EqualTo(StorageError.Exists));
        Assert.That(_vfs.Open("/", "/a/g/x", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(_root.Taken, Is.EqualTo(0), "nothing held once the operations ended");

        Expect(_vfs.Open("/", "/a/g", VfsOpenFlags.Read, out OpenFile file));
        Assert.That(_root.Taken, Is.EqualTo(1), "the open file holds its node, and only it");
        Expect(_vfs.Remove("/", "/a/b"));
        Expect(file.Close());
        Assert.That(_root.Taken, Is.EqualTo(0), "closed: released");
    }

    [Test]
    public void OpenFlagsAreCarriedOutOverTheNodeInterface()
    {
        WriteText("/f", "0123456789");
        Assert.That(_vfs.Open("/", "/f", VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Exclusive, out _), Is.EqualTo(StorageError.Exists));
        Assert.That(_vfs.Open("/", "/missing", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(_vfs.Open("/", "/f/x", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(_vfs.Open("/", "/tmp", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.IsDirectory));

        Expect(_vfs.Open("/", "/f", VfsOpenFlags.Write | VfsOpenFlags.Append, out OpenFile appender));
        Expect(appender.Write(Encoding.ASCII.GetBytes("ab"), out _));
        Assert.That(appender.Position, Is.EqualTo(12UL));
        Expect(appender.Close());
        Assert.That(ReadText("/", "f"), Is.EqualTo("0123456789ab"));

        Expect(_vfs.Open("/", "/f", VfsOpenFlags.Write | VfsOpenFlags.Truncate, out OpenFile truncated));
        Assert.That(truncated.Length, Is.EqualTo(0UL));
        Expect(truncated.Close());
        Assert.That(_root.RootNode.Lookup("f", out IVfsNode node), Is.EqualTo(StorageError.Ok));
        Assert.That(((MemoryVfsNode)node).OpenCount, Is.EqualTo(0), "every open was closed");
    }

    [Test]
    public void RemoveAndRenameStayWithinAVolume()
    {
        WriteText("/a", "a");
        Expect(_vfs.CreateDirectory("/", "/d"));
        Expect(_vfs.Rename("/", "/a", "/d/b"));
        Assert.That(ReadText("/d", "b"), Is.EqualTo("a"));
        Assert.That(_vfs.Rename("/", "/d/b", "/tmp/b"), Is.EqualTo(StorageError.CrossDevice));
        Assert.That(_vfs.Rename("/", "/nothing", "/d/c"), Is.EqualTo(StorageError.NotFound));
        Assert.That(_vfs.Remove("/", "/d"), Is.EqualTo(StorageError.NotEmpty));

        Expect(_vfs.Open("/", "/d/b", VfsOpenFlags.Read, out OpenFile open));
        Assert.That(_vfs.Remove("/", "/d/b"), Is.EqualTo(StorageError.Busy), "the node refuses while open");
        Expect(open.Close());
        Expect(_vfs.Remove("/", "/d/b"));
        Expect(_vfs.Remove("/", "/d"));
        Assert.That(_vfs.Remove("/", "/tmp"), Is.EqualTo(StorageError.Busy));
        Assert.That(Names("/"), Is.EqualTo(new[] { "tmp/" }));
    }

    [Test]
    public void AFullVolumeWritesNothingAndAdvancesNothing()
    {
        Expect(_vfs.Open("/", "/tmp/big", VfsOpenFlags.Write | VfsOpenFlags.Create, out OpenFile file));
        Assert.That(file.Write(new byte[17], out int written), Is.EqualTo(StorageError.NoSpace));
        Assert.That(written, Is.EqualTo(0));
        Assert.That(file.Position, Is.EqualTo(0UL));
        Assert.That(file.SetLength(17), Is.EqualTo(StorageError.NoSpace));
        Expect(file.Close());
    }

    [Test]
    public void StatisticsTypeAndSyncComeFromTheVolume()
    {
        Expect(_vfs.FindMount("/", "/tmp/x", out Mount mount));
        Assert.That(mount.Volume.TypeName, Is.EqualTo("memory"));
        Expect(mount.Volume.GetStatistics(out VfsVolumeStatistics statistics));
        Assert.That(statistics.TotalBytes, Is.EqualTo(16UL));
        Assert.That(statistics.BlockSize, Is.EqualTo(1));

        Expect(_vfs.Sync());
        Assert.That(_root.Flushes, Is.EqualTo(1));
        Assert.That(_scratch.Flushes, Is.EqualTo(1));
    }

    [Test]
    public void ReadAllLoadsAWholeFile()
    {
        WriteText("/prog", "ELF...");
        Expect(_vfs.ReadAll("/", "prog", 100, out byte[] data));
        Assert.That(Encoding.ASCII.GetString(data), Is.EqualTo("ELF..."));
        Assert.That(_vfs.ReadAll("/", "prog", 5, out _), Is.EqualTo(StorageError.FileTooLarge));
    }

    private static void Expect(StorageError error) => Assert.That(error, Is.EqualTo(StorageError.Ok));

    private void WriteText(string path, string text)
    {
        Expect(_vfs.Open("/", path, VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Truncate, out OpenFile file));
        Expect(file.Write(Encoding.ASCII.GetBytes(text), out int written));
        Assert.That(written, Is.EqualTo(text.Length));
        Expect(file.Close());
    }

    private string ReadText(string workingDirectory, string path)
    {
        Expect(_vfs.Open(workingDirectory, path, VfsOpenFlags.Read, out OpenFile file));
        byte[] buffer = new byte[(int)file.Length + 10];
        Expect(file.Read(buffer, out int read));
        Expect(file.Close());
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private List<string> Names(string path)
    {
        var entries = new List<FileEntry>();
        Expect(_vfs.ReadDirectory("/", path, entries));
        return entries.Select(e => e.Name + (e.IsDirectory ? "/" : "")).ToList();
    }
}
