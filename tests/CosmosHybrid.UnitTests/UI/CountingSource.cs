using CosmosHybrid.Services.UI.Compositing;

namespace CosmosHybrid.UnitTests.UI;

/// <summary>A window's pixels in one colour, counting how often and how much the compositor reads.</summary>
public sealed unsafe class CountingSource : IPixelSource
{
    public CountingSource(int width, int height, uint color)
    {
        Width = width;
        Height = height;
        Color = color;
    }

    public int Width { get; }

    public int Height { get; }

    public uint Color { get; set; }

    public int Calls { get; private set; }

    public long Pixels { get; private set; }

    public void CopyRow(int x, int y, int count, uint* destination)
    {
        Assert(x >= 0 && y >= 0 && x + count <= Width && y < Height);
        Calls++;
        Pixels += count;
        for (int i = 0; i < count; i++)
            destination[i] = Color;
    }

    public void Reset()
    {
        Calls = 0;
        Pixels = 0;
    }

    private static void Assert(bool condition)
    {
        if (!condition)
            throw new System.InvalidOperationException("row read outside the source");
    }
}
