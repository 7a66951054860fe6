using System;

namespace CosmosHybrid.Shell;

/// <summary>Reads a line from the console with echo and backspace (the terminal sends raw keys).</summary>
internal static class LineEditor
{
    public static string ReadLine(int maxLength)
    {
        char[] buffer = new char[maxLength];
        int length = 0;
        while (true)
        {
            int value = Console.Read();
            if (value < 0)
                continue;
            char c = (char)value;
            if (c == '\r' || c == '\n')
            {
                Console.Write('\n');
                return new string(buffer, 0, length);
            }
            if (c == '\b' || c == (char)0x7F)
            {
                if (length > 0)
                {
                    length--;
                    Console.Write("\b \b");
                }
                continue;
            }
            if (c >= ' ' && c < (char)0x7F && length < maxLength)
            {
                buffer[length++] = c;
                Console.Write(c);
            }
        }
    }
}
