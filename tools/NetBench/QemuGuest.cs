using System;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace CosmosHybrid.Tools.NetBench;

/// <summary>
/// The guest under measurement: QEMU with its serial console on stdio (read as it comes: the
/// shell's prompt ends without a newline), lines typed at the shell, killed at the end.
/// <see cref="Clock"/> starts just before QEMU does.
/// </summary>
internal sealed class QemuGuest : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _serial = new();
    private readonly object _lock = new();

    public readonly Stopwatch Clock;

    public QemuGuest(string arguments)
    {
        var start = new ProcessStartInfo("qemu-system-x86_64", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("qemu-system-x86_64 did not start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        new Thread(() => Pump(_process.StandardOutput)) { IsBackground = true }.Start();
        new Thread(() => Pump(_process.StandardError)) { IsBackground = true }.Start();
    }

    public string SerialLog
    {
        get { lock (_lock) return _serial.ToString(); }
    }

    public int Length
    {
        get { lock (_lock) return _serial.Length; }
    }

    public bool Exited => _process.HasExited;

    /// <summary>Where <paramref name="text"/> starts at or after <paramref name="from"/>, or -1 after the time-out or QEMU's exit.</summary>
    public int WaitFor(string text, TimeSpan timeout, int from = 0)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            string log = SerialLog;
            int index = log.IndexOf(text, Math.Min(from, log.Length), StringComparison.Ordinal);
            if (index >= 0)
                return index;
            Thread.Sleep(20);
        }
        return -1;
    }

    public void SendLine(string line)
    {
        _process.StandardInput.Write(line + "\r");
        _process.StandardInput.Flush();
    }

    /// <summary>Types a command and returns what it printed up to the next prompt (null on time-out).</summary>
    public string Shell(string command, TimeSpan timeout)
    {
        int start = Length;
        SendLine(command);
        int echo = WaitFor(command + "\r\n", timeout, start);
        if (echo < 0)
            return null;
        int output = echo + command.Length + 2;
        int prompt = WaitFor("$ ", timeout, output);
        return prompt < 0 ? null : SerialLog.Substring(output, prompt - output).Trim();
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

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
