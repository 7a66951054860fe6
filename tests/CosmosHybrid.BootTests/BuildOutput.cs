using System;
using System.IO;

namespace CosmosHybrid.BootTests;

/// <summary>Finds what `./build.sh build` produced: out/isoroot (kernel, symbols, font) and the ISO.</summary>
internal static class BuildOutput
{
    public static string Directory { get; } = Locate();

    public static string IsoRoot => Path.Combine(Directory, "isoroot");

    public static string Iso => Path.Combine(Directory, "cosmoshybrid.iso");

    private static string Locate()
    {
        string configured = Environment.GetEnvironmentVariable("COSMOSHYBRID_OUT");
        string directory = configured;
        if (string.IsNullOrEmpty(directory))
        {
            // Walk up from the test assembly to the repository root (where build.cake is).
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "build.cake")))
                {
                    directory = Path.Combine(dir.FullName, "out");
                    break;
                }
            }
        }

        if (directory == null || !File.Exists(Path.Combine(directory, "isoroot", "boot", "kernel.elf")))
        {
            throw new InvalidOperationException(
                $"No kernel build found in '{directory ?? "(unknown)"}': run ./build.sh build (./build.sh test does it for you).");
        }
        return directory;
    }
}
