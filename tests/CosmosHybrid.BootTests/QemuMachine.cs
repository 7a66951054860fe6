using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;

namespace CosmosHybrid.BootTests;

public enum Firmware
{
    Bios,
    Uefi,
}

/// <summary>How the image is attached: as a CD (the ISO as burned) or as a USB stick (the ISO written with dd).</summary>
public enum BootMedium
{
    Cdrom,
    UsbStick,
}

/// <summary>
/// One QEMU (TCG) run with the guest's COM1 on our stdin/stdout. Everything the
/// guest prints is collected in <see cref="SerialLog"/>; waits have time-outs and
/// the process is killed on dispose.
/// </summary>
public sealed class QemuMachine : IDisposable
{
    public const string OvmfPath = "/usr/share/ovmf/OVMF.fd";

    private readonly Process _process;
    private string _qmpSocket;
    private string _resetLog;
    private QmpConnection _qmp;
    private readonly StringBuilder _serial = new();
    private readonly object _gate = new();
    private readonly List<Thread> _readers = new();
    private static readonly TimeSpan ReaderDrainTimeout = TimeSpan.FromSeconds(5);

    private QemuMachine(Process process)
    {
        _process = process;
    }

    public string SerialLog
    {
        get
        {
            lock (_gate)
                return _serial.ToString();
        }
    }

    /// <param name="cpu">"max" has every optional feature (SMEP, SMAP, XSAVE…); "qemu64" has few, like ../shared/perf's Linux runs.</param>
    /// <param name="extraArguments">More QEMU options, appended as given (disks, controllers).</param>
    public static QemuMachine Boot(string iso, Firmware firmware = Firmware.Bios, BootMedium medium = BootMedium.Cdrom, string machine = "pc", string cpu = "max",
        string extraArguments = null)
    {
        var arguments = new StringBuilder();
        arguments.Append($"-machine {machine} -cpu {cpu} -m 512 -smp 1 -no-reboot ");
        arguments.Append("-display none -monitor none -serial stdio ");
        arguments.Append("-device isa-debug-exit,iobase=0xf4,iosize=0x04 ");
        string qmpSocket = Path.Combine(Path.GetTempPath(), $"cosmoshybrid-qmp-{Guid.NewGuid():N}.sock");
        arguments.Append($"-qmp unix:{qmpSocket},server=on,wait=off ");
        // -no-reboot turns a triple fault into a silent exit: QEMU's own log says so (see ExitReport).
        string resetLog = Path.Combine(Path.GetTempPath(), $"cosmoshybrid-qemu-{Guid.NewGuid():N}.log");
        arguments.Append($"-d cpu_reset,guest_errors -D \"{resetLog}\" ");
        if (firmware == Firmware.Uefi)
            arguments.Append($"-bios {OvmfPath} ");
        arguments.Append(medium == BootMedium.Cdrom
            ? $"-cdrom \"{iso}\" "
            : $"-drive if=none,id=stick,format=raw,readonly=on,file=\"{iso}\" -device qemu-xhci -device usb-storage,drive=stick,bootindex=0 ");
        if (!string.IsNullOrEmpty(extraArguments))
            arguments.Append(extraArguments).Append(' ');
        // No NIC unless the test asks for one: QEMU's default would be an e1000 on an unrestricted slirp.
        if (extraArguments == null || !(extraArguments.Contains("-nic ") || extraArguments.Contains("-netdev ") || extraArguments.Contains("-net ")))
            arguments.Append("-nic none ");

        var start = new ProcessStartInfo("qemu-system-x86_64", arguments.ToString())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The serial console speaks UTF-8 both ways.
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        var process = new Process { StartInfo = start };
        var machineInstance = new QemuMachine(process) { _qmpSocket = qmpSocket, _resetLog = resetLog };
        process.Start();
        machineInstance.StartReader(process.StandardOutput);
        machineInstance.StartReader(process.StandardError);
        return machineInstance;
    }

    /// <summary>Waits until the serial log contains <paramref name="text"/>; false on time-out or if QEMU exits first.</summary>
    public bool WaitFor(string text, TimeSpan timeout) =>
        WaitUntil(log => log.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Waits until <paramref name="pattern"/> matches the serial log <paramref name="count"/> times.</summary>
    public bool WaitForMatches(Regex pattern, int count, TimeSpan timeout) =>
        WaitUntil(log => pattern.Matches(log).Count >= count, timeout);

    /// <summary>The last line of a kernel panic report: after it nothing more will come.</summary>
    public const string HaltedLine = "System halted.";

    /// <summary>What a fault while reporting a panic prints before the kernel stops.</summary>
    private const string NestedPanicLine = "nested fault during panic; halting";

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the serial log; false on time-out, if QEMU
    /// exits first, or as soon as the kernel has halted (so a broken kernel fails a test in seconds,
    /// not after the whole time-out).
    /// </summary>
    public bool WaitUntil(Func<string, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition(SerialLog))
                return true;
            if (_process.HasExited || HasHalted(SerialLog))
            {
                Thread.Sleep(200); // let the readers drain what is left
                return condition(SerialLog);
            }
            Thread.Sleep(50);
        }
        return false;
    }

    private static bool HasHalted(string log) =>
        log.Contains(HaltedLine, StringComparison.Ordinal) || log.Contains(NestedPanicLine, StringComparison.Ordinal);

    /// <summary>The machine protocol connection (opened on first use).</summary>
    public QmpConnection Qmp => _qmp ??= QmpConnection.Open(_qmpSocket, TimeSpan.FromSeconds(10));

    /// <summary>What the screen shows now.</summary>
    public ScreenImage Screendump()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cosmoshybrid-screen-{Guid.NewGuid():N}.ppm");
        try
        {
            Qmp.Execute("screendump", new JsonObject { ["filename"] = file });
            return ScreenImage.ReadPpm(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Types <paramref name="keys"/> on the guest's serial console as they are (escape sequences, Tab, no Enter).</summary>
    public void SendKeys(string keys) => Type(keys);

    /// <summary>Types a line on the guest's serial console.</summary>
    public void SendLine(string line) => Type(line + "\r");

    // A QEMU that has gone makes the write fail (broken pipe): say how it went instead.
    private void Type(string text)
    {
        try
        {
            _process.StandardInput.Write(text);
            _process.StandardInput.Flush();
        }
        catch (IOException error) when (_process.HasExited)
        {
            throw new IOException("could not type on the serial console: " + ExitReport, error);
        }
    }

    /// <summary>True once the QEMU process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// How QEMU ended, for a failure message: its exit status and what it means, and what QEMU's
    /// -d cpu_reset,guest_errors log holds beyond the two power-on resets ("Triple fault" for a
    /// triple fault, which -no-reboot turns into a silent exit). Null while QEMU runs.
    /// </summary>
    public string ExitReport
    {
        get
        {
            if (!_process.HasExited)
                return null;
            _process.WaitForExit();
            return QemuExit.Describe(_process.ExitCode, ReadResetLog());
        }
    }

    private string ReadResetLog()
    {
        try
        {
            return File.Exists(_resetLog) ? File.ReadAllText(_resetLog) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Waits for QEMU to exit; returns its exit status, or null on time-out.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            return null;
        _process.WaitForExit();
        DrainReaders();
        return _process.ExitCode;
    }

    /// <summary>Pulls the plug: SIGKILL to QEMU, then waits until it is gone. What it wrote to its disk images stays.</summary>
    public void PowerCut()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
        // The judge reads the log next: without this the last lines (say, the operation that was running) could
        // still be in the pipe, and a file rewritten after the last sync would be judged as owed its synced bytes.
        DrainReaders();
    }

    public void Dispose()
    {
        _qmp?.Dispose();
        if (_qmpSocket != null)
            File.Delete(_qmpSocket);
        if (_resetLog != null)
            File.Delete(_resetLog);
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    // Everything QEMU wrote before it ended is in SerialLog once its readers have seen the end of their pipes.
    private void DrainReaders()
    {
        foreach (Thread reader in _readers)
            reader.Join(ReaderDrainTimeout);
    }

    private void StartReader(StreamReader reader)
    {
        var thread = new Thread(() =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_gate)
                    _serial.Append(buffer, 0, read);
            }
        })
        { IsBackground = true };
        _readers.Add(thread);
        thread.Start();
    }
}
