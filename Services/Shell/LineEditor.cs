using System;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// Reads a line from the console with echo and backspace (the terminal sends raw keys).
/// Input is UTF-8: bytes are kept as typed and echoed as they come, Backspace removes a
/// whole character (never half of one), and the line is decoded when Enter ends it.
/// </summary>
internal static class LineEditor
{
    /// <summary>
    /// The line typed, or null when its bytes are not valid UTF-8. <paramref name="endOfInput"/>
    /// is set when standard input ended before anything was typed on the line.
    /// </summary>
    public static string ReadLine(int maxBytes, out bool endOfInput)
    {
        endOfInput = false;
        byte[] buffer = new byte[maxBytes];
        int length = 0;
        int characterStart = 0;   // where the character still being typed begins
        while (true)
        {
            int value = Console.Read();
            if (value < 0)
            {
                if (length > 0)
                    continue;   // Ctrl-D in the middle of a line does nothing, as in a terminal
                endOfInput = true;
                return null;
            }
            if (value == '\r' || value == '\n')
            {
                Console.Write('\n');
                return Utf8.GetString(new ReadOnlySpan<byte>(buffer, 0, characterStart));
            }
            if (value == '\b' || value == 0x7F)
            {
                if (characterStart > 0)
                {
                    characterStart = Utf8.PreviousBoundary(new ReadOnlySpan<byte>(buffer, 0, characterStart), characterStart);
                    Console.Write("\b \b");
                }
                length = characterStart;
                continue;
            }
            if (value < ' ' || length == maxBytes)
                continue;
            buffer[length++] = (byte)value;
            int expected = ExpectedLength(buffer[characterStart]);
            if (length - characterStart < expected)
                continue;
            var character = new ReadOnlySpan<byte>(buffer, characterStart, length - characterStart);
            if (expected > 0 && Utf8.IsValid(character))
            {
                Console.Write(Utf8.GetString(character));   // echoed once the character is whole
                characterStart = length;
            }
            else
            {
                length = characterStart;   // not UTF-8: the bytes are dropped, never half-kept
            }
        }
    }

    // Bytes of the sequence a lead byte starts; 0 for a byte no sequence starts with.
    private static int ExpectedLength(byte lead) =>
        lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}
