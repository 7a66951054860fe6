using System;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Terminal.Emulation;

namespace CosmosHybrid.Services.Terminal.Input;

/// <summary>
/// Turns keyboard and wheel events of a terminal window into the bytes the program reads,
/// keeping for the window what belongs to it: Shift+PgUp/PgDn and the wheel move the view
/// through the scroll-back. Cursor keys follow DECCKM (ESC O A when the program asked for
/// application cursor keys). Anything sent to the program returns the view to the bottom.
/// </summary>
public sealed class TerminalKeyMapper
{
    /// <summary>Lines one wheel notch scrolls.</summary>
    public const int WheelLines = 3;

    /// <summary>Longest output of one event, in bytes.</summary>
    public const int MaxOutput = 32;

    private readonly KeyTranslator _translator;

    public TerminalKeyMapper(KeyTranslator translator)
    {
        _translator = translator;
    }

    public KeyTranslator Translator => _translator;

    /// <summary>
    /// Handles a key press or release. Returns how many bytes for the program were written to
    /// <paramref name="output"/> (at least <see cref="MaxOutput"/> long); 0 when the key typed
    /// nothing or was handled here.
    /// </summary>
    public int MapKey(KeyEvent keyEvent, Emulation.Terminal terminal, Span<byte> output)
    {
        string text = _translator.Translate(keyEvent);
        if (text == null)
        {
            return 0;
        }

        bool shift = (_translator.State.Modifiers & KeyboardModifiers.Shift) != 0;
        if (shift && (keyEvent.Key == Key.PageUp || keyEvent.Key == Key.PageDown))
        {
            int page = terminal.Rows > 1 ? terminal.Rows - 1 : 1;
            terminal.ScrollView(keyEvent.Key == Key.PageUp ? page : -page);
            return 0;
        }

        int length = Encode(text, terminal.ApplicationCursorKeys, output);
        if (length > 0)
        {
            terminal.ScrollViewToBottom();
        }

        return length;
    }

    /// <summary>
    /// Handles wheel notches (positive away from the user: up). On the main screen the view
    /// scrolls; on the alternate screen, where there is no scroll-back, the program gets
    /// cursor up/down keys instead (as xterm's alternateScroll does), which pagers and
    /// editors understand. Returns the bytes for the program.
    /// </summary>
    public int MapWheel(int notches, Emulation.Terminal terminal, Span<byte> output)
    {
        if (notches == 0)
        {
            return 0;
        }

        if (!terminal.AlternateScreen)
        {
            terminal.ScrollView(notches * WheelLines);
            return 0;
        }

        string key = notches > 0 ? "\u001b[A" : "\u001b[B";
        int count = Math.Min(Math.Abs(notches) * WheelLines, output.Length / 3);
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            length += Encode(key, terminal.ApplicationCursorKeys, output.Slice(length));
        }

        return length;
    }

    /// <summary>UTF-8 of <paramref name="text"/>, with CSI cursor keys turned into SS3 ones in application mode.</summary>
    private static int Encode(string text, bool applicationCursorKeys, Span<byte> output)
    {
        if (applicationCursorKeys && text.Length == 3 && text[0] == '\u001b' && text[1] == '['
            && (text[2] == 'A' || text[2] == 'B' || text[2] == 'C' || text[2] == 'D' || text[2] == 'H' || text[2] == 'F'))
        {
            if (output.Length < 3)
            {
                return 0;
            }

            output[0] = 0x1B;
            output[1] = (byte)'O';
            output[2] = (byte)text[2];
            return 3;
        }

        if (Utf8.GetLenientByteCount(text.AsSpan()) > output.Length)
        {
            return 0;
        }

        return Utf8.EncodeLenient(text.AsSpan(), output);
    }
}
