using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Fs.Server;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// The ring-3 file server's side of the forwarding mount (issue 14), driven as the kernel
/// drives it: register requests, names and data in the window, over a FAT image made by
/// mkfs.fat; the reference tools judge the image afterwards. Bad requests get error replies.
/// </summary>
[TestFixture]
public class FileServerDispatcherTests : FatTestBase
{
    private string _image;
    private FatVolume _volume;
    private FileServerDispatcher _server;
    private byte[] _window;

    [SetUp]
    public void MountAnImage()
    {
        _image = CreateImage(16, 16384);
        FatTools.MakeDirectory(_image, "/bin");
        FatTools.Put(_image, "/bin/Tool.elf", Encoding.ASCII.GetBytes("ELF!"));
        _volume = Mount(_image);
        _server = new FileServerDispatcher(_volume);
        _window = new byte[FileServerProtocol.WindowBytes];
    }

    [Test]
    public void LookupStatOpenReadAsTheKernelAsks()
    {
        ShortMessage bin = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "BIN");
        Assert.That(bin.Tag, Is.EqualTo((ulong)StorageError.Ok));
        Assert.That(bin.Word1, Is.EqualTo(1UL), "a directory");
        Assert.That(Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin").Word0, Is.Not.EqualTo(0UL));
        Assert.That(Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "BIN").Word0, Is.EqualTo(bin.Word0), "the same name keeps its id");

        ShortMessage tool = Named(FileServerOperation.Lookup, bin.Word0, "tool.ELF");
        Assert.That(tool.Word1, Is.EqualTo(0UL));
        ShortMessage stat = Call(FileServerOperation.Stat, tool.Word0);
        Assert.That(stat.Word0, Is.EqualTo(4UL));
        Assert.That(Call(FileServerOperation.Open, tool.Word0, (ulong)VfsOpenFlags.Read).Tag, Is.EqualTo(0UL));
        ShortMessage read = Call(FileServerOperation.Read, tool.Word0, 1, 100);
        Assert.That(read.Word0, Is.EqualTo(3UL), "from offset 1 to the end");
        Assert.That(Encoding.ASCII.GetString(_window, 0, 3), Is.EqualTo("LF!"));
        Assert.That(Call(FileServerOperation.Close, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(Named(FileServerOperation.Lookup, bin.Word0, "none").Tag, Is.EqualTo((ulong)StorageError.NotFound));
    }

    [Test]
    public void ALookupWhileAFileIsOpenLeavesTheOpenNodeAlone()
    {
        ShortMessage bin = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin");
        ShortMessage tool = Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf");
        Assert.That(Call(FileServerOperation.Open, tool.Word0, (ulong)VfsOpenFlags.Read).Tag, Is.EqualTo(0UL));
        ShortMessage again = Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf");
        Assert.That(again.Word0, Is.Not.EqualTo(tool.Word0), "the open node keeps its id; the fresh one gets another");
        Assert.That(Call(FileServerOperation.Read, tool.Word0, 0, 4).Word0, Is.EqualTo(4UL), "still open");
        Assert.That(Named(FileServerOperation.Remove, bin.Word0, "Tool.elf").Tag, Is.EqualTo((ulong)StorageError.Busy));
        Assert.That(Call(FileServerOperation.Close, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf").Word0, Is.EqualTo(again.Word0), "closed: the name's id is reused");
    }

    [Test]
    public void WritesRenamesAndRemovalsReachTheImage()
    {
        ShortMessage file = Named(FileServerOperation.CreateFile, FileServerProtocol.RootNode, "Notes from ring 3.txt");
        Assert.That(file.Tag, Is.EqualTo(0UL));
        Assert.That(Call(FileServerOperation.Open, file.Word0, (ulong)(VfsOpenFlags.Read | VfsOpenFlags.Write)).Tag, Is.EqualTo(0UL));
        byte[] text = Encoding.ASCII.GetBytes("written through the window\n");
        text.CopyTo(_window, 0);
        ShortMessage written = Call(FileServerOperation.Write, file.Word0, 0, (ulong)text.Length);
        Assert.That(written.Tag, Is.EqualTo(0UL));
        Assert.That(written.Word0, Is.EqualTo((ulong)text.Length));
        Assert.That(Call(FileServerOperation.Close, file.Word0).Tag, Is.EqualTo(0UL));

        Assert.That(Named(FileServerOperation.CreateDirectory, FileServerProtocol.RootNode, "placed").Tag, Is.EqualTo(0UL));
        ShortMessage placed = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "placed");
        byte[] from = Encoding.UTF8.GetBytes("Notes from ring 3.txt");
        byte[] to = Encoding.UTF8.GetBytes("moved.txt");
        Array.Clear(_window);
        from.CopyTo(_window, 0);
        to.CopyTo(_window, FileServerProtocol.SecondNameOffset);
        ShortMessage renamed = _server.Handle(new ShortMessage((ulong)FileServerOperation.Rename, FileServerProtocol.RootNode, (ulong)from.Length, placed.Word0, (ulong)to.Length), _window);
        Assert.That(renamed.Tag, Is.EqualTo(0UL));
        Assert.That(Named(FileServerOperation.Remove, FileServerProtocol.RootNode, "BIN").Tag, Is.EqualTo((ulong)StorageError.NotEmpty));
        Assert.That(Call(FileServerOperation.Sync, FileServerProtocol.RootNode).Tag, Is.EqualTo(0UL));

        FatTools.AssertClean(_image);
        Assert.That(FatTools.Get(_image, "/placed/moved.txt"), Is.EqualTo(text));
    }

    [Test]
    public void LongListingsComeInBatchesThatFitTheWindow()
    {
        ShortMessage dir = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin");
        var expected = new List<string> { "Tool.elf" };
        for (int i = 0; i < 300; i++)
        {
            string name = "a rather long file name number " + i + " in the listing.text";
            expected.Add(name);
            Assert.That(Named(FileServerOperation.CreateFile, dir.Word0, name).Tag, Is.EqualTo(0UL));
        }
        var small = new byte[2048]; // a window this size needs many batches
        var names = new List<string>();
        int batches = 0;
        ulong first = 0;
        while (true)
        {
            ShortMessage batch = _server.Handle(new ShortMessage((ulong)FileServerOperation.ReadDirectory, dir.Word0, first), small);
            Assert.That(batch.Tag, Is.EqualTo(0UL));
            Assert.That(batch.Word1, Is.LessThanOrEqualTo((ulong)small.Length));
            int at = 0;
            for (ulong i = 0; i < batch.Word0; i++)
            {
                int length = BitConverter.ToUInt16(small, at + 14);
                names.Add(Encoding.UTF8.GetString(small, at + FileServerProtocol.EntryHeaderBytes, length));
                at += FileServerProtocol.EntryHeaderBytes + length;
            }
            Assert.That((ulong)at, Is.EqualTo(batch.Word1));
            batches++;
            first += batch.Word0;
            if (batch.Word2 == 0)
                break;
        }
        Assert.That(batches, Is.GreaterThan(10));
        Assert.That(names, Is.EquivalentTo(expected));
    }

    [Test]
    public void BadRequestsGetErrorsNotCrashes()
    {
        Assert.That(Call(FileServerOperation.Stat, 0).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "no node 0");
        Assert.That(Call(FileServerOperation.Stat, 999).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "an id never given");
        Assert.That(Call((FileServerOperation)77, FileServerProtocol.RootNode).Tag, Is.EqualTo((ulong)StorageError.NotSupported));
        Assert.That(Call(FileServerOperation.Lookup, FileServerProtocol.RootNode, 0).Tag, Is.EqualTo((ulong)StorageError.InvalidName), "an empty name");
        Assert.That(Call(FileServerOperation.Lookup, FileServerProtocol.RootNode, (ulong)FileServerProtocol.WindowBytes + 1).Tag, Is.EqualTo((ulong)StorageError.InvalidName));
        Assert.That(Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "..").Tag, Is.EqualTo((ulong)StorageError.InvalidName));
        Assert.That(Named(FileServerOperation.CreateFile, FileServerProtocol.RootNode, "a/b").Tag, Is.EqualTo((ulong)StorageError.InvalidName));
        _window[0] = 0xFF;
        Assert.That(Call(FileServerOperation.Lookup, FileServerProtocol.RootNode, 1).Tag, Is.EqualTo((ulong)StorageError.InvalidName), "not UTF-8");

        ShortMessage tool = Named(FileServerOperation.Lookup, Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin").Word0, "tool.elf");
        Call(FileServerOperation.Open, tool.Word0, (ulong)VfsOpenFlags.Read);
        Assert.That(Call(FileServerOperation.Read, tool.Word0, 0, (ulong)FileServerProtocol.WindowBytes + 1).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "more than the window");
        Assert.That(Call(FileServerOperation.Open, tool.Word0, ulong.MaxValue).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument));
        Assert.That(Call(FileServerOperation.ReadDirectory, FileServerProtocol.RootNode, 5000).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "past the listing's end");
        Assert.That(Call(FileServerOperation.Read, FileServerProtocol.RootNode, 0, 10).Tag, Is.EqualTo((ulong)StorageError.IsDirectory));
        FatTools.AssertClean(_image);
    }

    [Test]
    public void AReleasedIdIsFreedAndGivenToTheNextName()
    {
        ShortMessage bin = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin");
        ShortMessage tool = Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf");
        Assert.That(_server.NodeCount, Is.EqualTo(3), "the root, bin and the tool");
        Assert.That(Call(FileServerOperation.Release, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(_server.NodeCount, Is.EqualTo(2));
        Assert.That(Call(FileServerOperation.Stat, tool.Word0).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "a released id names nothing");

        ShortMessage created = Named(FileServerOperation.CreateFile, FileServerProtocol.RootNode, "new.txt");
        Assert.That(created.Word0, Is.EqualTo(tool.Word0), "the freed slot is reused");
        Assert.That(_server.NodeCapacity, Is.EqualTo(3), "no slot added");
        Assert.That(Call(FileServerOperation.Stat, created.Word0).Word0, Is.EqualTo(0UL), "the new name's node, not the old one's");
    }

    [Test]
    public void AReusedDirectoryIdDoesNotFindTheNamesOfTheDirectoryThatHadIt()
    {
        ShortMessage bin = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin");
        ShortMessage tool = Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf");
        Assert.That(Named(FileServerOperation.CreateDirectory, FileServerProtocol.RootNode, "other").Tag, Is.EqualTo(0UL));
        Assert.That(Call(FileServerOperation.Release, bin.Word0).Tag, Is.EqualTo(0UL), "the kernel may let a directory go while it holds a child");
        ShortMessage other = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "other");
        Assert.That(other.Word0, Is.EqualTo(bin.Word0));
        Assert.That(Named(FileServerOperation.Lookup, other.Word0, "Tool.elf").Tag, Is.EqualTo((ulong)StorageError.NotFound), "not bin's tool");
        Assert.That(Call(FileServerOperation.Stat, tool.Word0).Word0, Is.EqualTo(4UL), "the child the kernel holds still works");
        Assert.That(Call(FileServerOperation.Release, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(_server.NodeCount, Is.EqualTo(2));
    }

    [Test]
    public void BadReleasesAreRefusedAndChangeNothing()
    {
        ShortMessage bin = Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "bin");
        ShortMessage tool = Named(FileServerOperation.Lookup, bin.Word0, "Tool.elf");
        Assert.That(Call(FileServerOperation.Release, FileServerProtocol.RootNode).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "the root");
        Assert.That(Call(FileServerOperation.Release, 0).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument));
        Assert.That(Call(FileServerOperation.Release, ulong.MaxValue).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument));
        Assert.That(Call(FileServerOperation.Release, 999).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "never given");

        Assert.That(Call(FileServerOperation.Open, tool.Word0, (ulong)VfsOpenFlags.Read).Tag, Is.EqualTo(0UL));
        Assert.That(Call(FileServerOperation.Release, tool.Word0).Tag, Is.EqualTo((ulong)StorageError.Busy), "still open");
        Assert.That(Call(FileServerOperation.Read, tool.Word0, 0, 4).Word0, Is.EqualTo(4UL), "and still readable");
        Assert.That(Call(FileServerOperation.Close, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(Call(FileServerOperation.Release, tool.Word0).Tag, Is.EqualTo(0UL));
        Assert.That(Call(FileServerOperation.Release, tool.Word0).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "twice");
        Assert.That(Call(FileServerOperation.Close, tool.Word0).Tag, Is.EqualTo((ulong)StorageError.InvalidArgument), "a released id is refused");
        Assert.That(_server.NodeCount, Is.EqualTo(2), "the root and bin");
        Assert.That(Named(FileServerOperation.Lookup, FileServerProtocol.RootNode, "BIN").Word0, Is.EqualTo(bin.Word0), "bin kept its id");
    }

    private ShortMessage Call(FileServerOperation operation, ulong node, ulong word1 = 0, ulong word2 = 0, ulong word3 = 0) =>
        _server.Handle(new ShortMessage((ulong)operation, node, word1, word2, word3), _window);

    private ShortMessage Named(FileServerOperation operation, ulong directory, string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        Array.Clear(_window);
        bytes.CopyTo(_window, 0);
        return Call(operation, directory, (ulong)bytes.Length);
    }
}
