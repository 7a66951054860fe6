using System.Text;
using CosmosHybrid.Services.Fs.Server;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Kernel.Forwarding;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Issue 14: the ring-3 server's node ids stay bounded by what the kernel holds. Thousands of
/// distinct names are created, written, stat'ed and removed through the virtual file system over
/// the forwarding mount's bookkeeping and the real server dispatcher on a FAT image.
/// </summary>
[TestFixture]
public class ForwardedNodeIdsTests : FatTestBase
{
    private const int Names = 3000;

    [Test]
    public void ACreateAndRemoveLoopOfDistinctNamesKeepsTheServerTableBounded()
    {
        string image = CreateImage(16, 16384);
        FatVolume fat = Mount(image);
        var server = new FileServerDispatcher(fat);
        var volume = new LoopbackServerVolume(server);
        var vfs = new VirtualFileSystem();
        Assert.That(vfs.Mount("/disk", volume, "ata0", null), Is.EqualTo(StorageError.Ok));
        Assert.That(vfs.CreateDirectory("/", "/disk/loop"), Is.EqualTo(StorageError.Ok));
        byte[] text = Encoding.ASCII.GetBytes("one of many\n");
        int before = server.NodeCount;

        for (int i = 0; i < Names; i++)
        {
            string path = "/disk/loop/file number " + i + ".txt";
            Assert.That(vfs.Open("/", path, VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Exclusive, out OpenFile file), Is.EqualTo(StorageError.Ok), path);
            Assert.That(file.Write(text, out int written), Is.EqualTo(StorageError.Ok));
            Assert.That(written, Is.EqualTo(text.Length));
            Assert.That(file.Close(), Is.EqualTo(StorageError.Ok));
            Assert.That(vfs.Stat("/", path, out FileEntry entry), Is.EqualTo(StorageError.Ok));
            Assert.That(entry.Size, Is.EqualTo((ulong)text.Length));
            Assert.That(vfs.Remove("/", path), Is.EqualTo(StorageError.Ok));
        }

        TestContext.Out.WriteLine("server ids: " + before + " before, " + server.NodeCount + " after " + Names
            + " names (slots " + server.NodeCapacity + "); releases " + volume.Releases);
        int bound = 1 + 2 + ServerNodeReferences.KernelIdleCapacity; // the root, a path's directory and file, the idle ones
        Assert.That(server.NodeCount, Is.LessThanOrEqualTo(bound), "ids given out now");
        Assert.That(server.NodeCapacity, Is.LessThanOrEqualTo(bound), "slots ever needed: the table did not grow with the names");
        Assert.That(volume.References.Referenced, Is.EqualTo(0), "no kernel node holds an id once the loop ended");
        Assert.That(volume.RefusedReleases, Is.EqualTo(0), "the kernel released only ids it was given and no longer used");
        Assert.That(vfs.Sync(), Is.EqualTo(StorageError.Ok));
        FatTools.AssertClean(image);
    }
}
