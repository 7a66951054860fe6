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
        byte[] bytes = FileCalls.ReadAll(path, MaxBytes, out _);
        return bytes != null && Pf2Font.TryParse(bytes, out Pf2Font font) ? font : null;
    }
}
