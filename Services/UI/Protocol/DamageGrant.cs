using System;
using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// The pages of a window buffer a Damage request lends: only those that hold the damaged
/// pixels, not the whole buffer (mapping a grant costs per page, and one changed glyph of a
/// terminal lies in a few of its hundreds). The buffer is width × height 32-bit pixels, row
/// after row, from a page boundary; the grant is the page run <see cref="FirstPage"/> ..
/// <see cref="FirstPage"/> + <see cref="PageCount"/>, and the request names FirstPage so the
/// server can place the grant in the buffer (<see cref="PackWindow"/>).
/// </summary>
public readonly struct DamageGrant
{
    public const int PageSize = 4096;

    public DamageGrant(long firstPage, long pageCount)
    {
        FirstPage = firstPage;
        PageCount = pageCount;
    }

    /// <summary>The page of the buffer the grant starts at.</summary>
    public long FirstPage { get; }

    public long PageCount { get; }

    public long ByteOffset => FirstPage * PageSize;

    public long ByteLength => PageCount * PageSize;

    /// <summary>
    /// The pages that hold every pixel of <paramref name="rects"/> (clipped to the buffer) in a
    /// buffer of <paramref name="width"/> × <paramref name="height"/>; none given or none left:
    /// the whole buffer.
    /// </summary>
    public static DamageGrant For(int width, int height, ReadOnlySpan<Rect> rects)
    {
        long bufferBytes = (long)width * height * 4;
        long first = long.MaxValue, end = 0;
        Rect bounds = new Rect(0, 0, width, height);
        for (int i = 0; i < rects.Length; i++)
        {
            Rect r = rects[i].Intersect(bounds);
            if (r.IsEmpty)
                continue;
            first = Math.Min(first, StartByte(width, r));
            end = Math.Max(end, EndByte(width, r));
        }
        if (end == 0)
        {
            first = 0;
            end = bufferBytes;
        }
        long firstPage = first / PageSize;
        long endPage = (end + PageSize - 1) / PageSize;
        return new DamageGrant(firstPage, endPage - firstPage);
    }

    /// <summary>
    /// Whether a grant of <paramref name="grantBytes"/> placed at <paramref name="grantOffset"/>
    /// of the buffer holds every pixel of <paramref name="rect"/> (inside the buffer already).
    /// </summary>
    public static bool Covers(long grantOffset, ulong grantBytes, int width, Rect rect)
    {
        if (rect.IsEmpty)
            return true;
        if (grantOffset < 0 || grantBytes > long.MaxValue / 2)
            return false;
        return StartByte(width, rect) >= grantOffset && EndByte(width, rect) <= grantOffset + (long)grantBytes;
    }

    /// <summary>Word2 of a Damage request: the window id and the grant's first page.</summary>
    public static ulong PackWindow(int windowId, long firstPage) => (uint)windowId | ((ulong)(uint)firstPage << 32);

    public static int WindowOf(ulong word2) => (int)(uint)word2;

    public static long FirstPageOf(ulong word2) => (long)(word2 >> 32);

    /// <summary>The byte of the rectangle's top-left pixel.</summary>
    private static long StartByte(int width, Rect r) => ((long)r.Y * width + r.X) * 4;

    /// <summary>One past the byte of the rectangle's bottom-right pixel.</summary>
    private static long EndByte(int width, Rect r) => ((long)(r.Bottom - 1) * width + r.Right) * 4;
}
