using System.Collections.Generic;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// The kernel's table of program images read from files: found only for the same file in the
/// same version of its volume, stale entries dropped when the volume's stamp has moved, at most
/// so many entries and bytes with the least recently used leaving first, everything that leaves
/// handed back to be freed.
/// </summary>
[TestFixture]
public class FileImageTableTests
{
    private readonly MemoryVfsVolume _volume = new();
    private readonly MemoryVfsVolume _otherVolume = new();
    private readonly List<string> _removed = new();

    [SetUp]
    public void NothingRemovedYet() => _removed.Clear();

    private VfsFileIdentity File(ulong node, ulong stamp = 1, ulong length = 100, IVfsVolume volume = null) =>
        new(volume ?? _volume, node, length, stamp);

    [Test]
    public void AnImageIsFoundOnlyForTheSameFileInTheSameVersionOfItsVolume()
    {
        var table = new FileImageTable<string>(4, 1 << 20);
        Assert.That(table.Add(File(7), "seven", 4096, _removed), Is.True);

        Assert.That(table.TryGet(File(7), out string found, _removed), Is.True);
        Assert.That(found, Is.EqualTo("seven"));
        Assert.That(table.TryGet(File(8), out _, _removed), Is.False, "another file");
        Assert.That(table.TryGet(File(7, length: 101), out _, _removed), Is.False, "another length");
        Assert.That(table.TryGet(File(7, volume: _otherVolume), out _, _removed), Is.False, "another volume");
        Assert.That(_removed, Is.Empty);

        // The volume was written: the entry is stale, dropped and handed back, and not found again under the old stamp either.
        Assert.That(table.TryGet(File(7, stamp: 2), out _, _removed), Is.False);
        Assert.That(_removed, Is.EqualTo(new[] { "seven" }));
        Assert.That(table.Count, Is.Zero);
        Assert.That(table.Bytes, Is.Zero);
        Assert.That(table.TryGet(File(7), out _, _removed), Is.False);
    }

    [Test]
    public void AVolumesChangeDropsAllItsImagesAndNoOtherVolumes()
    {
        var table = new FileImageTable<string>(4, 1 << 20);
        table.Add(File(1), "one", 4096, _removed);
        table.Add(File(2), "two", 4096, _removed);
        table.Add(File(1, volume: _otherVolume), "elsewhere", 4096, _removed);

        Assert.That(table.TryGet(File(3, stamp: 5), out _, _removed), Is.False);
        Assert.That(_removed, Is.EquivalentTo(new[] { "one", "two" }));
        Assert.That(table.TryGet(File(1, volume: _otherVolume), out string found, _removed), Is.True);
        Assert.That(found, Is.EqualTo("elsewhere"));
        Assert.That(table.Count, Is.EqualTo(1));

        table.RemoveVolume(_otherVolume, _removed);
        Assert.That(_removed, Does.Contain("elsewhere"));
        Assert.That(table.Count, Is.Zero);
    }

    [Test]
    public void TheLeastRecentlyUsedLeavesWhenTheTableIsFull()
    {
        var table = new FileImageTable<string>(3, 1 << 20);
        table.Add(File(1), "one", 4096, _removed);
        table.Add(File(2), "two", 4096, _removed);
        table.Add(File(3), "three", 4096, _removed);
        Assert.That(table.TryGet(File(1), out _, _removed), Is.True);   // two is now the oldest

        table.Add(File(4), "four", 4096, _removed);
        Assert.That(_removed, Is.EqualTo(new[] { "two" }));
        Assert.That(table.Count, Is.EqualTo(3));
        Assert.That(table.TryGet(File(1), out _, _removed), Is.True);
        Assert.That(table.TryGet(File(2), out _, _removed), Is.False);
        Assert.That(table.TryGet(File(3), out _, _removed), Is.True);
        Assert.That(table.TryGet(File(4), out _, _removed), Is.True);
    }

    [Test]
    public void TheByteLimitEvictsAsManyAsItTakesAndRefusesWhatCannotFit()
    {
        var table = new FileImageTable<string>(8, 10_000);
        table.Add(File(1), "one", 4000, _removed);
        table.Add(File(2), "two", 4000, _removed);
        Assert.That(table.Add(File(3), "big", 10_001, _removed), Is.False);
        Assert.That(_removed, Is.Empty, "a refused image removes nothing");

        Assert.That(table.Add(File(3), "three", 9000, _removed), Is.True);
        Assert.That(_removed, Is.EquivalentTo(new[] { "one", "two" }));
        Assert.That(table.Bytes, Is.EqualTo(9000));
        Assert.That(table.Count, Is.EqualTo(1));
    }

    [Test]
    public void ANewImageOfAFileReplacesItsOldOne()
    {
        var table = new FileImageTable<string>(4, 1 << 20);
        table.Add(File(1, length: 100), "old", 4096, _removed);
        table.Add(File(1, length: 200), "new", 8192, _removed);

        Assert.That(_removed, Is.EqualTo(new[] { "old" }));
        Assert.That(table.Count, Is.EqualTo(1));
        Assert.That(table.Bytes, Is.EqualTo(8192));
        Assert.That(table.TryGet(File(1, length: 200), out string found, _removed), Is.True);
        Assert.That(found, Is.EqualTo("new"));
    }
}
