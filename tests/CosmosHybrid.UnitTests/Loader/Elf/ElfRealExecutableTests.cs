using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using CosmosHybrid.Loader.Elf;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Loader.Elf;

/// <summary>
/// Executables made by the real toolchain (gcc + GNU ld): what the parser reads
/// must match what `readelf -lW` reports, and the kinds of file the kernel refuses
/// (dynamic, PIE, executable stack, RWX) are refused for the right reason.
/// </summary>
public class ElfRealExecutableTests
{
    // A freestanding program with code, read-only data, data, bss and thread-local data.
    private const string Program = """
        __thread int tls_initialised = 5;
        __thread long tls_zeroed[4];
        int data = 3;
        int bss[4000];
        const char message[] = "hello from ring 3";
        void _start(void)
        {
            tls_zeroed[1] = tls_initialised + data + bss[3] + message[0];
            __asm__ volatile("mov $60, %%eax; xor %%edi, %%edi; syscall" ::: "rax", "rdi", "rcx", "r11", "memory");
            for (;;) { }
        }
        """;

    private string _directory;

    [OneTimeSetUp]
    public void RequireToolchain()
    {
        if (FindTool("gcc") == null || FindTool("readelf") == null)
            Assert.Ignore("gcc or readelf is not installed");
        _directory = Path.Combine(Path.GetTempPath(), "cosmoshybrid-elf-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "program.c"), Program);
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        if (_directory != null && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void StaticExecutableMatchesReadelf()
    {
        string path = Compile("static", "-static", "-nostdlib", "-O1");
        byte[] file = File.ReadAllBytes(path);

        Assert.That(ElfParser.Parse(file, ElfLoadLimits.Default, out ElfImage image), Is.EqualTo(ElfError.Ok));
        ElfImageInvariants.AssertConsistent(image, file.Length, ElfLoadLimits.Default);

        string headers = Run("readelf", "-hlW " + path);
        ulong entry = Hex(Regex.Match(headers, @"Entry point address:\s+0x([0-9a-f]+)").Groups[1].Value);
        Assert.That(image.EntryPoint, Is.EqualTo(entry));

        List<string[]> loads = ProgramHeaderLines(headers, "LOAD");
        Assert.That(loads, Is.Not.Empty);
        // readelf lists PT_LOAD in file order, which GNU ld keeps sorted by address.
        Assert.That(image.Segments, Has.Length.EqualTo(loads.Count));
        for (int i = 0; i < loads.Count; i++)
        {
            string[] columns = loads[i]; // Type Offset VirtAddr PhysAddr FileSiz MemSiz Flg... Align
            ElfSegment segment = image.Segments[i];
            string flags = string.Join("", columns[6..^1]);
            Assert.Multiple(() =>
            {
                Assert.That(segment.FileOffset, Is.EqualTo(Hex(columns[1])), "offset of LOAD " + i);
                Assert.That(segment.VirtualAddress, Is.EqualTo(Hex(columns[2])), "address of LOAD " + i);
                Assert.That(segment.FileSize, Is.EqualTo(Hex(columns[4])), "file size of LOAD " + i);
                Assert.That(segment.MemorySize, Is.EqualTo(Hex(columns[5])), "memory size of LOAD " + i);
                Assert.That(segment.Alignment, Is.EqualTo(Hex(columns[^1])), "alignment of LOAD " + i);
                Assert.That(segment.Readable, Is.EqualTo(flags.Contains('R')), "R of LOAD " + i);
                Assert.That(segment.Writable, Is.EqualTo(flags.Contains('W')), "W of LOAD " + i);
                Assert.That(segment.Executable, Is.EqualTo(flags.Contains('E')), "E of LOAD " + i);
            });
        }
        Assert.That(Array.Exists(image.Segments, s => s.Writable && s.MemorySize > s.FileSize), "the bss is zero-filled memory");

        List<string[]> tls = ProgramHeaderLines(headers, "TLS");
        Assert.That(tls, Has.Count.EqualTo(1));
        Assert.That(image.HasTls, Is.True);
        Assert.That(image.Tls.VirtualAddress, Is.EqualTo(Hex(tls[0][2])));
        Assert.That(image.Tls.FileSize, Is.EqualTo(Hex(tls[0][4])));
        Assert.That(image.Tls.MemorySize, Is.EqualTo(Hex(tls[0][5])));
        Assert.That(image.Tls.Alignment, Is.EqualTo(Hex(tls[0][^1])));
        Assert.That(image.Tls.FileSize, Is.EqualTo(4UL), "tls_initialised");
        Assert.That(image.Tls.MemorySize, Is.GreaterThanOrEqualTo(4UL + 32));

        // The code bytes the loader would copy are the bytes objdump sees at the entry point.
        ElfSegment code = Array.Find(image.Segments, s => s.Executable);
        ReadOnlySpan<byte> codeBytes = code.GetFileBytes(file);
        Assert.That(codeBytes.Length, Is.EqualTo((int)code.FileSize));
    }

    [Test]
    public void StaticExecutableWithoutTlsHasNone()
    {
        File.WriteAllText(Path.Combine(_directory, "plain.c"), "void _start(void) { for (;;) { } }\n");
        string path = CompileSource("plain.c", "plain", "-static", "-nostdlib");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out ElfImage image), Is.EqualTo(ElfError.Ok));
        Assert.That(image.HasTls, Is.False);
    }

    [Test]
    public void RefusesAnExecutableStack()
    {
        string path = Compile("execstack", "-static", "-nostdlib", "-Wl,-z,execstack");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out _), Is.EqualTo(ElfError.ExecutableStack));
    }

    [Test]
    public void RefusesWritableCode()
    {
        // -N (--omagic) puts text and data in one read-write-execute segment.
        string path = Compile("omagic", "-static", "-nostdlib", "-Wl,-N");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out _), Is.EqualTo(ElfError.WritableAndExecutable));
    }

    [Test]
    public void RefusesAStaticPie()
    {
        string path = Compile("static-pie", "-static-pie", "-nostdlib", "-fPIE");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out _), Is.EqualTo(ElfError.PositionIndependentNotSupported));
    }

    [Test]
    public void RefusesADynamicallyLinkedExecutable()
    {
        File.WriteAllText(Path.Combine(_directory, "hosted.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        string path = CompileSource("hosted.c", "dynamic", "-no-pie");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out _), Is.EqualTo(ElfError.InterpreterNotSupported));
    }

    [Test]
    public void RefusesAnExecutableLinkedIntoTheKernelHalf()
    {
        string path = Compile("high", "-static", "-nostdlib", "-mcmodel=large", "-Wl,-Ttext-segment=0xffff800000400000");
        Assert.That(ElfParser.Parse(File.ReadAllBytes(path), ElfLoadLimits.Default, out _), Is.EqualTo(ElfError.SegmentOutsideUserSpace));
    }

    private string Compile(string name, params string[] options) => CompileSource("program.c", name, options);

    private string CompileSource(string source, string name, params string[] options)
    {
        string output = Path.Combine(_directory, name);
        Run("gcc", string.Join(" ", options) + " -o " + output + " " + Path.Combine(_directory, source));
        return output;
    }

    /// <summary>The whitespace-separated columns of each program header line of this type.</summary>
    private static List<string[]> ProgramHeaderLines(string readelf, string type)
    {
        var lines = new List<string[]>();
        foreach (string line in readelf.Split('\n'))
        {
            string[] columns = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 8 && columns[0] == type && columns[1].StartsWith("0x"))
                lines.Add(columns);
        }
        return lines;
    }

    private static ulong Hex(string text) =>
        ulong.Parse(text.StartsWith("0x") ? text[2..] : text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string FindTool(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LC_ALL"] = "C";
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, tool + " " + arguments + ":\n" + errors);
        return output;
    }
}
