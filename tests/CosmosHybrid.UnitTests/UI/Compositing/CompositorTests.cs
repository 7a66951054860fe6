using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

public unsafe class CompositorTests
{
    private const int Width = 320;
    private const int Height = 200;

    private Theme _theme;
    private Scene _scene;
    private Compositor _compositor;
    private DamageRegion _damage;
    private byte* _memory;

    [SetUp]
    public void SetUp()
    {
        _theme = new Theme();
        _scene = new Scene(Width, Height, new BlockGlyphs());
        _scene.CursorVisible = false;
        _compositor = new Compositor(new PixelBuffer(Width, Height), _theme, new BlockGlyphs());
        _damage = new DamageRegion(_scene.Screen);
    }

    [TearDown]
    public void TearDown()
    {
        if (_memory != null)
            NativeMemory.Free(_memory);
        _memory = null;
    }

    // A framebuffer with an odd pitch (not width × bytes per pixel) and a guard byte pattern.
    private Framebuffer MakeFramebuffer(int bitsPerPixel, int pitch)
    {
        _memory = (byte*)NativeMemory.Alloc((nuint)(pitch * Height));
        new Span<byte>(_memory, pitch * Height).Fill(0xA5);
        Assert.That(Framebuffer.TryCreate(_memory, Width, Height, pitch, bitsPerPixel, out Framebuffer framebuffer), Is.True);
        return framebuffer;
    }

    private Window AddWindow(int id, Rect frame, IPixelSource content, string title = "Term")
    {
        var window = new Window(id, owner: 1, frame, title, content);
        _scene.Windows.Add(window);
        return window;
    }

    private void CompositeAll(Framebuffer framebuffer)
    {
        _damage.AddAll();
        _compositor.Composite(_scene, _damage, framebuffer);
    }

    // What 16 bits keep of a colour, read back the way Framebuffer.ReadPixel widens it.
    private static uint Expected(uint color, int bitsPerPixel)
    {
        if (bitsPerPixel != 16)
            return color;
        uint r = (color >> 19) & 0x1F, g = (color >> 10) & 0x3F, b = (color >> 3) & 0x1F;
        return ((r << 3) | (r >> 2)) << 16 | ((g << 2) | (g >> 4)) << 8 | ((b << 3) | (b >> 2));
    }

    [TestCase(32, Width * 4 + 13)]
    [TestCase(24, Width * 3 + 7)]
    [TestCase(16, Width * 2 + 5)]
    public void KnownSceneAppearsAtChosenPointsInEveryDepthWithAnOddPitch(int bitsPerPixel, int pitch)
    {
        Framebuffer framebuffer = MakeFramebuffer(bitsPerPixel, pitch);
        var content = new CountingSource(100, 60, 0x00123456);
        Window window = AddWindow(1, new Rect(40, 50, 100 + 2 * WindowFrame.Border, 60 + 2 * WindowFrame.Border + WindowFrame.TitleHeight), content);
        _scene.Windows.SetFocus(window);
        _scene.TopBar.SetClock("12:34");
        CompositeAll(framebuffer);

        Rect contentRect = window.ContentRect;
        Rect close = WindowFrame.CloseButtonOf(window.Frame);
        Rect title = WindowFrame.TitleBarOf(window.Frame);
        Rect button = _scene.TopBar.ButtonRect;
        uint Pixel(int x, int y) => framebuffer.ReadPixel(x, y);

        Assert.That(Pixel(300, 190), Is.EqualTo(Expected(_theme.Desktop, bitsPerPixel)), "desktop");
        Assert.That(Pixel(Width - 1, Height - 1), Is.EqualTo(Expected(_theme.Desktop, bitsPerPixel)), "last pixel");
        Assert.That(Pixel(200, 1), Is.EqualTo(Expected(_theme.TopBar, bitsPerPixel)), "top bar");
        Assert.That(Pixel(button.X, button.Y), Is.EqualTo(Expected(_theme.Button, bitsPerPixel)), "button corner");
        // The button's label starts 4 pixels in: its first cell's ink at column 1, row 4 of the cell.
        int textTop = _scene.TopBar.TextTop;
        Assert.That(Pixel(button.X + 4 + 1, textTop + 4), Is.EqualTo(Expected(_theme.ButtonText, bitsPerPixel)), "'+' ink");
        Assert.That(Pixel(button.X + 4, textTop + 4), Is.EqualTo(Expected(_theme.Button, bitsPerPixel)), "left of ink");
        Rect clock = _scene.TopBar.ClockRect;
        Assert.That(Pixel(clock.X + 1, textTop + 5), Is.EqualTo(Expected(_theme.TopBarText, bitsPerPixel)), "clock ink");
        Assert.That(Pixel(clock.X + 8 * 5 + 1, textTop + 5), Is.EqualTo(Expected(_theme.TopBar, bitsPerPixel)), "after clock");

        Assert.That(Pixel(window.Frame.X, window.Frame.Y + 30), Is.EqualTo(Expected(_theme.FocusedBorder, bitsPerPixel)), "border");
        Assert.That(Pixel(contentRect.X, contentRect.Y), Is.EqualTo(Expected(0x00123456, bitsPerPixel)), "content top left");
        Assert.That(Pixel(contentRect.Right - 1, contentRect.Bottom - 1), Is.EqualTo(Expected(0x00123456, bitsPerPixel)), "content bottom right");
        Assert.That(Pixel(contentRect.Right, contentRect.Bottom), Is.EqualTo(Expected(_theme.FocusedBorder, bitsPerPixel)), "border corner");
        Assert.That(Pixel(title.X + 4 + 1, title.Y + 2 + 4), Is.EqualTo(Expected(_theme.TitleText, bitsPerPixel)), "title ink");
        Assert.That(Pixel(title.X + 1, title.Y + 1), Is.EqualTo(Expected(_theme.FocusedTitleBar, bitsPerPixel)), "title bar");
        Assert.That(Pixel(close.X, close.Y), Is.EqualTo(Expected(_theme.CloseButton, bitsPerPixel)), "close button");
        Assert.That(Pixel(close.X + 3, close.Y + 3), Is.EqualTo(Expected(_theme.CloseMark, bitsPerPixel)), "close mark");

        // Padding after each row (the pitch's extra bytes) is never written.
        int rowBytes = Width * bitsPerPixel / 8;
        for (int y = 0; y < Height; y++)
            for (int i = rowBytes; i < pitch; i++)
                Assert.That(framebuffer.Row(y)[i], Is.EqualTo(0xA5), $"padding of row {y}");
    }

    [TestCase(32)]
    [TestCase(24)]
    [TestCase(16)]
    public void OnlyDamagedRectanglesReachTheFramebuffer(int bitsPerPixel)
    {
        Framebuffer framebuffer = MakeFramebuffer(bitsPerPixel, Width * bitsPerPixel / 8 + 3);
        _damage.Add(new Rect(101, 103, 9, 5)); // odd x and width: heads and tails of the row copies
        _compositor.Composite(_scene, _damage, framebuffer);
        Assert.That(_damage.IsEmpty, Is.True);
        int bytes = bitsPerPixel / 8;
        for (int y = 100; y < 110; y++)
            for (int x = 98; x < 113; x++)
            {
                bool inside = x >= 101 && x < 110 && y >= 103 && y < 108;
                if (inside)
                    Assert.That(framebuffer.ReadPixel(x, y), Is.EqualTo(Expected(_theme.Desktop, bitsPerPixel)), $"{x},{y}");
                else
                    Assert.That(framebuffer.Row(y)[x * bytes], Is.EqualTo(0xA5), $"{x},{y} written");
            }
    }

    [Test]
    public void AFullyHiddenWindowIsNeverRead()
    {
        var hidden = new CountingSource(50, 50, 0x00FF0000);
        var cover = new CountingSource(200, 150, 0x0000FF00);
        AddWindow(1, WindowFrame.FrameFor(new Rect(60, 60, 50, 50)), hidden);
        AddWindow(2, WindowFrame.FrameFor(new Rect(30, 40, 200, 150)), cover);
        CompositeAll(default);
        Assert.That(hidden.Calls, Is.EqualTo(0));
        Assert.That(cover.Pixels, Is.EqualTo(200L * 150));
    }

    [Test]
    public void OverlappingWindowsAreReadExactlyForTheirVisiblePixels()
    {
        var below = new CountingSource(100, 80, 0x00FF0000);
        var above = new CountingSource(100, 80, 0x0000FF00);
        Window lower = AddWindow(1, WindowFrame.FrameFor(new Rect(40, 40, 100, 80)), below);
        Window upper = AddWindow(2, WindowFrame.FrameFor(new Rect(90, 70, 100, 80)), above);
        CompositeAll(default);

        long hiddenPart = lower.ContentRect.Intersect(upper.Frame).Area;
        Assert.That(below.Pixels, Is.EqualTo(100L * 80 - hiddenPart));
        Assert.That(above.Pixels, Is.EqualTo(100L * 80));
        // Every pixel of the screen written exactly once.
        Assert.That(_compositor.PixelsComposited, Is.EqualTo((long)Width * Height));
        // In the overlap the upper window wins.
        Rect overlap = lower.ContentRect.Intersect(upper.ContentRect);
        Assert.That(_compositor.BackBuffer[overlap.X, overlap.Y], Is.EqualTo(0x0000FF00u));
        Assert.That(_compositor.BackBuffer[lower.ContentRect.X, lower.ContentRect.Y], Is.EqualTo(0x00FF0000u));
    }

    [Test]
    public void ContentAreaBeyondTheClientsBufferIsWindowBackground()
    {
        var small = new CountingSource(20, 10, 0x00000080);
        Window window = AddWindow(1, WindowFrame.FrameFor(new Rect(50, 50, 60, 40)), small);
        CompositeAll(default);
        Rect c = window.ContentRect;
        Assert.That(_compositor.BackBuffer[c.X + 19, c.Y + 9], Is.EqualTo(0x00000080u));
        Assert.That(_compositor.BackBuffer[c.X + 20, c.Y], Is.EqualTo(_theme.WindowBackground));
        Assert.That(_compositor.BackBuffer[c.X, c.Y + 10], Is.EqualTo(_theme.WindowBackground));
    }

    [Test]
    public void CursorIsDrawnLastOverWindowsAndTheTopBar()
    {
        var content = new CountingSource(100, 100, 0x00404040);
        Window window = AddWindow(1, WindowFrame.FrameFor(new Rect(50, 50, 100, 100)), content);
        _scene.CursorVisible = true;
        _scene.CursorX = window.ContentRect.X + 10;
        _scene.CursorY = window.ContentRect.Y + 10;
        CompositeAll(default);
        int x = _scene.CursorX, y = _scene.CursorY;
        Assert.That(_compositor.BackBuffer[x, y], Is.EqualTo(_theme.CursorInk), "tip");
        Assert.That(_compositor.BackBuffer[x + 1, y + 3], Is.EqualTo(_theme.CursorFill), "fill");
        Assert.That(_compositor.BackBuffer[x + 8, y + 1], Is.EqualTo(0x00404040u), "beside the arrow");
    }
}
