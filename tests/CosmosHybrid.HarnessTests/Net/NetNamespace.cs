using System;
using System.Diagnostics;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>A network namespace the test creates and deletes; commands run inside it with <c>ip netns exec</c>.</summary>
internal sealed class NetNamespace : IDisposable
{
    public string Name { get; }

    public NetNamespace(string name)
    {
        Name = name;
        Run("ip", "netns del " + name, check: false);
        Run("ip", "netns add " + name);
    }

    public string Exec(string command, int timeoutMs = 60_000, bool check = true)
        => Run("ip", "netns exec " + Name + " " + command, timeoutMs, check);

    public static string Run(string file, string arguments, int timeoutMs = 60_000, bool check = true)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(true);
            throw new TimeoutException(file + " " + arguments + " did not finish");
        }
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException(file + " " + arguments + " failed (" + process.ExitCode + "): " + error.Result + output.Result);
        return output.Result + error.Result;
    }

    public void Dispose() => Run("ip", "netns del " + Name, check: false);
}
