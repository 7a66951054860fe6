using System;
using System.Runtime.InteropServices;

namespace CosmosHybrid.UnitTests.Console.Output;

/// <summary>
/// An unmanaged 32-bpp framebuffer whose row padding and trailing guard row are filled
/// with a sentinel, so writes outside the visible area are caught.
/// </summary>
internal sealed unsafe class TestScreen : IDisposable
{
    public const uint Sentinel = 0xDEADBEEF;

    private readonly int _totalPixels;

    public TestScreen(int width, int height, int pitchPixels)
    {
        Width = width;
        Height = height;
        PitchPixels = pitchPixels;

        // One guard row after the last visible row.
        _totalPixels = pitchPixels * (height + 1);
        Pixels = (uint*)NativeMemory.Alloc((nuint)_totalPixels, sizeof(uint));
        new Span<uint>(Pixels, _totalPixels).Fill(Sentinel);
    }

    public uint* Pixels { get; private set; }

    public int Width { get; }

    public int Height { get; }

    public int PitchPixels { get; }

    public int PitchBytes => PitchPixels * 4;

    public uint this[int x, int y] => Pixels[(y * PitchPixels) + x];

    /// <summary>True if nothing outside the visible width x height area was written.</summary>
    public bool PaddingIntact()
    {
        for (int i = 0; i < _totalPixels; i++)
        {
            bool visible = i % PitchPixels < Width && i / PitchPixels < Height;
            if (!visible && Pixels[i] != Sentinel)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True if no pixel at all was written since construction.</summary>
    public bool IsUntouched()
    {
        for (int i = 0; i < _totalPixels; i++)
        {
            if (Pixels[i] != Sentinel)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies the visible pixels of rows [top, top + count).</summary>
    public uint[] Snapshot(int top, int count)
    {
        var copy = new uint[Width * count];
        for (int y = 0; y < count; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                copy[(y * Width) + x] = this[x, top + y];
            }
        }

        return copy;
    }

    public void Dispose()
    {
        if (Pixels != null)
        {
            NativeMemory.Free(Pixels);
            Pixels = null;
        }
    }
}
