using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// Boots the ISO to its shell and proves the shell works: it must print its prompt, then run a
/// program (<c>run true</c>) and a builtin after it. Returns the serial log either way.
/// </summary>
public static class ShellBootProbe
{
    private const string PanicMark = "*** KERNEL PANIC";
    private const string Prompt = "$ ";
    /// <summary>A program from its boot module, the same from the root file system, then a builtin.</summary>
    public const string Command = "run true && run /bin/true.elf && echo shell-works";
    /// <summary>What <see cref="BootWithServices"/> also proves: slirp's DHCP lease, and these services running.</summary>
    public const string ServicesCheck = "`ifconfig` shows inet 10.0.2.15; `ps` shows e1000, net and ui running";
    private const string LeaseMark = "inet 10.0.2.15 ";
    private static readonly string[] s_services = { "e1000", "net", "ui" };
    // The kernel's first line comes a few seconds in; a machine too small for GRUB to load the
    // modules never prints one (GRUB's error goes to the screen), so it fails fast.
    private static readonly TimeSpan s_kernelTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan s_promptTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);
    // QEMU holds received frames about a second of guest time after the driver writes RCTL, and under
    // -icount a guest second is a billion instructions: minutes of host time on a busy host.
    private static readonly TimeSpan s_leaseTimeout = TimeSpan.FromMinutes(3);

    /// <param name="required">Text the boot log must also hold (the kernel's "modules: N" line: with too little
    /// memory GRUB leaves modules out, the root file system or the symbols, and boots anyway).</param>
    /// <param name="kernelTimeout">How long GRUB may take before the kernel's first line (40 s unless given: a busy host needs more).</param>
    public static bool Boot(string iso, int memoryMiB, out string serialLog, string required = null, TimeSpan? kernelTimeout = null)
    {
        using var boot = new QemuSerialBoot(iso, memoryMiB);
        bool works = ReachPrompt(boot, kernelTimeout) && RunsCommand(boot);
        serialLog = boot.SerialLog;
        return works && (required == null || serialLog.Contains(required, StringComparison.Ordinal));
    }

    /// <summary>
    /// As <see cref="Boot"/>, with an e1000 on a slirp that reaches nothing outside, and the network and window
    /// services proven up as well (<see cref="ServicesCheck"/>) before the shell's command.
    /// </summary>
    public static bool BootWithServices(string iso, int memoryMiB, out string serialLog, string required = null)
    {
        using var boot = new QemuSerialBoot(iso, memoryMiB, QemuSerialBoot.LocalE1000);
        bool works = ReachPrompt(boot, null) && HasLease(boot) && ServicesRun(boot) && RunsCommand(boot);
        serialLog = boot.SerialLog;
        return works && (required == null || serialLog.Contains(required, StringComparison.Ordinal));
    }

    private static bool ReachPrompt(QemuSerialBoot boot, TimeSpan? kernelTimeout) =>
        boot.WaitFor("\n", kernelTimeout ?? s_kernelTimeout) && boot.WaitFor(Prompt, s_promptTimeout, failure: PanicMark);

    private static bool RunsCommand(QemuSerialBoot boot)
    {
        int from = boot.SerialLog.Length;
        boot.SendLine(Command);
        return boot.WaitFor("\nshell-works", s_commandTimeout, from);
    }

    /// <summary>Asks <c>ifconfig</c> until DHCP has given the address (a lease may come after the prompt).</summary>
    private static bool HasLease(QemuSerialBoot boot)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_leaseTimeout)
        {
            string answer = Ask(boot, "ifconfig");
            if (answer == null)
                return false;
            if (answer.Contains(LeaseMark, StringComparison.Ordinal))
                return true;
            Thread.Sleep(2000);
        }
        return false;
    }

    private static bool ServicesRun(QemuSerialBoot boot)
    {
        string processes = Ask(boot, "ps");
        if (processes == null)
            return false;
        foreach (string service in s_services)
        {
            if (!Regex.IsMatch(processes, $@"\s\d+ {service}\s+running\s"))
                return false;
        }
        return true;
    }

    /// <summary>The text the shell printed for <paramref name="command"/> up to its next prompt, or null.</summary>
    private static string Ask(QemuSerialBoot boot, string command)
    {
        int from = boot.SerialLog.Length;
        boot.SendLine(command);
        // The echoed line ends with a newline; the answer ends at the next prompt after it.
        if (!boot.WaitFor("\n", s_commandTimeout, from) || !boot.WaitFor("\n" + Prompt, s_commandTimeout, from, PanicMark))
            return null;
        string log = boot.SerialLog;
        int end = log.IndexOf("\n" + Prompt, from, StringComparison.Ordinal);
        return log.Substring(from, end - from);
    }
}
