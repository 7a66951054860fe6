using System;
using System.Collections.Generic;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

/// <summary>Random scenes and damage checked against a brute-force pixel walk.</summary>
public class RandomSceneTests
{
    private const int Width = 160;
    private const int Height = 120;

    [Test]
    public void EachWindowIsReadExactlyForItsVisibleDamagedPixels([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var scene = new Scene(Width, Height, new BlockGlyphs()) { CursorVisible = false };
        var sources = new List<CountingSource>();
        for (int i = 0; i < 6; i++)
        {
            var content = new Rect(random.Next(-20, Width), random.Next(TopBar.Height - 10, Height), random.Next(1, 90), random.Next(1, 70));
            var source = new CountingSource(content.Width, content.Height, (uint)(i + 1));
            sources.Add(source);
            scene.Windows.Add(new Window(i + 1, 1, WindowFrame.FrameFor(content), "w", source));
        }
        var damage = new DamageRegion(scene.Screen, capacity: 6);
        var damaged = new bool[Width, Height];
        for (int i = 0; i < 15; i++)
        {
            var r = new Rect(random.Next(-10, Width), random.Next(-10, Height), random.Next(1, 50), random.Next(1, 40));
            damage.Add(r);
            for (int y = Math.Max(0, r.Y); y < Math.Min(Height, r.Bottom); y++)
                for (int x = Math.Max(0, r.X); x < Math.Min(Width, r.Right); x++)
                    damaged[x, y] = true;
        }
        // Coalescing may damage more than asked, never less: take the region's own pixels as the truth.
        var inRegion = new bool[Width, Height];
        for (int i = 0; i < damage.Count; i++)
            for (int y = damage[i].Y; y < damage[i].Bottom; y++)
                for (int x = damage[i].X; x < damage[i].Right; x++)
                {
                    Assert.That(inRegion[x, y], Is.False, "damage rectangles overlap");
                    inRegion[x, y] = true;
                }
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                Assert.That(!damaged[x, y] || inRegion[x, y], Is.True, $"damaged pixel {x},{y} lost");

        var expected = new long[sources.Count];
        long regionPixels = 0;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                if (!inRegion[x, y])
                    continue;
                regionPixels++;
                if (y < TopBar.Height)
                    continue;
                Window top = scene.Windows.HitTest(x, y);
                if (top != null && top.ContentRect.Contains(x, y))
                    expected[top.Id - 1]++;
            }

        var compositor = new Compositor(new PixelBuffer(Width, Height), new Theme(), new BlockGlyphs());
        compositor.Composite(scene, damage, default);
        for (int i = 0; i < sources.Count; i++)
            Assert.That(sources[i].Pixels, Is.EqualTo(expected[i]), $"window {i + 1}");
        Assert.That(compositor.PixelsComposited, Is.EqualTo(regionPixels), "each damaged pixel drawn once");
        // And what is shown is the topmost window's colour.
        for (int y = TopBar.Height; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                Window top = scene.Windows.HitTest(x, y);
                if (inRegion[x, y] && top != null && top.ContentRect.Contains(x, y))
                    Assert.That(compositor.BackBuffer[x, y], Is.EqualTo((uint)top.Id), $"{x},{y}");
            }
    }
}
