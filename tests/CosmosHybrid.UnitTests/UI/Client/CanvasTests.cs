using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Geometry;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Client;

public unsafe class CanvasTests
{
    private const int W = 40;
    private const int H = 30;
    private uint[] _pixels;

    [SetUp]
    public void SetUp() => _pixels = new uint[W * H];

    private uint At(int x, int y) => _pixels[y * W + x];

    [Test]
    public void FillRectIsClippedAndReturnsWhatItDrew()
    {
        fixed (uint* p = _pixels)
        {
            var canvas = new Canvas(p, W, H);
            Rect drawn = canvas.FillRect(new Rect(35, -5, 10, 10), 0x00FF0000);
            Assert.That(drawn, Is.EqualTo(new Rect(35, 0, 5, 5)));
        }
        Assert.That(At(39, 4), Is.EqualTo(0x00FF0000u));
        Assert.That(At(34, 4), Is.EqualTo(0u));
        Assert.That(At(39, 5), Is.EqualTo(0u));
    }

    [Test]
    public void LinesIncludeBothEndsAndStayInside()
    {
        fixed (uint* p = _pixels)
        {
            var canvas = new Canvas(p, W, H);
            canvas.DrawLine(0, 0, 9, 9, 1);
            canvas.DrawLine(20, 5, 10, 5, 2);
            canvas.DrawLine(-100, 20, 100, 20, 3);
            canvas.DrawLine(5, -1000000, 5, 1000000, 4);
            Assert.That(canvas.DrawLine(-50, -50, -10, -20, 5), Is.EqualTo(default(Rect)));
        }
        for (int i = 0; i < 10; i++)
            Assert.That(At(i, i), Is.EqualTo(i == 5 ? 4u : 1u), $"diagonal {i}");
        Assert.That(At(10, 5), Is.EqualTo(2u));
        Assert.That(At(20, 5), Is.EqualTo(2u));
        Assert.That(At(0, 20), Is.EqualTo(3u));
        Assert.That(At(39, 20), Is.EqualTo(3u));
        Assert.That(At(5, 29), Is.EqualTo(4u));
        Assert.That(At(1, 0), Is.EqualTo(0u));
    }

    [Test]
    public void TextDrawsOnlyInkAndImagesAreCopiedClipped()
    {
        var image = new uint[] { 1, 2, 3, 4, 5, 6 }; // 3 × 2
        fixed (uint* p = _pixels)
        {
            var canvas = new Canvas(p, W, H);
            canvas.Clear(0x00777777);
            Rect text = canvas.DrawText(new BlockGlyphs(), 2, 3, "A B", 0x00FFFFFF);
            Assert.That(text, Is.EqualTo(new Rect(2, 3, 24, 16)));
            Assert.That(canvas.DrawImage(image, 3, 2, 38, 28), Is.EqualTo(new Rect(38, 28, 2, 2)));
            Assert.That(canvas.DrawImage(image, 3, 3, 0, 0), Is.EqualTo(default(Rect)), "array too short");
        }
        Assert.That(At(2 + 1, 3 + 4), Is.EqualTo(0x00FFFFFFu), "A ink");
        Assert.That(At(2, 3 + 4), Is.EqualTo(0x00777777u), "A's blank column");
        Assert.That(At(2 + 8 + 3, 3 + 6), Is.EqualTo(0x00777777u), "space has no ink");
        Assert.That(At(2 + 16 + 6, 3 + 11), Is.EqualTo(0x00FFFFFFu), "B ink");
        Assert.That(At(38, 28), Is.EqualTo(1u));
        Assert.That(At(39, 29), Is.EqualTo(5u));
    }
}
