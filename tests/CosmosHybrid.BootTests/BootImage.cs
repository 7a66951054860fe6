using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace CosmosHybrid.BootTests;

/// <summary>
/// ISO images for boot tests: the build's kernel, symbols and font with a grub.cfg
/// that boots at once with a given kernel command line. Images are cached by
/// command line and kernel build, so each variant is made once per build.
/// </summary>
internal static class BootImage
{
    private static readonly object Gate = new();

    /// <param name="extraModule">A file to add as one more boot module, named after the file; null for none. It takes the
    /// place of the build's module of the same name (e.g. its own rootfs.img).</param>
    /// <param name="videoMode">GRUB's gfxpayload (e.g. "800x600x32") instead of the mode the kernel's multiboot2 header asks for; null for that.</param>
    public static string WithCommandLine(string commandLine, string extraModule = null, string videoMode = null)
    {
        lock (Gate)
        {
            string moduleKey = extraModule == null ? "" : "|" + Path.GetFullPath(extraModule) + "|" + File.GetLastWriteTimeUtc(extraModule).Ticks;
            string modeKey = videoMode == null ? "" : "|mode " + videoMode;
            string key = Hash(commandLine + "|" + LatestWrite(Path.Combine(BuildOutput.IsoRoot, "boot")) + moduleKey + modeKey);
            string imageDirectory = Path.Combine(BuildOutput.Directory, "test-images");
            string iso = Path.Combine(imageDirectory, key + ".iso");
            if (File.Exists(iso))
                return iso;

            string root = Path.Combine(imageDirectory, key + ".root");
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
            Directory.CreateDirectory(Path.Combine(root, "boot", "grub"));
            var modules = new StringBuilder();
            foreach (string path in Directory.GetFiles(Path.Combine(BuildOutput.IsoRoot, "boot")))
            {
                string file = Path.GetFileName(path);
                if (extraModule != null && file == Path.GetFileName(extraModule))
                    continue;
                File.Copy(path, Path.Combine(root, "boot", file));
                if (file != "kernel.elf")
                    modules.Append($"    module2 /boot/{file} {file}\n");
            }
            if (extraModule != null)
            {
                string file = Path.GetFileName(extraModule);
                File.Copy(extraModule, Path.Combine(root, "boot", file));
                modules.Append($"    module2 /boot/{file} {file}\n");
            }
            // The multiboot2 command sets gfxpayload from the kernel's header; set after it, the test's mode wins at boot.
            if (videoMode != null)
                modules.Append($"    set gfxpayload={videoMode}\n");
            File.WriteAllText(Path.Combine(root, "boot", "grub", "grub.cfg"), GrubConfig(commandLine, modules.ToString()));

            Run("grub-mkrescue", $"{GrubRescue.Options} -o \"{iso}.tmp\" \"{root}\"");
            File.Move(iso + ".tmp", iso);
            Directory.Delete(root, recursive: true);
            return iso;
        }
    }

    private static string GrubConfig(string commandLine, string moduleLines) =>
        "set timeout=0\n" +
        GrubRescue.Video +
        "menuentry \"CosmosHybrid test\" {\n" +
        $"    multiboot2 /boot/kernel.elf {commandLine}\n" +
        moduleLines +
        "    boot\n" +
        "}\n";

    private static long LatestWrite(string directory)
    {
        long latest = 0;
        foreach (string file in Directory.GetFiles(directory))
            latest = Math.Max(latest, File.GetLastWriteTimeUtc(file).Ticks);
        return latest;
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();

    private static void Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 120 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}):\n{output}");
    }
}
