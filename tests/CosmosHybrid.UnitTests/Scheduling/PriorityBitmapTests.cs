using System;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

public class PriorityBitmapTests
{
    private static int LowestSetBitByLoop(uint mask)
    {
        int index = 0;
        while ((mask & 1) == 0)
        {
            mask >>= 1;
            index++;
        }
        return index;
    }

    [Test]
    public void EverySingleBitIsFound()
    {
        for (int bit = 0; bit < 32; bit++)
            Assert.That(PriorityBitmap.LowestSetBit(1u << bit), Is.EqualTo(bit), $"bit {bit}");
    }

    [Test]
    public void TheLowestOfSeveralBitsIsFound()
    {
        var random = new Random(16);
        for (int i = 0; i < 10000; i++)
        {
            uint mask = (uint)random.Next() ^ ((uint)random.Next() << 16);
            if (mask == 0)
                continue;
            Assert.That(PriorityBitmap.LowestSetBit(mask), Is.EqualTo(LowestSetBitByLoop(mask)), $"mask 0x{mask:x}");
        }
        Assert.That(PriorityBitmap.LowestSetBit(0xFFFF_FFFF), Is.EqualTo(0));
        Assert.That(PriorityBitmap.LowestSetBit(0x8000_0001), Is.EqualTo(0));
        Assert.That(PriorityBitmap.LowestSetBit(0x8000_0000), Is.EqualTo(31));
    }
}
