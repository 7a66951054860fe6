using System;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// Boots the ISO to its shell and proves the shell works: it must print its prompt, then run a
/// program (<c>run true</c>) and a builtin after it. Returns the serial log either way.
/// </summary>
public static class ShellBootProbe
{
    private const string PanicMark = "*** KERNEL PANIC";
    /// <summary>A program from its boot module, the same from the root file system, then a builtin.</summary>
    public const string Command = "run true && run /bin/true.elf && echo shell-works";
    // The kernel's first line comes a few seconds in; a machine too small for GRUB to load the
    // modules never prints one (GRUB's error goes to the screen), so it fails fast.
    private static readonly TimeSpan s_kernelTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan s_promptTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);

    /// <param name="required">Text the boot log must also hold (the kernel's "modules: N" line: with too little
    /// memory GRUB leaves modules out, the root file system or the symbols, and boots anyway).</param>
    /// <param name="kernelTimeout">How long GRUB may take before the kernel's first line (40 s unless given: a busy host needs more).</param>
    public static bool Boot(string iso, int memoryMiB, out string serialLog, string required = null, TimeSpan? kernelTimeout = null)
    {
        using var boot = new QemuSerialBoot(iso, memoryMiB);
        bool works = false;
        if (boot.WaitFor("\n", kernelTimeout ?? s_kernelTimeout) && boot.WaitFor("$ ", s_promptTimeout, failure: PanicMark))
        {
            int from = boot.SerialLog.Length;
            boot.SendLine(Command);
            works = boot.WaitFor("\nshell-works", s_commandTimeout, from);
        }
        serialLog = boot.SerialLog;
        return works && (required == null || serialLog.Contains(required, StringComparison.Ordinal));
    }
}
