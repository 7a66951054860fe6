using System.Collections.Generic;
using System.Linq;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// FAT as an implementation of the node interface: lookups from the root one name at a
/// time, transfers at offsets, renames and removals through a directory node, and the
/// volume's figures; the reference tools judge the image afterwards.
/// </summary>
[TestFixture]
public class FatVfsNodeTests : FatTestBase
{
    private string _image;
    private FatVolume _volume;

    [SetUp]
    public void MountAnImage()
    {
        _image = CreateImage(16, 16384);
        FatTools.MakeDirectory(_image, "/bin");
        FatTools.MakeDirectory(_image, "/home");
        FatTools.Put(_image, "/bin/Tool.elf", Encoding.ASCII.GetBytes("ELF!"));
        _volume = Mount(_image);
    }

    [Test]
    public void NodesAreFoundOneNameAtATime()
    {
        IVfsNode bin = Lookup(_volume.Root, "BIN");
        Expect(bin.Stat(out FileEntry binEntry));
        Assert.That(binEntry.IsDirectory, Is.True);
        Assert.That(binEntry.Name, Is.EqualTo("bin"));

        IVfsNode tool = Lookup(bin, "tool.ELF");
        Expect(tool.Stat(out FileEntry toolEntry));
        Assert.That(toolEntry.Name, Is.EqualTo("Tool.elf"));
        Assert.That(toolEntry.Size, Is.EqualTo(4UL));
        Assert.That(toolEntry.IsDirectory, Is.False);

        Assert.That(bin.Lookup("nothing", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(tool.Lookup("x", out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(tool.ReadDirectory(new List<FileEntry>()), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(bin.Open(VfsOpenFlags.Read), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(tool.Read(0, new byte[1], out _), Is.EqualTo(StorageError.Closed), "not open");

        var entries = new List<FileEntry>();
        Expect(_volume.Root.ReadDirectory(entries));
        Assert.That(entries.Select(e => e.Name), Is.EquivalentTo(new[] { "bin", "home" }));
    }

    [Test]
    public void TransfersTakeTheirOffsetAndAGapReadsAsZeros()
    {
        Expect(_volume.Root.CreateFile("data.bin", out IVfsNode file));
        Assert.That(_volume.Root.CreateFile("DATA.BIN", out _), Is.EqualTo(StorageError.Exists));
        Expect(file.Open(VfsOpenFlags.Read | VfsOpenFlags.Write));
        byte[] tail = Pattern(3000, 7);
        Expect(file.Write(5000, tail, out int written));
        Assert.That(written, Is.EqualTo(tail.Length));
        Expect(file.Write(0, Encoding.ASCII.GetBytes("head"), out _));

        byte[] back = new byte[8100];
        Expect(file.Read(0, back, out int read));
        Assert.That(read, Is.EqualTo(8000));
        Assert.That(Encoding.ASCII.GetString(back, 0, 4), Is.EqualTo("head"));
        Assert.That(back.Skip(4).Take(4996).All(b => b == 0), Is.True);
        Expect(file.Stat(out FileEntry entry));
        Assert.That(entry.Size, Is.EqualTo(8000UL));
        Expect(file.SetLength(6000));
        Expect(file.Close());
        Assert.That(file.Close(), Is.EqualTo(StorageError.Closed));

        byte[] expected = new byte[6000];
        Encoding.ASCII.GetBytes("head").CopyTo(expected, 0);
        tail.Take(1000).ToArray().CopyTo(expected, 5000);
        Assert.That(FatTools.Get(_image, "/data.bin"), Is.EqualTo(expected));
        FatTools.AssertClean(_image);
    }

    [Test]
    public void AnOpenFileFollowsItsRenameAndCannotBeRemoved()
    {
        IVfsNode bin = Lookup(_volume.Root, "bin");
        IVfsNode home = Lookup(_volume.Root, "home");
        IVfsNode tool = Lookup(bin, "tool.elf");
        Expect(tool.Open(VfsOpenFlags.Write));

        Expect(bin.Rename("tool.elf", home, "moved.elf"));
        Expect(tool.Write(4, Encoding.ASCII.GetBytes("+more"), out _));
        Assert.That(home.Remove("moved.elf"), Is.EqualTo(StorageError.Busy));
        Expect(tool.Open(VfsOpenFlags.Read));
        Expect(tool.Close());
        Expect(tool.Close());

        Assert.That(bin.Lookup("tool.elf", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(FatTools.Get(_image, "/home/moved.elf"), Is.EqualTo(Encoding.ASCII.GetBytes("ELF!+more")));
        Expect(home.Remove("moved.elf"));
        Assert.That(_volume.Root.Remove("home"), Is.EqualTo(StorageError.Ok), "an empty directory");
        Assert.That(_volume.Root.Remove("bin"), Is.EqualTo(StorageError.Ok));
        FatTools.AssertClean(_image);
    }

    [Test]
    public void DirectoriesAreMadeAndRenamesStayOnTheVolume()
    {
        Expect(_volume.Root.CreateDirectory("new dir"));
        Assert.That(_volume.Root.CreateDirectory("NEW DIR"), Is.EqualTo(StorageError.Exists));
        IVfsNode created = Lookup(_volume.Root, "new dir");
        Assert.That(_volume.Root.Rename("bin", created, "bin"), Is.EqualTo(StorageError.Ok));
        Assert.That(Lookup(created, "bin").Lookup("tool.elf", out _), Is.EqualTo(StorageError.Ok));
        Assert.That(created.Rename("bin", Lookup(Lookup(created, "bin"), "tool.elf"), "x"), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(created.Rename("bin", new MemoryVolumeRoot().Root, "bin"), Is.EqualTo(StorageError.CrossDevice));
        FatTools.AssertClean(_image);
        Assert.That(FatTools.Get(_image, "/new dir/bin/Tool.elf"), Is.EqualTo(Encoding.ASCII.GetBytes("ELF!")));
    }

    [Test]
    public void TheVolumeReportsItsTypeAndFigures()
    {
        Assert.That(_volume.TypeName, Is.EqualTo("FAT16"));
        Expect(_volume.GetStatistics(out VfsVolumeStatistics statistics));
        Expect(_volume.GetFreeSpace(out ulong free));
        Assert.That(statistics.TotalBytes, Is.EqualTo(_volume.TotalBytes));
        Assert.That(statistics.FreeBytes, Is.EqualTo(free));
        Assert.That(statistics.BlockSize, Is.EqualTo(_volume.ClusterSize));
    }

    [Test]
    public void AFileKeepsItsIdentityUntilTheVolumeIsWritten()
    {
        VfsFileIdentity Identify(IVfsNode node)
        {
            Assert.That(((IVfsIdentifiedNode)node).TryGetIdentity(out VfsFileIdentity identity), Is.True);
            return identity;
        }

        IVfsNode bin = Lookup(_volume.Root, "bin");
        IVfsNode tool = Lookup(bin, "Tool.elf");
        VfsFileIdentity first = Identify(tool);
        Assert.That(first.Volume, Is.SameAs(_volume));
        Assert.That(first.Length, Is.EqualTo(4UL));

        // Reading (open, read, close, another lookup) writes nothing: the same contents.
        Expect(tool.Open(VfsOpenFlags.Read));
        Expect(tool.Read(0, new byte[4], out _));
        Expect(tool.Close());
        VfsFileIdentity again = Identify(Lookup(bin, "tool.elf"));
        Assert.That(again.SameContents(first), Is.True);

        // Another file on the same volume is another node.
        Expect(bin.CreateFile("other.elf", out IVfsNode other));
        VfsFileIdentity otherIdentity = Identify(other);
        Assert.That(otherIdentity.Node, Is.Not.EqualTo(first.Node));
        Assert.That(otherIdentity.SameContents(first), Is.False, "a file was created: the volume changed");

        // Overwriting the file in place with bytes of the same length still changes the stamp.
        VfsFileIdentity before = Identify(Lookup(bin, "tool.elf"));
        IVfsNode writer = Lookup(bin, "tool.elf");
        Expect(writer.Open(VfsOpenFlags.Write));
        Expect(writer.Write(0, Encoding.ASCII.GetBytes("BAD!"), out _));
        Expect(writer.Close());
        VfsFileIdentity after = Identify(Lookup(bin, "tool.elf"));
        Assert.That(after.Node, Is.EqualTo(before.Node));
        Assert.That(after.Length, Is.EqualTo(before.Length));
        Assert.That(after.SameContents(before), Is.False);

        // A rename and a removal change it too; another mount of the image is another volume.
        VfsFileIdentity beforeRename = Identify(Lookup(bin, "tool.elf"));
        Expect(bin.Rename("other.elf", _volume.Root, "other.elf"));
        Assert.That(Identify(Lookup(bin, "tool.elf")).SameContents(beforeRename), Is.False);
        VfsFileIdentity beforeRemove = Identify(Lookup(bin, "tool.elf"));
        Expect(_volume.Root.Remove("other.elf"));
        Assert.That(Identify(Lookup(bin, "tool.elf")).SameContents(beforeRemove), Is.False);
        Expect(_volume.Flush());
        VfsFileIdentity remounted = Identify(Lookup(Lookup(Mount(_image).Root, "bin"), "tool.elf"));
        Assert.That(remounted.SameContents(Identify(Lookup(bin, "tool.elf"))), Is.False);
        Assert.That(Lookup(_volume.Root, "bin"), Is.Not.InstanceOf<IVfsIdentifiedNode>(), "a directory is not a program's file");
    }

    private static IVfsNode Lookup(IVfsNode directory, string name)
    {
        Expect(directory.Lookup(name, out IVfsNode node));
        return node;
    }

    // Another volume's root, to rename into.
    private sealed class MemoryVolumeRoot
    {
        public IVfsNode Root { get; } = new Vfs.MemoryVfsVolume().Root;
    }
}
