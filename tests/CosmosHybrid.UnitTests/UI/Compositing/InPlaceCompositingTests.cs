using System;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

/// <summary>
/// Compositing straight into a 32-bit framebuffer against the reference: the same scene and
/// damage composited into a back buffer alone, pixel for pixel, through window moves, pointer
/// moves and partial damage.
/// </summary>
public unsafe class InPlaceCompositingTests
{
    private const int Width = 200;
    private const int Height = 150;

    private static PixelBuffer Pattern(int width, int height, uint salt)
    {
        var buffer = new PixelBuffer(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                buffer.Pixels[y * width + x] = (uint)(x * 0x010203 + y * 0x030201) ^ salt & 0x00FF_FFFF;
        return buffer;
    }

    [Test]
    public void InPlaceFramesEqualTheBackBufferReference([Range(1, 12)] int seed)
    {
        var random = new Random(seed);
        int pitch = Width * 4 + 4 * random.Next(0, 5); // padded rows too
        var memory = new byte[pitch * Height];
        var glyphs = new BlockGlyphs();
        var scene = new Scene(Width, Height, glyphs);
        var damage = new DamageRegion(scene.Screen);
        var manager = new WindowManager(scene, damage);
        var referenceScene = new Scene(Width, Height, glyphs);
        var referenceDamage = new DamageRegion(referenceScene.Screen);
        var referenceManager = new WindowManager(referenceScene, referenceDamage);
        for (int i = 0; i < 3; i++)
        {
            int w = random.Next(20, 120), h = random.Next(10, 90);
            uint salt = (uint)random.Next();
            manager.CreateWindow(1, w, h, "w" + i, Pattern(w, h, salt));
            referenceManager.CreateWindow(1, w, h, "w" + i, Pattern(w, h, salt));
        }
        var compositor = new Compositor(new PixelBuffer(Width, Height), new Theme(), glyphs);
        var reference = new Compositor(new PixelBuffer(Width, Height), new Theme(), glyphs);
        fixed (byte* address = memory)
        {
            Assert.That(Framebuffer.TryCreate(address, Width, Height, pitch, 32, out Framebuffer framebuffer), Is.True);
            Assert.That(Compositor.DrawsInPlace(framebuffer), Is.True);
            damage.AddAll();
            referenceDamage.AddAll();
            for (int step = 0; step < 25; step++)
            {
                compositor.Composite(scene, damage, framebuffer);
                reference.Composite(referenceScene, referenceDamage, default);
                for (int y = 0; y < Height; y++)
                    for (int x = 0; x < Width; x++)
                        Assert.That(framebuffer.ReadPixel(x, y), Is.EqualTo(reference.BackBuffer[x, y] & 0x00FF_FFFF), $"step {step}: {x},{y}");
                for (int y = 0; y < Height; y++)
                    for (int x = Width * 4; x < pitch; x++)
                        Assert.That(memory[y * pitch + x], Is.Zero, "the padding past a row is not written");

                // Next: the pointer moves, maybe with the left button (presses, drags), or a window's content changes.
                int px = random.Next(-5, Width + 5), py = random.Next(-5, Height + 5);
                var buttons = random.Next(3) == 0 ? UiPointerButtonsLeft : default;
                manager.Pointer(new Services.UI.Protocol.UiPointerInput(px, py, buttons));
                referenceManager.Pointer(new Services.UI.Protocol.UiPointerInput(px, py, buttons));
                if (scene.Windows.Count > 0 && random.Next(2) == 0)
                {
                    Window window = scene.Windows[random.Next(scene.Windows.Count)];
                    var changed = new Rect(random.Next(0, 40), random.Next(0, 30), random.Next(1, 40), random.Next(1, 30));
                    uint color = (uint)random.Next() & 0x00FF_FFFF;
                    ((PixelBuffer)window.Content).Fill(changed, color);
                    manager.ContentChanged(window, changed);
                    Window twin = referenceScene.Windows.Find(window.Id);
                    ((PixelBuffer)twin.Content).Fill(changed, color);
                    referenceManager.ContentChanged(twin, changed);
                }
            }
            Assert.That(compositor.RectanglesInPlace, Is.GreaterThan(0));
        }
    }

    private static Services.UI.Protocol.UiPointerButtons UiPointerButtonsLeft => Services.UI.Protocol.UiPointerButtons.Left;

    [Test]
    public void OnlyThePartUnderThePointerGoesThroughTheBackBuffer()
    {
        var memory = new uint[Width * Height];
        var scene = new Scene(Width, Height, new BlockGlyphs()) { CursorX = 100, CursorY = 100 };
        var damage = new DamageRegion(scene.Screen);
        var compositor = new Compositor(new PixelBuffer(Width, Height), new Theme(), new BlockGlyphs());
        fixed (uint* address = memory)
        {
            Framebuffer.TryCreate((byte*)address, Width, Height, Width * 4, 32, out Framebuffer framebuffer);
            damage.AddAll();
            compositor.Composite(scene, damage, framebuffer);
        }
        Assert.That(compositor.RectanglesCopied, Is.EqualTo(1), "the pointer's rectangle");
        Assert.That(compositor.RectanglesInPlace, Is.GreaterThanOrEqualTo(2));
        Assert.That(memory[100 * Width + 100], Is.EqualTo(compositor.Theme.CursorInk), "the tip");
        Rect pointer = scene.CursorBounds;
        Assert.That(compositor.BackBuffer[pointer.X, pointer.Y], Is.EqualTo(compositor.Theme.CursorInk));
        Assert.That(compositor.BackBuffer[10, 140], Is.Zero, "the desktop away from the pointer is drawn in place only");
        Assert.That(memory[140 * Width + 10], Is.EqualTo(compositor.Theme.Desktop));
    }

    [Test]
    public void AWindowCopyShowsEachPixelAtItsPlaceWhenClipped()
    {
        var scene = new Scene(Width, Height, new BlockGlyphs()) { CursorVisible = false };
        PixelBuffer content = Pattern(90, 70, 0x00A5A5A5);
        var window = new Window(1, 1, WindowFrame.FrameFor(new Rect(-30, 100, 90, 70)), "w", content);
        scene.Windows.Add(window);
        var damage = new DamageRegion(scene.Screen);
        damage.Add(new Rect(5, 110, 37, 23));
        var memory = new uint[Width * Height];
        var compositor = new Compositor(new PixelBuffer(Width, Height), new Theme(), new BlockGlyphs());
        fixed (uint* address = memory)
        {
            Framebuffer.TryCreate((byte*)address, Width, Height, Width * 4, 32, out Framebuffer framebuffer);
            compositor.Composite(scene, damage, framebuffer);
        }
        Rect inner = window.ContentRect;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                bool damaged = x >= 5 && x < 42 && y >= 110 && y < 133;
                uint expected = !damaged ? 0u : inner.Contains(x, y) ? content[x - inner.X, y - inner.Y] : memory[y * Width + x];
                Assert.That(memory[y * Width + x], Is.EqualTo(expected), $"{x},{y}");
            }
    }

    [TestCase(16)]
    [TestCase(24)]
    public void SixteenAndTwentyFourBitsAreDrawnInTheBackBufferAndConverted(int bitsPerPixel)
    {
        int pitch = Width * bitsPerPixel / 8;
        var memory = new byte[pitch * Height];
        var scene = new Scene(Width, Height, new BlockGlyphs());
        var damage = new DamageRegion(scene.Screen);
        new WindowManager(scene, damage).CreateWindow(1, 60, 40, "w", Pattern(60, 40, 0x123456));
        var compositor = new Compositor(new PixelBuffer(Width, Height), new Theme(), new BlockGlyphs());
        fixed (byte* address = memory)
        {
            Framebuffer.TryCreate(address, Width, Height, pitch, bitsPerPixel, out Framebuffer framebuffer);
            Assert.That(Compositor.DrawsInPlace(framebuffer), Is.False);
            damage.AddAll();
            compositor.Composite(scene, damage, framebuffer);
            Assert.That(compositor.RectanglesInPlace, Is.Zero);
            for (int y = 0; y < Height; y += 7)
                for (int x = 0; x < Width; x += 5)
                {
                    uint expected = compositor.BackBuffer[x, y];
                    if (bitsPerPixel == 16)
                        Assert.That(*(ushort*)(address + y * pitch + x * 2), Is.EqualTo(FramebufferWriter.To565(expected)), $"{x},{y}");
                    else
                        Assert.That(framebuffer.ReadPixel(x, y), Is.EqualTo(expected & 0x00FF_FFFF), $"{x},{y}");
                }
        }
    }

    [Test]
    public void AFillThroughTheFillRowEqualsAFillInPlace()
    {
        var plain = new uint[70 * 5];
        var viaRow = new uint[70 * 5];
        var row = new uint[70];
        fixed (uint* a = plain)
        fixed (uint* b = viaRow)
        fixed (uint* r = row)
        {
            new PixelSurface(a, 70, 5).Fill(new Rect(3, 1, 60, 3), 0x00ABCDEF);
            new PixelSurface(b, 70, 5, 70, r).Fill(new Rect(3, 1, 60, 3), 0x00ABCDEF);
            new PixelSurface(a, 70, 5).Fill(new Rect(0, 4, 5, 1), 0x00010203);
            new PixelSurface(b, 70, 5, 70, r).Fill(new Rect(0, 4, 5, 1), 0x00010203);
        }
        Assert.That(viaRow, Is.EqualTo(plain));
    }
}
