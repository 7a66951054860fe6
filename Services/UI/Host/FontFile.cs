using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>Loads GRUB's unicode.pf2 from the root file system (the build puts it at <see cref="DefaultPath"/>).</summary>
internal static class FontFile
{
    public const string DefaultPath = "/share/unicode.pf2";

    /// <summary>A font too large for this is not read (unicode.pf2 is 2.3 MiB).</summary>
    private const long MaxBytes = 8L << 20;

    /// <summary>The parsed font, or null when the file is missing, too large or not PF2.</summary>
    public static Pf2Font Load(string path = DefaultPath)
    {
        if (FileCalls.Stat(path, out FileStatus status) < 0 || status.Size <= 0 || status.Size > MaxBytes)
            return null;
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return null;
        var bytes = new byte[status.Size];
        int done = 0;
        while (done < bytes.Length)
        {
            long read = FileCalls.Read(fd, bytes, done, bytes.Length - done);
            if (read <= 0)
                break;
            done += (int)read;
        }
        FileCalls.Close(fd);
        return done == bytes.Length && Pf2Font.TryParse(bytes, out Pf2Font font) ? font : null;
    }
}
