using System;
using CosmosHybrid.Abi.Text;

namespace CosmosHybrid.Shell;

/// <summary>
/// Reads a line from the console with echo and backspace (the terminal sends raw keys).
/// Input is UTF-8: bytes are kept as typed and echoed as they come, Backspace removes a
/// whole character (never half of one), and the line is decoded when Enter ends it.
/// </summary>
internal static class LineEditor
{
    /// <summary>The line typed, or null when its bytes are not valid UTF-8.</summary>
    public static string ReadLine(int maxBytes)
    {
        byte[] buffer = new byte[maxBytes];
        int length = 0;
        while (true)
        {
            int value = Console.Read();
            if (value < 0)
                continue;
            if (value == '\r' || value == '\n')
            {
                Console.Write('\n');
                return Utf8.GetString(new ReadOnlySpan<byte>(buffer, 0, length));
            }
            if (value == '\b' || value == 0x7F)
            {
                if (length > 0)
                {
                    length = Utf8.PreviousBoundary(new ReadOnlySpan<byte>(buffer, 0, length), length);
                    Console.Write("\b \b");
                }
                continue;
            }
            if (value >= ' ' && length < maxBytes)
            {
                buffer[length++] = (byte)value;
                Console.Write((char)value);   // one byte out as it came in: the terminal assembles the character
            }
        }
    }
}
