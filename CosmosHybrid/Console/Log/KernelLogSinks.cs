using CosmosHybrid.Console.Output;

namespace CosmosHybrid.Console.Log;

/// <summary>
/// Where a kernel log line goes: first to the serial line, which tests and headless users
/// read, then to the screen while the kernel owns it, so both carry the same text. Text
/// written before <see cref="SystemConsole.StartSerial"/> is lost; what the screen is sent is
/// kept in a ring, so a screen handed to a window server shows the recent log when it comes back.
/// </summary>
internal static class KernelLogSinks
{
    public static void Write(char c)
    {
        SystemConsole.Serial?.Write(c);
        SystemConsole.WriteScreen(c);
    }
}
