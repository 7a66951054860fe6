using System;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// One headless QEMU boot of the ISO with its serial console on stdio, under the benchmark
/// conditions (-icount shift=0 -cpu qemu64): wait for text, type lines, kill it at the end.
/// With no network card unless one is asked for.
/// </summary>
public sealed class QemuSerialBoot : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _serial = new();
    private readonly object _lock = new();

    /// <summary>QEMU's <c>-nic</c> for an e1000 on slirp that reaches nothing outside this machine (DHCP from slirp itself).</summary>
    public const string LocalE1000 = "user,model=e1000,restrict=on";

    public QemuSerialBoot(string iso, int memoryMiB, string nic = "none")
    {
        var start = new ProcessStartInfo("qemu-system-x86_64",
            $"-machine pc -cpu qemu64 -m {memoryMiB} -smp 1 -icount shift=0 -cdrom \"{iso}\" -boot order=d -no-reboot "
            + $"-display none -monitor none -serial stdio -nic {nic}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("qemu-system-x86_64 did not start");
        // A QEMU left behind would hold whatever the tool held (the boot-test lock, say): stop it when we are stopped.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        // Read as it comes, not by lines: the shell's prompt ends without a newline.
        new Thread(() => Pump(_process.StandardOutput)) { IsBackground = true }.Start();
        new Thread(() => Pump(_process.StandardError)) { IsBackground = true }.Start();
    }

    public string SerialLog
    {
        get { lock (_lock) return _serial.ToString(); }
    }

    /// <summary>
    /// Waits until the serial log holds <paramref name="text"/> at or after <paramref name="from"/>; false on
    /// time-out, QEMU exit, or <paramref name="failure"/> appearing first (a kernel panic, say).
    /// </summary>
    public bool WaitFor(string text, TimeSpan timeout, int from = 0, string failure = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            string log = SerialLog;
            if (log.IndexOf(text, Math.Min(from, log.Length), StringComparison.Ordinal) >= 0)
                return true;
            if (failure != null && log.Contains(failure, StringComparison.Ordinal))
                return false;
            if (_process.HasExited)
                return false;
            Thread.Sleep(100);
        }
        return false;
    }

    public void SendLine(string line)
    {
        _process.StandardInput.Write(line + "\r");
        _process.StandardInput.Flush();
    }

    private void KillOnExit(object sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }

    private void Pump(System.IO.StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            lock (_lock)
                _serial.Append(buffer, 0, read);
        }
    }
}
