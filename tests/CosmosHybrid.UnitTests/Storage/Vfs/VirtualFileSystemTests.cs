using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// The virtual file system over two real FAT images, "/" (FAT16) and "/disk" (FAT12): path
/// resolution against a working directory and across the mount point, open flags and
/// access checks, directory handles, and what mount points refuse. The reference tools
/// judge the images afterwards.
/// </summary>
[TestFixture]
public class VirtualFileSystemTests : FatTestBase
{
    private VirtualFileSystem _vfs;
    private string _rootImage;
    private string _diskImage;

    [SetUp]
    public void MountTwoVolumes()
    {
        _rootImage = CreateImage(16, 16384, "root.img");
        _diskImage = CreateImage(12, 2048, "disk.img");
        FatTools.MakeDirectory(_rootImage, "/bin");
        FatTools.Put(_rootImage, "/bin/tool.elf", Encoding.ASCII.GetBytes("ELF"));
        FatTools.Put(_rootImage, "/README.TXT", Encoding.ASCII.GetBytes("read me\n"));
        _vfs = new VirtualFileSystem();
        Expect(_vfs.Mount("/", Mount(_rootImage), "ram0", null));
        Expect(_vfs.Mount("/disk", Mount(_diskImage), "ata0", null));
    }

    [Test]
    public void FilesAreFoundThroughRelativePathsAndAcrossTheMountPoint()
    {
        WriteText("/disk/dir-less.txt", "on the disk");
        Expect(_vfs.CreateDirectory("/disk", "sub"));
        WriteText("/disk/sub/deep.txt", "deeper");

        Assert.That(ReadText("/disk/sub", "deep.txt"), Is.EqualTo("deeper"));
        Assert.That(ReadText("/disk/sub", "../dir-less.txt"), Is.EqualTo("on the disk"));
        Assert.That(ReadText("/disk/sub", "../../README.TXT"), Is.EqualTo("read me\n"), ".. leaves the mount");
        Assert.That(ReadText("/bin", "../disk/./sub//deep.txt"), Is.EqualTo("deeper"), "and enters it");
        Assert.That(ReadText("/", "readme.txt"), Is.EqualTo("read me\n"), "FAT lookups ignore case");

        FatTools.AssertClean(_diskImage);
        Assert.That(FatTools.Get(_diskImage, "/sub/deep.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("deeper")));
    }

    [Test]
    public void MountPointIsListedInItsParentAsADirectory()
    {
        Assert.That(Names("/"), Is.EquivalentTo(new[] { "bin", "README.TXT", "disk" }));
        var entries = new List<FileEntry>();
        Expect(_vfs.ReadDirectory("/", "/", entries));
        Assert.That(entries.Single(e => e.Name == "disk").IsDirectory, Is.True);

        Expect(_vfs.Stat("/", "/disk", out FileEntry disk));
        Assert.That(disk.IsDirectory, Is.True);
        Assert.That(disk.Name, Is.EqualTo("disk"));
        Expect(_vfs.Stat("/disk", "..", out FileEntry root));
        Assert.That(root.IsDirectory, Is.True);
    }

    [Test]
    public void ADirectoryOnTheParentVolumeUnderTheMountPointIsShadowedAndListedOnce()
    {
        FatTools.MakeDirectory(_rootImage, "/disk");
        FatTools.Put(_rootImage, "/disk/hidden.txt", new byte[] { 1 });

        Assert.That(Names("/").Count(n => n.Equals("disk", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
        Assert.That(Names("/disk"), Does.Not.Contain("hidden.txt"));
    }

    [Test]
    public void MountPointsCannotBeRemovedRenamedOrRecreated()
    {
        Assert.That(_vfs.Remove("/", "/disk"), Is.EqualTo(StorageError.Busy));
        Assert.That(_vfs.Remove("/", "/"), Is.EqualTo(StorageError.Busy));
        Assert.That(_vfs.Rename("/", "/disk", "/other"), Is.EqualTo(StorageError.Busy));
        Assert.That(_vfs.Rename("/", "/README.TXT", "/disk"), Is.EqualTo(StorageError.Busy));
        Assert.That(_vfs.CreateDirectory("/", "/disk"), Is.EqualTo(StorageError.Exists));
        Assert.That(_vfs.Open("/", "/disk", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.IsDirectory));
    }

    [Test]
    public void RenameAcrossVolumesIsRefused()
    {
        Assert.That(_vfs.Rename("/", "/README.TXT", "/disk/README.TXT"), Is.EqualTo(StorageError.CrossDevice));
        WriteText("/disk/a.txt", "a");
        Expect(_vfs.Rename("/disk", "a.txt", "b.txt"));
        Assert.That(Names("/disk"), Is.EqualTo(new[] { "b.txt" }));
    }

    [Test]
    public void RemoveDeletesFilesAndEmptyDirectories()
    {
        Expect(_vfs.CreateDirectory("/", "/disk/d"));
        WriteText("/disk/d/f", "x");
        Assert.That(_vfs.Remove("/", "/disk/d"), Is.EqualTo(StorageError.NotEmpty));
        Expect(_vfs.Remove("/disk/d", "f"));
        Expect(_vfs.Remove("/", "/disk/d"));
        Assert.That(_vfs.Remove("/", "/disk/d"), Is.EqualTo(StorageError.NotFound));
        FatTools.AssertClean(_diskImage);
    }

    [TestCase(VfsOpenFlags.None)]
    [TestCase(VfsOpenFlags.Read | VfsOpenFlags.Create)]
    [TestCase(VfsOpenFlags.Read | VfsOpenFlags.Truncate)]
    [TestCase(VfsOpenFlags.Read | VfsOpenFlags.Append)]
    [TestCase(VfsOpenFlags.Write | VfsOpenFlags.Exclusive)]
    [TestCase(VfsOpenFlags.Directory | VfsOpenFlags.Write)]
    [TestCase((VfsOpenFlags)128)]
    public void InconsistentOpenFlagsAreRejected(VfsOpenFlags flags)
    {
        Assert.That(_vfs.Open("/", "/README.TXT", flags, out OpenFile file), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(file, Is.Null);
    }

    [Test]
    public void HandlesOnlyDoWhatTheyWereOpenedFor()
    {
        Expect(_vfs.Open("/", "/README.TXT", VfsOpenFlags.Read, out OpenFile reader));
        Assert.That(reader.Write(new byte[] { 1 }, out _), Is.EqualTo(StorageError.AccessDenied));
        Assert.That(reader.SetLength(0), Is.EqualTo(StorageError.AccessDenied));
        Expect(reader.Close());
        Assert.That(reader.Read(new byte[4], out _), Is.EqualTo(StorageError.Closed));
        Assert.That(reader.Close(), Is.EqualTo(StorageError.Closed));

        Expect(_vfs.Open("/", "/new.txt", VfsOpenFlags.Write | VfsOpenFlags.Create, out OpenFile writer));
        Assert.That(writer.Read(new byte[4], out _), Is.EqualTo(StorageError.AccessDenied));
        Expect(writer.Close());
        Assert.That(_vfs.Open("/", "/new.txt", VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Exclusive, out _), Is.EqualTo(StorageError.Exists));
    }

    [Test]
    public void FilesAndDirectoriesAreNotMistakenForEachOther()
    {
        Assert.That(_vfs.Open("/", "/bin", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(_vfs.Open("/", "/", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(_vfs.Open("/", "/README.TXT", VfsOpenFlags.Directory, out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(_vfs.Open("/", "/README.TXT/x", VfsOpenFlags.Read, out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(_vfs.ChangeDirectory("/", "README.TXT", out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(_vfs.ChangeDirectory("/", "nowhere", out _), Is.EqualTo(StorageError.NotFound));

        Expect(_vfs.Open("/", "/bin", VfsOpenFlags.Directory, out OpenFile directory));
        Assert.That(directory.Read(new byte[4], out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(directory.Seek(0, VfsSeekOrigin.Begin, out _), Is.EqualTo(StorageError.IsDirectory));
        Expect(_vfs.Open("/", "/README.TXT", VfsOpenFlags.Read, out OpenFile file));
        Assert.That(file.ReadEntry(out _, out _), Is.EqualTo(StorageError.NotDirectory));
    }

    [Test]
    public void DirectoryHandleReturnsEachEntryOnce()
    {
        Expect(_vfs.Open("/bin", "..", VfsOpenFlags.Directory, out OpenFile directory));
        var names = new List<string>();
        while (true)
        {
            Expect(directory.ReadEntry(out FileEntry entry, out bool found));
            if (!found)
            {
                break;
            }

            names.Add(entry.Name + (entry.IsDirectory ? "/" : ""));
        }

        Assert.That(names, Is.EquivalentTo(new[] { "bin/", "README.TXT", "disk/" }));
        Expect(directory.Close());
        Assert.That(directory.ReadEntry(out _, out _), Is.EqualTo(StorageError.Closed));
    }

    [Test]
    public void SeekFromEachOrigin()
    {
        WriteText("/disk/digits", "0123456789");
        Expect(_vfs.Open("/", "/disk/digits", VfsOpenFlags.Read, out OpenFile file));
        byte[] one = new byte[1];

        Expect(file.Seek(-3, VfsSeekOrigin.End, out ulong position));
        Assert.That(position, Is.EqualTo(7UL));
        Expect(file.Read(one, out _));
        Assert.That((char)one[0], Is.EqualTo('7'));
        Expect(file.Seek(-5, VfsSeekOrigin.Current, out position));
        Assert.That(position, Is.EqualTo(3UL));
        Expect(file.Seek(4, VfsSeekOrigin.Begin, out position));
        Expect(file.Read(one, out _));
        Assert.That((char)one[0], Is.EqualTo('4'));

        Assert.That(file.Seek(-11, VfsSeekOrigin.End, out _), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(file.Seek(-1, VfsSeekOrigin.Begin, out _), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(file.Seek(long.MaxValue, VfsSeekOrigin.Current, out _), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(file.Seek(0, (VfsSeekOrigin)3, out _), Is.EqualTo(StorageError.InvalidArgument));
        Expect(file.Seek(100, VfsSeekOrigin.End, out position));
        Assert.That(position, Is.EqualTo(110UL), "past the end is allowed");
        Expect(file.Read(one, out int read));
        Assert.That(read, Is.EqualTo(0));
    }

    [Test]
    public void ChangeDirectoryCanonicalises()
    {
        Expect(_vfs.ChangeDirectory("/", "bin/../disk/.", out string directory));
        Assert.That(directory, Is.EqualTo("/disk"));
        Expect(_vfs.ChangeDirectory(directory, "..", out directory));
        Assert.That(directory, Is.EqualTo("/"));
    }

    [Test]
    public void ReadAllLoadsAWholeFileWithinALimit()
    {
        byte[] data = Pattern(10_000, 3);
        FatTools.Put(_rootImage, "/bin/big.bin", data);

        Expect(_vfs.ReadAll("/bin", "big.bin", 10_000, out byte[] read));
        Assert.That(read, Is.EqualTo(data));
        Assert.That(_vfs.ReadAll("/bin", "big.bin", 9_999, out read), Is.EqualTo(StorageError.FileTooLarge));
        Assert.That(read, Is.Null);
        Assert.That(_vfs.ReadAll("/", "/bin", 100, out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(_vfs.Remove("/", "/bin/big.bin"), Is.EqualTo(StorageError.Ok), "ReadAll closed the file");
    }

    [Test]
    public void WithoutARootMountOnlyTheMountPointsExist()
    {
        var vfs = new VirtualFileSystem();
        Expect(vfs.Mount("/disk", Mount(_diskImage), "ata0", null));

        Expect(vfs.Stat("/", "/", out FileEntry root));
        Assert.That(root.IsDirectory, Is.True);
        var entries = new List<FileEntry>();
        Expect(vfs.ReadDirectory("/", "/", entries));
        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { "disk" }));
        Assert.That(vfs.Stat("/", "/other", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(vfs.Open("/", "/x", VfsOpenFlags.Write | VfsOpenFlags.Create, out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(vfs.CreateDirectory("/", "/x"), Is.EqualTo(StorageError.NotFound));
        Assert.That(vfs.Remove("/", "/x"), Is.EqualTo(StorageError.NotFound));
    }

    [Test]
    public void MountTableRejectsDuplicatesAndNonCanonicalPaths()
    {
        FatVolume volume = Mount(_diskImage);
        Assert.That(_vfs.Mount("/disk", volume, "x", null), Is.EqualTo(StorageError.Exists));
        Assert.That(_vfs.Mount("/disk2/", volume, "x", null), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(_vfs.Mount("disk2", volume, "x", null), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(_vfs.Mount("/disk2", null, "x", null), Is.EqualTo(StorageError.InvalidArgument));
        Expect(_vfs.Mount("/disk/inner", volume, "x", null));

        Assert.That(_vfs.Mounts.Resolve("/disk/inner/f", out string relative).Path, Is.EqualTo("/disk/inner"), "the longest mount point wins");
        Assert.That(relative, Is.EqualTo("/f"));
        Assert.That(_vfs.Mounts.Resolve("/disk/innerf", out relative).Path, Is.EqualTo("/disk"));
        Assert.That(relative, Is.EqualTo("/innerf"));
        Assert.That(_vfs.Remove("/", "/disk"), Is.EqualTo(StorageError.Busy));
    }

    [Test]
    public void SyncFlushesEveryVolume()
    {
        WriteText("/disk/f.txt", "synced");
        Expect(_vfs.Sync());
        FatTools.AssertClean(_diskImage);
        FatTools.AssertClean(_rootImage);
    }

    [Test]
    public void UnmountWaitsForOpenFilesAndWritesTheVolumeBack()
    {
        Expect(_vfs.Open("/", "/disk/open.txt", VfsOpenFlags.Write | VfsOpenFlags.Create, out OpenFile file));
        Expect(file.Write(Encoding.ASCII.GetBytes("unmounted"), out _));
        Expect(_vfs.Open("/", "/disk", VfsOpenFlags.Directory, out OpenFile directory));

        Assert.That(_vfs.Unmount("/disk", out Mount mount), Is.EqualTo(StorageError.Busy), "a file is open on it");
        Assert.That(mount, Is.Null);
        Assert.That(_vfs.Mounts.IsMountPoint("/disk"), Is.True);
        Expect(file.Close());
        Assert.That(file.Close(), Is.EqualTo(StorageError.Closed), "a second close counts nothing");

        Expect(_vfs.Unmount("/disk", out mount));
        Assert.That(mount.Path, Is.EqualTo("/disk"), "a directory handle (a snapshot) does not hold the volume");
        Assert.That(mount.OpenFiles, Is.Zero);
        Assert.That(_vfs.Mounts.IsMountPoint("/disk"), Is.False);
        Assert.That(_vfs.Stat("/", "/disk/open.txt", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(_vfs.Unmount("/disk", out _), Is.EqualTo(StorageError.NotFound));
        Expect(directory.Close());
        FatTools.AssertClean(_diskImage);
        Assert.That(FatTools.Get(_diskImage, "/open.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("unmounted")), "written back before it left");

        Expect(_vfs.Mount("/disk", mount.Volume, "ata0", null));
        Assert.That(ReadText("/", "/disk/open.txt"), Is.EqualTo("unmounted"), "mounted again at the same place");
    }

    [Test]
    public void UnmountRefusesAVolumeWithAnotherMountedInside()
    {
        Expect(_vfs.Mount("/disk/inner", new MemoryVfsVolume(), "mem0", null));

        Assert.That(_vfs.Unmount("/disk", out _), Is.EqualTo(StorageError.Busy));
        Assert.That(_vfs.Unmount("/", out _), Is.EqualTo(StorageError.Busy));
        Expect(_vfs.Unmount("/disk/inner", out _));
        Expect(_vfs.Unmount("/disk", out _));
    }

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
        return entries.Select(e => e.Name).ToList();
    }
}
