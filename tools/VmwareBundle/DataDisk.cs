using System;
using System.Diagnostics;
using System.IO;

namespace CosmosHybrid.Tools.VmwareBundle;

/// <summary>
/// The VMware data disk: a FAT32 image made by mkfs.fat, a README put on it with mtools, then
/// converted to a sparse .vmdk by `qemu-img convert` (the raw image is deleted afterwards).
/// </summary>
public static class DataDisk
{
    public const int SizeMiB = 64;

    public static void Create(string vmdkPath, string readmeText)
    {
        string raw = vmdkPath + ".raw";
        if (File.Exists(raw))
            File.Delete(raw);
        try
        {
            Run("mkfs.fat", $"-F 32 -s 1 -n COSMOSDATA -C \"{raw}\" {SizeMiB * 1024}");
            string readme = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(vmdkPath)), "README.TXT.tmp");
            File.WriteAllText(readme, readmeText);
            try
            {
                Run("mcopy", $"-i \"{raw}\" \"{readme}\" ::/README.TXT");
            }
            finally
            {
                File.Delete(readme);
            }
            if (File.Exists(vmdkPath))
                File.Delete(vmdkPath);
            Run("qemu-img", $"convert -f raw -O vmdk -o subformat=monolithicSparse \"{raw}\" \"{vmdkPath}\"");
        }
        finally
        {
            if (File.Exists(raw))
                File.Delete(raw);
        }
    }

    /// <summary>Runs a tool; its output is returned, a failure throws with what it printed.</summary>
    public static string Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + tool);
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {errors}{output}");
        return output;
    }
}
