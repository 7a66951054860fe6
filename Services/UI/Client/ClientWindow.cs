namespace CosmosHybrid.Services.UI.Client;

/// <summary>
/// A window as its client holds it: the server's id and the pixel buffer the client draws in
/// and lends the server with each damage request (page-aligned, <see cref="BufferBytes"/> long).
/// </summary>
public sealed unsafe class ClientWindow
{
    public const int PageSize = 4096;

    internal ClientWindow(int id, uint* pixels, int width, int height)
    {
        Id = id;
        Pixels = pixels;
        Width = width;
        Height = height;
    }

    public int Id { get; }

    public uint* Pixels { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public Canvas Canvas => new Canvas(Pixels, Width, Height);

    /// <summary>The buffer a window of this size needs, in whole pages (grants lend pages).</summary>
    public static long BufferBytes(int width, int height) => ((long)width * height * 4 + PageSize - 1) / PageSize * PageSize;

    public static long BufferPages(int width, int height) => BufferBytes(width, height) / PageSize;

    /// <summary>Draws at a new size from now on (after a resize event), in a buffer the client made for it.</summary>
    public void UseBuffer(uint* pixels, int width, int height)
    {
        Pixels = pixels;
        Width = width;
        Height = height;
    }
}
