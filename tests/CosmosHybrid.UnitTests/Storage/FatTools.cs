using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Runs the reference FAT tools (dosfstools, mtools) on image files: the independent
/// judges of what our engine writes. Any tool failure fails the test with its output.
/// </summary>
internal static class FatTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Output of one tool run.</summary>
    public sealed class Result
    {
        public int ExitCode { get; init; }

        public byte[] StandardOutput { get; init; }

        public string StandardError { get; init; }

        public string Text => Encoding.UTF8.GetString(StandardOutput);
    }

    /// <summary>Runs a program to completion and captures its output (stdout as raw bytes).</summary>
    public static Result Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // mtools refuses images whose geometry it finds odd unless told not to check.
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["LC_ALL"] = "C.UTF-8";

        using Process process = Process.Start(start);
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(true);
            Assert.Fail($"{program} timed out");
        }

        copy.Wait();
        return new Result { ExitCode = process.ExitCode, StandardOutput = output.ToArray(), StandardError = error.Result };
    }

    /// <summary>Runs a program and fails the test unless it exits with 0.</summary>
    public static Result RunChecked(string program, params string[] arguments)
    {
        Result result = Run(program, arguments);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.StandardError}\n{result.Text}");
        }

        return result;
    }

    /// <summary>Creates a fresh image with mkfs.fat (-F 12/16/32; size in KiB).</summary>
    public static void Format(string image, int fatBits, int sizeKiB, params string[] options)
    {
        if (File.Exists(image))
        {
            File.Delete(image);
        }

        string[] arguments = new string[options.Length + 5];
        arguments[0] = "-F";
        arguments[1] = fatBits.ToString();
        options.CopyTo(arguments, 2);
        arguments[options.Length + 2] = "-C";
        arguments[options.Length + 3] = image;
        arguments[options.Length + 4] = sizeKiB.ToString();
        RunChecked("mkfs.fat", arguments);
    }

    /// <summary>Copies bytes into the image as <paramref name="fatPath"/> with mcopy.</summary>
    public static void Put(string image, string fatPath, byte[] data)
    {
        string hostFile = Path.Combine(Path.GetDirectoryName(image), "mcopy-source.bin");
        File.WriteAllBytes(hostFile, data);
        RunChecked("mcopy", "-i", image, hostFile, "::" + fatPath);
        File.Delete(hostFile);
    }

    /// <summary>Creates a directory in the image with mmd.</summary>
    public static void MakeDirectory(string image, string fatPath) => RunChecked("mmd", "-i", image, "::" + fatPath);

    /// <summary>Reads a file from the image with mtype.</summary>
    public static byte[] Get(string image, string fatPath) => RunChecked("mtype", "-i", image, "::" + fatPath).StandardOutput;

    /// <summary>Lists a directory of the image with mdir (long names at the end of each line).</summary>
    public static string List(string image, string fatPath) => RunChecked("mdir", "-i", image, "::" + fatPath).Text;

    /// <summary>Fails the test unless <c>fsck.fat -n</c> finds the image clean.</summary>
    public static void AssertClean(string image)
    {
        Result result = Run("fsck.fat", "-n", image);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"fsck.fat -n exited with {result.ExitCode}:\n{result.Text}\n{result.StandardError}");
        }
    }
}
