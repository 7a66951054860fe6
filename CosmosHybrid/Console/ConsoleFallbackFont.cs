using CosmosHybrid.Console.Log;
using CosmosHybrid.Storage.Kernel;

namespace CosmosHybrid.Console;

/// <summary>
/// The kernel console's font module holds only the glyphs below U+3000 (GRUB reads every byte of a
/// module by polling the CD: the whole font cost about 28 M ticks of boot). Once the root file system
/// is mounted, the whole font from it draws the rest (CJK, Hangul, Yi...), as ring 3's terminal does.
/// </summary>
internal static class ConsoleFallbackFont
{
    /// <summary>Where the build puts GRUB's whole unicode.pf2 (as ring 3's FontFile and TerminalFont read it).</summary>
    public const string Path = "/share/unicode.pf2";
    private const int MaxBytes = 8 << 20;

    public static void Load()
    {
        if (!SystemConsole.DrawsWithFont)
            return;
        byte[] font = KernelFileSystem.ReadWholeFile(Path, MaxBytes);
        if (font == null || !SystemConsole.AddFallbackFont(font))
            KernelLog.WriteLine("console: no whole font at " + Path + "; characters from U+3000 on show as '?'");
    }
}
