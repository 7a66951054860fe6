using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Source-level debugging (`./build.sh debug`): the debug kernel (out/debug, ILC -g) boots halted with QEMU's gdb
/// stub, gdb in batch mode with tools/gdb/cosmoshybrid.py breaks on a kernel method by its C# name, and the
/// backtrace names the method's caller with its source file, its arguments print by name and `next` steps a source
/// line. One boot.
/// </summary>
public class DebuggerTests
{
    private static readonly TimeSpan GdbTimeout = TimeSpan.FromSeconds(240);

    private QemuMachine _machine;

    [Test]
    public void BreakpointOnAKernelMethodIsHitAndTheBacktraceNamesItsCaller()
    {
        string debugDirectory = Path.Combine(BuildOutput.Directory, "debug");
        string kernel = Path.Combine(debugDirectory, "kernel.elf");
        string bootFiles = Path.Combine(debugDirectory, "isoroot", "boot");
        if (!File.Exists(kernel) || !File.Exists(Path.Combine(bootFiles, "kernel.elf")))
            Assert.Ignore($"No debug build in {debugDirectory}: ./build.sh test (or ./build.sh debug) makes it.");

        int port = FreePort();
        _machine = QemuMachine.Boot(DebugIso(bootFiles), extraArguments: $"-S -gdb tcp:127.0.0.1:{port}");

        string output = RunGdb(kernel,
            $"target remote 127.0.0.1:{port}",
            "cs-break CosmosHybrid.Scheduling.Scheduler.Initialize",
            "continue",
            "bt 3",
            "info args",
            "next",
            "kill");

        Assert.That(output, Does.Contain("cs-break: CosmosHybrid.Scheduling.Scheduler.Initialize -> kernel_CosmosHybrid_Scheduling_Scheduler__Initialize"), output);
        Assert.That(output, Does.Match(@"Breakpoint 1, (0x[0-9a-f]+ in )?kernel_CosmosHybrid_Scheduling_Scheduler__Initialize \(.*\) at \S*Scheduler\.cs:\d+"), output);
        Assert.That(output, Does.Match(@"#1 .*kernel_CosmosHybrid_Boot_Kernel__Main \(.*\) at \S*Kernel\.cs:\d+"), "the caller, with its source line");
        Assert.That(output, Does.Match(@"(?m)^bootStackTop = \d+"), "the method's arguments by name");
        // `next` steps one source line: gdb prints the next line of Scheduler.cs after the breakpoint's.
        int breakLine = int.Parse(Regex.Match(output, @"Scheduler\.cs:(\d+)").Groups[1].Value);
        MatchCollection lines = Regex.Matches(output, @"(?m)^(\d+)\t");
        Assert.That(lines.Count, Is.GreaterThanOrEqualTo(2), "the breakpoint's line and the line `next` stopped at");
        Assert.That(int.Parse(lines[^1].Groups[1].Value), Is.GreaterThan(breakLine), "`next` went on to a later line");
    }

    [TearDown]
    public void StopMachine()
    {
        if (_machine == null)
            return;
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            TestContext.Out.WriteLine("----- serial log -----\n" + _machine.SerialLog + "\n----- end of serial log -----");
        _machine.Dispose();
        _machine = null;
    }

    /// <summary>gdb -batch with the project's gdb commands; the whole transcript (stdout and stderr).</summary>
    private string RunGdb(string kernel, params string[] commands)
    {
        string script = Path.Combine(RepositoryRoot(), "tools", "gdb", "cosmoshybrid.py");
        var arguments = new StringBuilder($"-nx -batch -x \"{script}\" ");
        foreach (string command in commands)
            arguments.Append($"-ex \"{command}\" ");
        arguments.Append($"\"{kernel}\"");
        var start = new ProcessStartInfo("gdb", arguments.ToString())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["COSMOSHYBRID_OUT"] = BuildOutput.Directory;
        using Process gdb = Process.Start(start);
        var transcript = new StringBuilder();
        gdb.OutputDataReceived += (_, e) => { lock (transcript) transcript.AppendLine(e.Data); };
        gdb.ErrorDataReceived += (_, e) => { lock (transcript) transcript.AppendLine(e.Data); };
        gdb.BeginOutputReadLine();
        gdb.BeginErrorReadLine();
        if (!gdb.WaitForExit((int)GdbTimeout.TotalMilliseconds))
        {
            gdb.Kill(entireProcessTree: true);
            Assert.Fail($"gdb did not finish in {GdbTimeout.TotalSeconds} s:\n{transcript}");
        }
        gdb.WaitForExit();
        string text;
        lock (transcript)
            text = transcript.ToString();
        TestContext.Out.WriteLine("----- gdb -----\n" + text + "----- end of gdb -----");
        return text;
    }

    /// <summary>The debug kernel's boot files (out/debug/isoroot/boot) as an ISO that boots at once with no options.</summary>
    private static string DebugIso(string bootFiles)
    {
        string iso = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(bootFiles)), "test.iso");
        string root = iso + ".root";
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "boot", "grub"));
        var config = new StringBuilder("set timeout=0\n" + GrubRescue.Video + "menuentry \"CosmosHybrid debug test\" {\n    multiboot2 /boot/kernel.elf\n");
        foreach (string path in Directory.GetFiles(bootFiles))
        {
            string file = Path.GetFileName(path);
            File.Copy(path, Path.Combine(root, "boot", file));
            if (file != "kernel.elf")
                config.Append($"    module2 /boot/{file} {file}\n");
        }
        config.Append("    boot\n}\n");
        File.WriteAllText(Path.Combine(root, "boot", "grub", "grub.cfg"), config.ToString());

        var start = new ProcessStartInfo("grub-mkrescue", $"{GrubRescue.Options} -o \"{iso}\" \"{root}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("grub-mkrescue did not finish in 120 s");
        }
        Assert.That(process.ExitCode, Is.Zero, output);
        Directory.Delete(root, recursive: true);
        return iso;
    }

    /// <summary>A TCP port free on localhost now (other QEMUs may run beside this one: not the default 1234).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.cake")))
                return dir.FullName;
        }
        throw new InvalidOperationException("build.cake not found above " + AppContext.BaseDirectory);
    }
}
