using CosmosHybrid.Services.UI.Compositing;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

public unsafe class PixelRowsTests
{
    [Test]
    public void FillWritesExactlyCountPixelsAtEveryLength()
    {
        const uint Guard = 0xDEAD_BEEF, Color = 0x0012_3456;
        for (int count = 0; count <= 1100; count += count < 70 ? 1 : 97)
        {
            var row = new uint[count + 2];
            for (int i = 0; i < row.Length; i++)
                row[i] = Guard;
            fixed (uint* pixels = row)
                PixelRows.Fill(pixels + 1, count, Color);
            Assert.That(row[0], Is.EqualTo(Guard), "before the row, count " + count);
            Assert.That(row[count + 1], Is.EqualTo(Guard), "after the row, count " + count);
            for (int i = 1; i <= count; i++)
                Assert.That(row[i], Is.EqualTo(Color), "pixel " + (i - 1) + " of " + count);
        }
    }

    [Test]
    public void CopyMovesExactlyCountPixels()
    {
        var source = new uint[300];
        for (int i = 0; i < source.Length; i++)
            source[i] = (uint)i * 2654435761u;
        var target = new uint[302];
        fixed (uint* from = source)
        fixed (uint* to = target)
            PixelRows.Copy(from, to + 1, 299);
        Assert.That(target[0], Is.EqualTo(0u));
        Assert.That(target[300], Is.EqualTo(0u));
        for (int i = 0; i < 299; i++)
            Assert.That(target[i + 1], Is.EqualTo(source[i]));
    }
}
