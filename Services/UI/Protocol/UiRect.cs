using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>A rectangle as it travels in a damage list: four signed 32-bit values, 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct UiRect
{
    public const int Size = 16;

    public int X;
    public int Y;
    public int Width;
    public int Height;

    public UiRect(int x, int y, int width, int height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }
}
