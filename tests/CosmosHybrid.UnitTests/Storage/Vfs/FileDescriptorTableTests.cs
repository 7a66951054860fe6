using System.Collections.Generic;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>Descriptor numbering (lowest free first), lookups of bad numbers, a full table, closing everything.</summary>
[TestFixture]
public class FileDescriptorTableTests
{
    [Test]
    public void LowestFreeDescriptorIsHandedOutFirst()
    {
        var table = new FileDescriptorTable();
        OpenFile a = NewDirectoryHandle(), b = NewDirectoryHandle(), c = NewDirectoryHandle();

        Assert.That(table.Add(a), Is.EqualTo(0));
        Assert.That(table.Add(b), Is.EqualTo(1));
        Assert.That(table.Remove(0), Is.SameAs(a));
        Assert.That(table.Add(c), Is.EqualTo(0));
        Assert.That(table.Get(0), Is.SameAs(c));
        Assert.That(table.Get(1), Is.SameAs(b));
        Assert.That(table.Count, Is.EqualTo(2));
    }

    [TestCase(-1L)]
    [TestCase(2L)]
    [TestCase(FileDescriptorTable.Capacity)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void BadDescriptorsFindNothing(long descriptor)
    {
        var table = new FileDescriptorTable();
        table.Add(NewDirectoryHandle());
        table.Add(NewDirectoryHandle());

        Assert.That(table.Get(descriptor), Is.Null);
        Assert.That(table.Remove(descriptor), Is.Null);
        Assert.That(table.Count, Is.EqualTo(2));
    }

    [Test]
    public void FullTableRefusesMore()
    {
        var table = new FileDescriptorTable();
        for (int i = 0; i < FileDescriptorTable.Capacity; i++)
        {
            Assert.That(table.Add(NewDirectoryHandle()), Is.EqualTo(i));
        }

        Assert.That(table.Add(NewDirectoryHandle()), Is.EqualTo(-1));
    }

    [Test]
    public void CloseAllClosesAndEmpties()
    {
        var table = new FileDescriptorTable();
        var files = new List<OpenFile>();
        for (int i = 0; i < 5; i++)
        {
            files.Add(NewDirectoryHandle());
            table.Add(files[i]);
        }

        table.Remove(2);
        Assert.That(table.CloseAll(), Is.EqualTo(4));
        Assert.That(table.Count, Is.EqualTo(0));
        Assert.That(files[0].Close(), Is.EqualTo(StorageError.Closed), "already closed");
        Assert.That(files[2].Close(), Is.EqualTo(StorageError.Ok), "removed before: not closed by CloseAll");
    }

    private static OpenFile NewDirectoryHandle() =>
        new OpenFile(null, "/", VfsOpenFlags.Directory, null, new List<FileEntry>());
}
