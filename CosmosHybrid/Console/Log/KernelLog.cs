namespace CosmosHybrid.Console.Log;

/// <summary>
/// The kernel log: what the kernel has to say, one character at a time. Where the text
/// goes is decided in one place, <see cref="KernelLogSinks"/>.
/// </summary>
internal static class KernelLog
{
    public static void Write(char c) => KernelLogSinks.Write(c);

    public static void Write(string text)
    {
        if (text == null)
            return;
        for (int i = 0; i < text.Length; i++)
            KernelLogSinks.Write(text[i]);
    }

    public static void WriteLine(string text)
    {
        Write(text);
        Write('\n');
    }

    /// <summary>"0x" followed by 16 hex digits: the form every address in the log takes.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x16");
}
