using System;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// Boots the ISO to its shell and proves the shell works: it must print its prompt, then run a
/// program (<c>run true</c>) and a builtin after it. Returns the serial log either way.
/// </summary>
public static class ShellBootProbe
{
    public const string Command = "run true && echo shell-works";
    private static readonly TimeSpan s_promptTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);

    public static bool Boot(string iso, int memoryMiB, out string serialLog)
    {
        using var boot = new QemuSerialBoot(iso, memoryMiB);
        bool works = false;
        if (boot.WaitFor("$ ", s_promptTimeout))
        {
            int from = boot.SerialLog.Length;
            boot.SendLine(Command);
            works = boot.WaitFor("\nshell-works", s_commandTimeout, from);
        }
        serialLog = boot.SerialLog;
        return works;
    }
}
