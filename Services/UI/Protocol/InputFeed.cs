using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// Turns what an input driver reports (mouse movement, keys with their UTF-8 text) into the
/// server's <see cref="UiRequest.PointerInput"/> and <see cref="UiRequest.KeyInput"/> messages:
/// the pointer's absolute place, kept on the screen, and the key's first character. The ui
/// program's input bridge sends these to the server's own port, so input is served in order
/// with everything else by the one serving thread.
/// </summary>
public sealed class InputFeed
{
    private readonly int _width;
    private readonly int _height;

    public InputFeed(int width, int height)
    {
        _width = width < 1 ? 1 : width;
        _height = height < 1 ? 1 : height;
        X = _width / 2;
        Y = _height / 2;
    }

    public int X { get; private set; }

    public int Y { get; private set; }

    /// <summary>A relative movement (y down positive), the wheel steps and the buttons held now.</summary>
    public IpcMessage Pointer(int deltaX, int deltaY, int wheel, UiPointerButtons buttons)
    {
        X = Clamp((long)X + deltaX, _width - 1);
        Y = Clamp((long)Y + deltaY, _height - 1);
        var message = default(IpcMessage);
        message.Tag = (ulong)UiRequest.PointerInput;
        message.Word0 = (ulong)X;
        message.Word1 = (ulong)Y;
        message.Word2 = (ulong)(buttons & (UiPointerButtons.Left | UiPointerButtons.Right | UiPointerButtons.Middle));
        message.Word3 = (ulong)(long)wheel;
        return message;
    }

    /// <summary>A key (the keyboard model's number), pressed or released, with the text it types (UTF-8; its first character is passed on).</summary>
    public static IpcMessage Key(ushort keyCode, bool pressed, UiModifiers modifiers, ReadOnlySpan<byte> text)
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)UiRequest.KeyInput;
        message.Word0 = keyCode;
        message.Word1 = pressed ? 1UL : 0UL;
        message.Word2 = (byte)modifiers;
        message.Word3 = FirstScalar(text);
        return message;
    }

    /// <summary>The first Unicode scalar of <paramref name="text"/>, or 0 when it is empty or not UTF-8.</summary>
    public static uint FirstScalar(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
            return 0;
        Span<char> chars = stackalloc char[8];
        if (Utf8.Decode(text, chars, out int count) != Utf8Status.Ok || count == 0)
            return 0;
        if (char.IsHighSurrogate(chars[0]) && count > 1 && char.IsLowSurrogate(chars[1]))
            return (uint)(0x10000 + ((chars[0] - 0xD800) << 10) + (chars[1] - 0xDC00));
        return chars[0];
    }

    private static int Clamp(long value, int max) => value < 0 ? 0 : value > max ? max : (int)value;
}
