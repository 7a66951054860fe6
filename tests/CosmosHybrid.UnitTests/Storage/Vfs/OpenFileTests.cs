using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// Positions belong to the open file, not to the node: each handle has its own, reads at an
/// offset leave it alone, and every transfer reaches the node with its offset.
/// </summary>
[TestFixture]
public class OpenFileTests
{
    private VirtualFileSystem _vfs;
    private MemoryVfsNode _node;

    [SetUp]
    public void CreateAFileOfDigits()
    {
        var volume = new MemoryVfsVolume();
        _vfs = new VirtualFileSystem();
        Expect(_vfs.Mount("/", volume, "mem0", null));
        OpenFile file = Open(VfsOpenFlags.Write | VfsOpenFlags.Create);
        Expect(file.Write(Encoding.ASCII.GetBytes("0123456789"), out _));
        Expect(file.Close());
        Expect(volume.Root.Lookup("digits", out IVfsNode node));
        _node = (MemoryVfsNode)node;
        _node.Offsets.Clear();
    }

    [Test]
    public void TwoHandlesOnOneFileKeepTheirOwnPositions()
    {
        OpenFile first = Open(VfsOpenFlags.Read);
        OpenFile second = Open(VfsOpenFlags.Read);

        Assert.That(ReadText(first, 4), Is.EqualTo("0123"));
        Assert.That(ReadText(second, 2), Is.EqualTo("01"));
        Assert.That(ReadText(first, 2), Is.EqualTo("45"));
        Assert.That(first.Position, Is.EqualTo(6UL));
        Assert.That(second.Position, Is.EqualTo(2UL));
        Assert.That(_node.Offsets, Is.EqualTo(new[] { 0UL, 0UL, 4UL }));
    }

    [Test]
    public void ReadAtNamesItsOffsetAndLeavesThePositionAlone()
    {
        OpenFile file = Open(VfsOpenFlags.Read);
        Expect(file.Seek(3, VfsSeekOrigin.Begin, out _));
        byte[] buffer = new byte[2];

        Expect(file.ReadAt(7, buffer, out int read));
        Assert.That(Encoding.ASCII.GetString(buffer, 0, read), Is.EqualTo("78"));
        Assert.That(file.Position, Is.EqualTo(3UL));
        Assert.That(ReadText(file, 1), Is.EqualTo("3"));
        Assert.That(_node.Offsets, Is.EqualTo(new[] { 7UL, 3UL }), "one transfer each, no seek and restore");

        Expect(file.ReadAt(10, buffer, out read));
        Assert.That(read, Is.EqualTo(0), "at the end");
        Assert.That(file.ReadAt(OpenFile.MaxPosition + 1, buffer, out _), Is.EqualTo(StorageError.InvalidArgument));
    }

    [Test]
    public void WritesAdvanceThePositionAndAppendGoesToTheEnd()
    {
        OpenFile writer = Open(VfsOpenFlags.Read | VfsOpenFlags.Write);
        Expect(writer.Seek(8, VfsSeekOrigin.Begin, out _));
        Expect(writer.Write(Encoding.ASCII.GetBytes("xyz"), out int written));
        Assert.That(written, Is.EqualTo(3));
        Assert.That(writer.Position, Is.EqualTo(11UL));
        Assert.That(writer.Length, Is.EqualTo(11UL));

        OpenFile appender = Open(VfsOpenFlags.Write | VfsOpenFlags.Append);
        Assert.That(appender.Position, Is.EqualTo(0UL));
        Expect(appender.Write(Encoding.ASCII.GetBytes("!"), out _));
        Assert.That(appender.Position, Is.EqualTo(12UL));
        Expect(writer.Write(Encoding.ASCII.GetBytes("-"), out _));
        Assert.That(_node.Offsets, Is.EqualTo(new[] { 8UL, 11UL, 11UL }), "the plain handle writes at its own position");
        Assert.That(Encoding.ASCII.GetString(_node.Data), Is.EqualTo("01234567xyz-"));
    }

    [Test]
    public void SetLengthKeepsThePositionAndSeekEndFollowsTheLength()
    {
        OpenFile file = Open(VfsOpenFlags.Read | VfsOpenFlags.Write);
        Expect(file.Seek(5, VfsSeekOrigin.Begin, out _));
        Expect(file.SetLength(3));
        Assert.That(file.Position, Is.EqualTo(5UL));
        Expect(file.Read(new byte[4], out int read));
        Assert.That(read, Is.EqualTo(0), "past the end");
        Expect(file.Seek(-1, VfsSeekOrigin.End, out ulong position));
        Assert.That(position, Is.EqualTo(2UL));
        Assert.That(file.Seek((long)OpenFile.MaxPosition, VfsSeekOrigin.End, out _), Is.EqualTo(StorageError.InvalidArgument));
        Expect(file.Seek((long)OpenFile.MaxPosition, VfsSeekOrigin.Begin, out position));
        Assert.That(position, Is.EqualTo(OpenFile.MaxPosition));
    }

    [Test]
    public void FlushAndCloseReachTheNodeOnce()
    {
        OpenFile file = Open(VfsOpenFlags.Read);
        Expect(file.Flush());
        Assert.That(_node.Flushes, Is.EqualTo(1));
        Assert.That(_node.OpenCount, Is.EqualTo(1));
        Expect(file.Close());
        Assert.That(_node.OpenCount, Is.EqualTo(0));
        Assert.That(file.Close(), Is.EqualTo(StorageError.Closed));
        Assert.That(file.Flush(), Is.EqualTo(StorageError.Closed));
        Assert.That(file.Length, Is.EqualTo(0UL));
        Assert.That(_node.OpenCount, Is.EqualTo(0));
    }

    private static void Expect(StorageError error) => Assert.That(error, Is.EqualTo(StorageError.Ok));

    private static string ReadText(OpenFile file, int count)
    {
        byte[] buffer = new byte[count];
        Expect(file.Read(buffer, out int read));
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private OpenFile Open(VfsOpenFlags flags)
    {
        Expect(_vfs.Open("/", "/digits", flags, out OpenFile file));
        return file;
    }
}
