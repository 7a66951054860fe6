using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;

namespace CosmosHybrid.Services.Input.Protocol;

/// <summary>
/// A key event as the driver sends it to subscribers: Word0 the key (<see cref="Keyboard.Key"/>,
/// layout-independent), Word1 1 for a press (typematic repeats are presses too) or 0 for a
/// release, Word2 the modifiers in the low 32 bits and the text's length in bytes above them,
/// Word3 the text the key types (UTF-8, at most 8 bytes, first byte lowest; none for a release,
/// a modifier or a dead key): a character, a control character, or an xterm sequence.
/// </summary>
public readonly struct KeyEventMessage
{
    public const int MaxTextBytes = 8;

    private const KeyboardModifiers KnownModifiers = KeyboardModifiers.Shift | KeyboardModifiers.Control | KeyboardModifiers.Alt
        | KeyboardModifiers.AltGr | KeyboardModifiers.CapsLock | KeyboardModifiers.NumLock | KeyboardModifiers.ScrollLock;

    private readonly ulong _text;

    private KeyEventMessage(Key key, bool pressed, KeyboardModifiers modifiers, ulong text, int textLength)
    {
        Key = key;
        Pressed = pressed;
        Modifiers = modifiers;
        _text = text;
        TextLength = textLength;
    }

    public Key Key { get; }

    public bool Pressed { get; }

    public KeyboardModifiers Modifiers { get; }

    public int TextLength { get; }

    /// <summary>An event with the text <paramref name="utf8"/> (cut to nothing when longer than <see cref="MaxTextBytes"/>).</summary>
    public static KeyEventMessage Create(KeyEvent keyEvent, KeyboardModifiers modifiers, ReadOnlySpan<byte> utf8)
    {
        ulong text = 0;
        int length = utf8.Length <= MaxTextBytes ? utf8.Length : 0;
        for (int i = 0; i < length; i++)
            text |= (ulong)utf8[i] << (8 * i);
        return new KeyEventMessage(keyEvent.Key, keyEvent.Pressed, modifiers, text, length);
    }

    /// <summary>The text's bytes into <paramref name="destination"/> (8 bytes suffice); returns how many.</summary>
    public int CopyText(Span<byte> destination)
    {
        int count = TextLength < destination.Length ? TextLength : destination.Length;
        for (int i = 0; i < count; i++)
            destination[i] = (byte)(_text >> (8 * i));
        return count;
    }

    public IpcMessage ToMessage()
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)InputMessageTag.KeyEvent;
        message.Word0 = (ulong)Key;
        message.Word1 = Pressed ? 1UL : 0UL;
        message.Word2 = (ulong)(uint)Modifiers | ((ulong)(uint)TextLength << 32);
        message.Word3 = _text;
        return message;
    }

    /// <summary>Reads a key event; false for anything else or a malformed one (a value out of range, bytes past the length).</summary>
    public static bool TryRead(in IpcMessage message, out KeyEventMessage keyEvent)
    {
        keyEvent = default;
        if (message.Tag != (ulong)InputMessageTag.KeyEvent || message.Word0 == 0 || message.Word0 > 0xFF || message.Word1 > 1)
            return false;
        var modifiers = (KeyboardModifiers)(uint)message.Word2;
        ulong length = message.Word2 >> 32;
        if ((modifiers & ~KnownModifiers) != 0 || length > MaxTextBytes)
            return false;
        if (length < MaxTextBytes && (message.Word3 >> (8 * (int)length)) != 0)
            return false;
        keyEvent = new KeyEventMessage((Key)message.Word0, message.Word1 == 1, modifiers, message.Word3, (int)length);
        return true;
    }
}
