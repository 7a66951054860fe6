using System;
using System.Text;
using CosmosHybrid.Services.Terminal.Emulation;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

internal static class TerminalTestExtensions
{
    /// <summary>Writes <paramref name="text"/> as UTF-8; "\e" is spelled "\u001b" by the callers.</summary>
    public static void Write(this Services.Terminal.Emulation.Terminal terminal, string text)
    {
        terminal.Write(Encoding.UTF8.GetBytes(text));
    }

    public static string ReadReplies(this Services.Terminal.Emulation.Terminal terminal)
    {
        var buffer = new byte[TerminalReplies.Capacity];
        int count = terminal.Replies.Read(buffer);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }

    public static (int Row, int Column) Cursor(this Services.Terminal.Emulation.Terminal terminal) =>
        (terminal.CursorRow, terminal.CursorColumn);
}
