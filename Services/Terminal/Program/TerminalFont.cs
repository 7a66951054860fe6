using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Terminal.Program;

/// <summary>
/// Where the terminal's font comes from: GRUB's unicode.pf2, which the build copies onto the
/// root file system (the same file GRUB loads as the kernel console's module). The one place
/// to change if fonts come to be served some other way.
/// </summary>
internal static unsafe class TerminalFont
{
    public const string DefaultPath = "/share/unicode.pf2";

    /// <summary>The largest font file read (unicode.pf2 is about 2.3 MiB).</summary>
    private const long MaxFileBytes = 16L * 1024 * 1024;

    private const int ReadChunkBytes = 64 * 1024;

    /// <summary>The glyphs of the PF2 font at <paramref name="path"/>, or null with <paramref name="error"/> saying why.</summary>
    public static GlyphSource Load(string path, out string error)
    {
        error = null;
        long status = FileCalls.Stat(path, out FileStatus file);
        if (status < 0)
        {
            error = path + ": " + ProcessCalls.ErrorText(status);
            return null;
        }
        if (file.Size <= 0 || file.Size > MaxFileBytes)
        {
            error = path + ": not a font of a sensible size";
            return null;
        }
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
        {
            error = path + ": " + ProcessCalls.ErrorText(fd);
            return null;
        }
        var bytes = new byte[file.Size];
        int done = 0;
        long count = 0;
        while (done < bytes.Length)
        {
            int want = bytes.Length - done < ReadChunkBytes ? bytes.Length - done : ReadChunkBytes;
            count = FileCalls.Read(fd, bytes, done, want);
            if (count <= 0)
                break;
            done += (int)count;
        }
        FileCalls.Close(fd);
        if (done != bytes.Length)
        {
            error = path + ": read " + done.ToString() + " of " + bytes.Length.ToString() + " bytes"
                + (count < 0 ? ": " + ProcessCalls.ErrorText(count) : string.Empty);
            return null;
        }
        if (!Pf2Font.TryParse(bytes, out Pf2Font font))
        {
            error = path + ": not a PF2 font";
            return null;
        }
        return new Pf2GlyphSource(font);
    }
}
