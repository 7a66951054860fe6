using System;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Terminal.Input;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Protocol;

namespace CosmosHybrid.Services.Terminal.Session;

/// <summary>Window events: keys and the wheel to the shell's input or the local view, resizing.</summary>
public sealed unsafe partial class TerminalSession
{
    // Every key event goes through the mapper, so its modifier state follows the keyboard and
    // it handles Shift+PgUp/PgDn and the special keys. A printable character the input driver's
    // layout typed (keymap de, dead keys, Caps Lock) wins over the mapper's own US table,
    // unless Ctrl or Alt make the key a control code or an escape sequence.
    private SessionState OnKey(UiKeyInput key)
    {
        FollowModifiers(key.Modifiers);
        Span<byte> bytes = stackalloc byte[TerminalKeyMapper.MaxOutput];
        int length = _keys.MapKey(new KeyEvent((Key)key.KeyCode, key.Pressed), _terminal, bytes);
        bool plain = (key.Modifiers & (UiModifiers.Control | UiModifiers.Alt)) == 0;
        if (key.Pressed && plain && IsPrintable(key.Character))
        {
            length = EncodeScalar(key.Character, bytes);
            _terminal.ScrollViewToBottom();
        }
        if (length > 0 && !_shell.WriteInput(bytes.Slice(0, length)))
            return SessionState.ShellEnded;
        return Present();   // the view may have moved
    }

    // The mapper keeps modifier state from the key events it sees, but a window misses the
    // releases that happen while another has the focus: the modifiers the server reports
    // with each key are the truth, and the mapper's state is brought in line with them.
    private void FollowModifiers(UiModifiers held)
    {
        KeyboardState state = _keys.Translator.State;
        Follow(state, KeyboardModifiers.Shift, (held & UiModifiers.Shift) != 0, Key.LeftShift, Key.RightShift);
        Follow(state, KeyboardModifiers.Control, (held & UiModifiers.Control) != 0, Key.LeftControl, Key.RightControl);
        if (state.RightAltIsAltGr)
        {
            Follow(state, KeyboardModifiers.Alt, (held & UiModifiers.Alt) != 0, Key.LeftAlt, Key.LeftAlt);
            Follow(state, KeyboardModifiers.AltGr, (held & UiModifiers.AltGr) != 0, Key.RightAlt, Key.RightAlt);
        }
        else
        {
            Follow(state, KeyboardModifiers.Alt, (held & (UiModifiers.Alt | UiModifiers.AltGr)) != 0, Key.LeftAlt, Key.RightAlt);
        }
    }

    private static void Follow(KeyboardState state, KeyboardModifiers modifier, bool held, Key left, Key right)
    {
        bool tracked = (state.Modifiers & modifier) != 0;
        if (tracked == held)
            return;
        if (held)
        {
            state.Apply(new KeyEvent(left, true));
            return;
        }
        state.Apply(new KeyEvent(left, false));
        state.Apply(new KeyEvent(right, false));
    }

    private SessionState OnWheel(int notches)
    {
        if (notches == 0)
            return SessionState.Running;
        Span<byte> bytes = stackalloc byte[TerminalKeyMapper.MaxOutput];
        int length = _keys.MapWheel(notches, _terminal, bytes);
        if (length > 0 && !_shell.WriteInput(bytes.Slice(0, length)))
            return SessionState.ShellEnded;
        return Present();
    }

    // A new buffer at the new size, the grid refitted to it, everything drawn again. Without
    // memory for it the window keeps drawing at the old size (the server clamps).
    private SessionState OnResize(int width, int height)
    {
        if (width < 1 || height < 1 || width > UiLimits.MaxWindowSize || height > UiLimits.MaxWindowSize
            || (width == _window.Width && height == _window.Height))
            return SessionState.Running;
        if (!MapBuffer(width, height, out ulong buffer, out long pages))
            return SessionState.Running;
        _window.UseBuffer((uint*)buffer, width, height);
        _memory.Unmap(_buffer, _bufferPages);
        _buffer = buffer;
        _bufferPages = pages;
        _renderer.CellsFor(width, height, out int columns, out int rows);
        _terminal.Resize(columns < 1 ? 1 : columns, rows < 1 ? 1 : rows);
        return Present(full: true);
    }

    private static bool IsPrintable(uint scalar) =>
        scalar >= 0x20 && scalar != 0x7F && (scalar < 0x80 || scalar > 0x9F) && scalar <= 0x10FFFF && (scalar < 0xD800 || scalar > 0xDFFF);

    private static int EncodeScalar(uint scalar, Span<byte> output)
    {
        if (scalar < 0x80)
        {
            output[0] = (byte)scalar;
            return 1;
        }
        if (scalar < 0x800)
        {
            output[0] = (byte)(0xC0 | scalar >> 6);
            output[1] = (byte)(0x80 | scalar & 0x3F);
            return 2;
        }
        if (scalar < 0x10000)
        {
            output[0] = (byte)(0xE0 | scalar >> 12);
            output[1] = (byte)(0x80 | scalar >> 6 & 0x3F);
            output[2] = (byte)(0x80 | scalar & 0x3F);
            return 3;
        }
        output[0] = (byte)(0xF0 | scalar >> 18);
        output[1] = (byte)(0x80 | scalar >> 12 & 0x3F);
        output[2] = (byte)(0x80 | scalar >> 6 & 0x3F);
        output[3] = (byte)(0x80 | scalar & 0x3F);
        return 4;
    }
}
