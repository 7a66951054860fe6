using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// A disk image holding a FAT file system made by mkfs.fat, either the whole disk or one
/// partition behind an MBR written here; filled and judged with mtools and fsck.fat, the
/// reference tools, before and after the kernel used it. The file is deleted on dispose.
/// </summary>
internal sealed class FatDiskImage : IDisposable
{
    private const int SectorSize = 512;

    private FatDiskImage(string path, long offset)
    {
        Path = path;
        Offset = offset;
    }

    public string Path { get; }

    /// <summary>Where the file system starts in the image, in bytes (0 without a partition table).</summary>
    public long Offset { get; }

    /// <summary>
    /// Formats a new image of <paramref name="sizeKiB"/> KiB as FAT<paramref name="fatBits"/>;
    /// with <paramref name="partitionStartSector"/> above 0 the file system is the first MBR partition, starting there.
    /// </summary>
    public static FatDiskImage Create(string name, int fatBits, int sizeKiB, int partitionStartSector = 0, params string[] mkfsOptions)
    {
        string directory = System.IO.Path.Combine(BuildOutput.Directory, "test-disks");
        Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.img");
        string fileSystem = partitionStartSector == 0 ? path : path + ".fs";
        var arguments = new StringBuilder($"-F {fatBits} ");
        foreach (string option in mkfsOptions)
            arguments.Append(option).Append(' ');
        arguments.Append($"-C \"{fileSystem}\" {sizeKiB}");
        Run("mkfs.fat", arguments.ToString());
        if (partitionStartSector == 0)
            return new FatDiskImage(path, 0);

        byte[] volume = File.ReadAllBytes(fileSystem);
        File.Delete(fileSystem);
        byte[] disk = new byte[(long)partitionStartSector * SectorSize + volume.Length];
        volume.CopyTo(disk, partitionStartSector * SectorSize);
        byte type = fatBits == 32 ? (byte)0x0C : fatBits == 16 ? (byte)0x0E : (byte)0x01;
        disk[446] = 0x80;
        disk[446 + 4] = type;
        BitConverter.GetBytes((uint)partitionStartSector).CopyTo(disk, 446 + 8);
        BitConverter.GetBytes((uint)(volume.Length / SectorSize)).CopyTo(disk, 446 + 12);
        disk[510] = 0x55;
        disk[511] = 0xAA;
        File.WriteAllBytes(path, disk);
        return new FatDiskImage(path, (long)partitionStartSector * SectorSize);
    }

    /// <summary>QEMU options attaching the image as the IDE primary master (the CD stays the boot device).</summary>
    public string IdeArguments => $"-boot order=d -drive file=\"{Path}\",format=raw,if=ide,index=0";

    /// <summary>QEMU options attaching the image to an added AHCI controller (q35). The CD must stay first in the
    /// boot order: the firmware would otherwise run the FAT boot sector's "not a bootable disk" loop.</summary>
    public string AhciArguments => $"-boot order=d -drive id=d0,file=\"{Path}\",format=raw,if=none -device ahci,id=ahci -device ide-hd,drive=d0,bus=ahci.0";

    public void Put(string fatPath, byte[] data)
    {
        string source = Path + ".put";
        File.WriteAllBytes(source, data);
        try
        {
            Run("mcopy", $"-i \"{MtoolsImage}\" \"{source}\" \"::{fatPath}\"");
        }
        finally
        {
            File.Delete(source);
        }
    }

    public void MakeDirectory(string fatPath) => Run("mmd", $"-i \"{MtoolsImage}\" \"::{fatPath}\"");

    /// <summary>A file's bytes as mtype reads them.</summary>
    public byte[] Get(string fatPath) => Run("mtype", $"-i \"{MtoolsImage}\" \"::{fatPath}\"").Output;

    /// <summary>Fails the test unless fsck.fat -n finds the file system clean; returns its report.</summary>
    public string AssertClean()
    {
        string target = Path;
        if (Offset > 0)
        {
            target = Path + ".fsck";
            using var disk = new FileStream(Path, FileMode.Open, FileAccess.Read);
            using var copy = new FileStream(target, FileMode.Create, FileAccess.Write);
            disk.Position = Offset;
            disk.CopyTo(copy);
        }
        try
        {
            (int exit, byte[] output) = RunUnchecked("fsck.fat", $"-n \"{target}\"");
            string report = Encoding.UTF8.GetString(output);
            Assert.That(exit, Is.EqualTo(0), "fsck.fat -n found problems:\n" + report);
            return report;
        }
        finally
        {
            if (target != Path)
                File.Delete(target);
        }
    }

    /// <summary>Bytes at <paramref name="offset"/> from the start of the file system.</summary>
    public byte[] ReadBytes(long offset, int count)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read);
        file.Position = Offset + offset;
        byte[] data = new byte[count];
        file.ReadExactly(data);
        return data;
    }

    /// <summary>Overwrites bytes at <paramref name="offset"/> from the start of the file system (to damage it on purpose).</summary>
    public void WriteBytes(long offset, byte[] data)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Write);
        file.Position = Offset + offset;
        file.Write(data);
    }

    public void Dispose()
    {
        if (File.Exists(Path))
            File.Delete(Path);
    }

    // mtools addresses a partition as image@@offset.
    private string MtoolsImage => Offset == 0 ? Path : $"{Path}@@{Offset}";

    private static (byte[] Output, string Errors) Run(string program, string arguments)
    {
        (int exit, byte[] output) = RunUnchecked(program, arguments, out string errors);
        if (exit != 0)
            Assert.Fail($"{program} {arguments} exited with {exit}:\n{errors}");
        return (output, errors);
    }

    private static (int Exit, byte[] Output) RunUnchecked(string program, string arguments) => RunUnchecked(program, arguments, out _);

    private static (int Exit, byte[] Output) RunUnchecked(string program, string arguments, out string errors)
    {
        string executable = program;
        foreach (string directory in new[] { "/usr/sbin", "/sbin" })
        {
            if (File.Exists(System.IO.Path.Combine(directory, program)))
                executable = System.IO.Path.Combine(directory, program);
        }
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["LC_ALL"] = "C.UTF-8";   // mtools reads and writes names in the locale's charset
        using Process process = Process.Start(start);
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in 60 s");
        }
        copy.Wait();
        errors = error.Result;
        return (process.ExitCode, output.ToArray());
    }
}
