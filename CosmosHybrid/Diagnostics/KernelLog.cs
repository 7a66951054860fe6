using CosmosHybrid.Terminal;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// The kernel log: every line goes to the serial port (which tests and headless
/// users read) and to the screen, so both carry the same text.
/// </summary>
internal static class KernelLog
{
    private const int MaxOutputs = 4;

    private static readonly IConsoleOutput[] s_outputs = new IConsoleOutput[MaxOutputs];
    private static int s_outputCount;

    public static void AddOutput(IConsoleOutput output)
    {
        if (s_outputCount < MaxOutputs)
            s_outputs[s_outputCount++] = output;
    }

    public static void Write(char c)
    {
        for (int i = 0; i < s_outputCount; i++)
            s_outputs[i].Write(c);
    }

    public static void Write(string text)
    {
        if (text == null)
            return;
        for (int i = 0; i < text.Length; i++)
            Write(text[i]);
    }

    public static void WriteLine(string text)
    {
        Write(text);
        Write('\n');
    }

    /// <summary>"0x" followed by 16 hex digits: the form every address in the log takes.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x16");
}
