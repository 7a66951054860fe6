using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// The checks the server runs on every message before acting on it. Each returns an error
/// value (never throws): unknown tags, sizes out of range, a missing or short grant, too
/// many windows, titles and rectangle lists that are too long; damage is clamped to the window.
/// </summary>
public static unsafe class UiRequestValidator
{
    public static bool IsKnown(ulong tag)
    {
        switch ((UiRequest)tag)
        {
            case UiRequest.Connect:
            case UiRequest.CreateWindow:
            case UiRequest.Damage:
            case UiRequest.SetTitle:
            case UiRequest.DestroyWindow:
            case UiRequest.Disconnect:
            case UiRequest.PointerInput:
            case UiRequest.KeyInput:
            case UiRequest.SetClock:
            case UiRequest.Stop:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Word2 of a create request as a size, checked against the limits.</summary>
    public static UiError CheckSize(ulong packedSize, out int width, out int height)
    {
        width = (int)(uint)packedSize;
        height = (int)(uint)(packedSize >> 32);
        if (width <= 0 || height <= 0 || width > UiLimits.MaxWindowSize || height > UiLimits.MaxWindowSize
            || (long)width * height > UiLimits.MaxWindowPixels)
            return UiError.BadSize;
        return UiError.None;
    }

    public static ulong PackSize(int width, int height) => (uint)width | ((ulong)(uint)height << 32);

    /// <summary>The grant must be there and hold width × height pixels.</summary>
    public static UiError CheckGrant(in IpcMessage request, int width, int height)
    {
        if (request.GrantedAddress == 0 || request.GrantLength == 0)
            return UiError.NotAGrant;
        if (request.GrantLength < (ulong)width * (ulong)height * 4)
            return UiError.GrantTooSmall;
        return UiError.None;
    }

    /// <summary>
    /// A Damage request's grant must be there and, placed at <paramref name="grantOffset"/> bytes
    /// of a width-pixel-wide buffer, hold every pixel of <paramref name="damage"/> (already clamped).
    /// </summary>
    public static UiError CheckDamageGrant(in IpcMessage request, long grantOffset, int width, ReadOnlySpan<Rect> damage)
    {
        if (request.GrantedAddress == 0 || request.GrantLength == 0)
            return UiError.NotAGrant;
        for (int i = 0; i < damage.Length; i++)
        {
            if (!DamageGrant.Covers(grantOffset, request.GrantLength, width, damage[i]))
                return UiError.GrantTooSmall;
        }
        return UiError.None;
    }

    public static UiError CheckCreateWindow(in IpcMessage request, int windowsOwned, out int width, out int height, out string title)
    {
        title = null;
        UiError error = CheckSize(request.Word2, out width, out height);
        if (error != UiError.None)
            return error;
        if (windowsOwned >= UiLimits.MaxWindowsPerClient)
            return UiError.TooManyWindows;
        error = CheckGrant(request, width, height);
        if (error != UiError.None)
            return error;
        return ReadTitle(request, out title);
    }

    /// <summary>The title in the request's buffer (lenient UTF-8: ill-formed bytes show as U+FFFD).</summary>
    public static UiError ReadTitle(in IpcMessage request, out string title)
    {
        title = string.Empty;
        if (request.BufferLength > UiLimits.MaxTitleBytes)
            return UiError.BadBuffer;
        if (request.BufferLength == 0)
            return UiError.None;
        if (request.BufferAddress == 0)
            return UiError.BadBuffer;
        title = Utf8.GetStringLenient(new ReadOnlySpan<byte>((byte*)request.BufferAddress, (int)request.BufferLength));
        return UiError.None;
    }

    /// <summary>
    /// The damage rectangles of a request (its buffer: whole <see cref="UiRect"/>s, at most
    /// <see cref="UiLimits.MaxDamageRects"/>; none means the whole window) clamped to a buffer
    /// of <paramref name="width"/> × <paramref name="height"/>, empty ones dropped, written to
    /// <paramref name="output"/>. BadBuffer for a partial or too long list.
    /// </summary>
    public static UiError ReadDamage(in IpcMessage request, int width, int height, Span<Rect> output, out int count)
    {
        count = 0;
        if (request.BufferLength == 0)
        {
            output[count++] = new Rect(0, 0, width, height);
            return UiError.None;
        }
        if (request.BufferLength % UiRect.Size != 0 || request.BufferLength > (ulong)UiLimits.MaxDamageRects * UiRect.Size || request.BufferAddress == 0)
            return UiError.BadBuffer;
        var rects = new ReadOnlySpan<UiRect>((void*)request.BufferAddress, (int)(request.BufferLength / UiRect.Size));
        return ClampDamage(rects, width, height, output, out count);
    }

    public static UiError ClampDamage(ReadOnlySpan<UiRect> rects, int width, int height, Span<Rect> output, out int count)
    {
        count = 0;
        if (rects.Length > UiLimits.MaxDamageRects || rects.Length > output.Length)
            return UiError.BadBuffer;
        Rect window = new Rect(0, 0, width, height);
        for (int i = 0; i < rects.Length; i++)
        {
            UiRect r = rects[i];
            // Edges in long so that huge values cannot wrap into the window.
            long left = Math.Max(r.X, 0), top = Math.Max(r.Y, 0);
            long right = Math.Min((long)r.X + r.Width, width), bottom = Math.Min((long)r.Y + r.Height, height);
            if (r.Width <= 0 || r.Height <= 0 || right <= left || bottom <= top)
                continue;
            output[count++] = Rect.FromEdges((int)left, (int)top, (int)right, (int)bottom).Intersect(window);
        }
        return UiError.None;
    }
}
