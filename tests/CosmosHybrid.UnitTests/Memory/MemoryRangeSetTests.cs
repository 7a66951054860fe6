using System.Collections.Generic;
using CosmosHybrid.Memory;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory;

public class MemoryRangeSetTests
{
    private static List<(ulong, ulong)> Contents(MemoryRangeSet set)
    {
        var list = new List<(ulong, ulong)>();
        for (int i = 0; i < set.Count; i++)
            list.Add((set[i].Start, set[i].End));
        return list;
    }

    [Test]
    public void AddKeepsRangesSortedAndMergesOverlapsAndNeighbours()
    {
        var set = new MemoryRangeSet(8);
        set.Add(new MemoryRange(0x5000, 0x6000));
        set.Add(new MemoryRange(0x1000, 0x2000));
        set.Add(new MemoryRange(0x2000, 0x3000));   // touches the previous one
        set.Add(new MemoryRange(0x5800, 0x9000));   // overlaps

        Assert.That(Contents(set), Is.EqualTo(new[] { (0x1000UL, 0x3000UL), (0x5000UL, 0x9000UL) }));
        Assert.That(set.TotalLength, Is.EqualTo(0x2000UL + 0x4000UL));
    }

    [Test]
    public void AddBridgingSeveralRangesMergesThemAll()
    {
        var set = new MemoryRangeSet(8);
        set.Add(new MemoryRange(0x1000, 0x2000));
        set.Add(new MemoryRange(0x3000, 0x4000));
        set.Add(new MemoryRange(0x5000, 0x6000));
        set.Add(new MemoryRange(0x1800, 0x5800));

        Assert.That(Contents(set), Is.EqualTo(new[] { (0x1000UL, 0x6000UL) }));
    }

    [Test]
    public void RemoveTrimsSplitsAndDeletes()
    {
        var set = new MemoryRangeSet(8);
        set.Add(new MemoryRange(0x0000, 0x10000));
        set.Add(new MemoryRange(0x20000, 0x30000));
        set.Add(new MemoryRange(0x40000, 0x50000));

        set.Remove(new MemoryRange(0x4000, 0x8000));      // split the first
        set.Remove(new MemoryRange(0x1F000, 0x31000));    // delete the second entirely
        set.Remove(new MemoryRange(0x48000, 0x60000));    // trim the end of the third

        Assert.That(Contents(set), Is.EqualTo(new[]
        {
            (0x0000UL, 0x4000UL), (0x8000UL, 0x10000UL), (0x40000UL, 0x48000UL),
        }));
    }

    [Test]
    public void FullSetRefusesGrowthWithoutChangingAnything()
    {
        var set = new MemoryRangeSet(2);
        set.Add(new MemoryRange(0x1000, 0x2000));
        set.Add(new MemoryRange(0x3000, 0x4000));

        Assert.That(set.Add(new MemoryRange(0x6000, 0x7000)), Is.False);
        Assert.That(set.Remove(new MemoryRange(0x1400, 0x1800)), Is.False, "a split needs a free slot");
        Assert.That(Contents(set), Is.EqualTo(new[] { (0x1000UL, 0x2000UL), (0x3000UL, 0x4000UL) }));
        Assert.That(set.Add(new MemoryRange(0x1800, 0x3800)), Is.True, "a merge needs no slot");
    }

    [Test]
    public void ShrinkToPagesDropsPartialPages()
    {
        MemoryRange range = new MemoryRange(0x9FC00, 0x100800).ShrinkToPages(4096);
        Assert.That((range.Start, range.End), Is.EqualTo((0xA0000UL, 0x100000UL)));
        Assert.That(new MemoryRange(0x1001, 0x1FFF).ShrinkToPages(4096).IsEmpty, Is.True);
    }

    [Test]
    public void FromBaseAndLengthSaturatesInsteadOfWrapping()
    {
        MemoryRange range = MemoryRange.FromBaseAndLength(ulong.MaxValue - 10, 100);
        Assert.That(range.End, Is.EqualTo(ulong.MaxValue));
    }
}
