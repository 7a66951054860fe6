using System;
using System.Diagnostics;
using System.IO;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>The reference tools on a FAT image file: mkfs.fat, fsck.fat, mtype and mdir (dosfstools, mtools).</summary>
public static class FatImageTools
{
    /// <summary>A new FAT32 image of <paramref name="sizeKiB"/> KiB with 512-byte clusters.</summary>
    public static void Format(string image, int sizeKiB)
    {
        if (File.Exists(image))
            File.Delete(image);
        Checked("mkfs.fat", $"-F 32 -s 1 -C \"{image}\" {sizeKiB}");
    }

    /// <summary>fsck.fat's exit status and report: -n checks only, -a repairs.</summary>
    public static (int Exit, string Report) Fsck(string image, bool repair) =>
        Run("fsck.fat", (repair ? "-a " : "-n ") + $"\"{image}\"");

    /// <summary>A file's bytes as mtype reads them; null when mtype cannot read it.</summary>
    public static byte[] Read(string image, string name)
    {
        (int exit, byte[] output, _) = RunBytes("mtype", $"-i \"{image}\" \"::/{name}\"");
        return exit == 0 ? output : null;
    }

    /// <summary>The names in the root directory (mdir -b), without the "::/" prefix.</summary>
    public static string[] List(string image)
    {
        (int exit, string output) = Run("mdir", $"-b -i \"{image}\" ::/");
        if (exit != 0)
            return Array.Empty<string>();
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < names.Length; i++)
            names[i] = names[i].StartsWith("::/", StringComparison.Ordinal) ? names[i].Substring(3) : names[i];
        return names;
    }

    private static void Checked(string program, string arguments)
    {
        (int exit, string output) = Run(program, arguments);
        if (exit != 0)
            throw new InvalidOperationException($"{program} {arguments} exited with {exit}: {output}");
    }

    private static (int Exit, string Output) Run(string program, string arguments)
    {
        (int exit, byte[] output, string errors) = RunBytes(program, arguments);
        return (exit, System.Text.Encoding.UTF8.GetString(output) + errors);
    }

    private static (int Exit, byte[] Output, string Errors) RunBytes(string program, string arguments)
    {
        string executable = program;
        foreach (string directory in new[] { "/usr/sbin", "/sbin" })
        {
            if (File.Exists(Path.Combine(directory, program)))
                executable = Path.Combine(directory, program);
        }

        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using Process process = Process.Start(start);
        process.StandardInput.Close();
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish in 120 s");
        }

        copy.Wait();
        return (process.ExitCode, output.ToArray(), errors.Result);
    }
}
