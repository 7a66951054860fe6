using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

/// <summary>The screen's text, row by row, for assertions.</summary>
internal static class TerminalRows
{
    public static string[] Rows(Term terminal)
    {
        var rows = new string[terminal.Rows];
        for (int i = 0; i < rows.Length; i++)
            rows[i] = terminal.GetRowText(i);
        return rows;
    }
}
