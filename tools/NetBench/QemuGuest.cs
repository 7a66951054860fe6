using System;
using System.Collections.Generic;
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
    private readonly List<(double Seconds, int Offset)> _lineStarts = new();
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

    /// <summary>The serial log's lines so far, each with the second (from QEMU's start) it began to arrive.</summary>
    public List<(double Seconds, string Line)> Lines()
    {
        lock (_lock)
        {
            var lines = new List<(double, string)>();
            string log = _serial.ToString();
            for (int i = 0; i < _lineStarts.Count; i++)
            {
                int from = _lineStarts[i].Offset;
                int to = i + 1 < _lineStarts.Count ? _lineStarts[i + 1].Offset : log.Length;
                lines.Add((_lineStarts[i].Seconds, log.Substring(from, to - from).TrimEnd()));
            }
            return lines;
        }
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
            double seconds = Clock.Elapsed.TotalSeconds;
            lock (_lock)
            {
                // When each line's first character arrived (the serial log's wall-clock timeline).
                for (int i = 0; i < read; i++)
                {
                    int at = _serial.Length + i;
                    if (at == 0 || (i > 0 ? buffer[i - 1] : _serial[at - 1]) == '\n')
                        _lineStarts.Add((seconds, at));
                }
                _serial.Append(buffer, 0, read);
            }
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
