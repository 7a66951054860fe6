using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// What Linux costs under the same emulator, read from the root file system's copy of
/// Services/Bench/linux-baseline.txt (lines of <c>name=ticks</c>, <c>#</c> comments), the one
/// place those figures live. Missing file or name: no comparison is printed.
/// </summary>
internal static class LinuxBaseline
{
    public const string Path = "/share/linux-baseline.txt";
    private const int MaxBytes = 4096;

    private static Dictionary<string, ulong> s_ticks;

    /// <summary>The Linux figure for <paramref name="name"/>, or 0 when there is none.</summary>
    public static ulong Ticks(string name)
    {
        s_ticks ??= Read();
        return s_ticks.TryGetValue(name, out ulong ticks) ? ticks : 0;
    }

    /// <summary>Reads the file now, so that no measurement pays for it.</summary>
    public static void Load() => s_ticks ??= Read();

    private static Dictionary<string, ulong> Read()
    {
        var ticks = new Dictionary<string, ulong>();
        long fd = FileCalls.Open(Path, FileOpenFlags.Read);
        if (fd < 0)
            return ticks;
        byte[] bytes = new byte[MaxBytes];
        long length = FileCalls.Read(fd, bytes, 0, bytes.Length);
        FileCalls.Close(fd);
        if (length <= 0)
            return ticks;
        char[] text = new char[length];
        for (int i = 0; i < text.Length; i++)
            text[i] = (char)bytes[i];
        foreach (string line in new string(text).Split('\n'))
        {
            int equals = line.IndexOf('=');
            if (line.StartsWith("#") || equals <= 0)
                continue;
            if (ulong.TryParse(line.Substring(equals + 1).Trim(), out ulong value))
                ticks[line.Substring(0, equals).Trim()] = value;
        }
        return ticks;
    }
}
