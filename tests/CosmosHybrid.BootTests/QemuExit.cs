using System;
using System.Collections.Generic;
using System.IO;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Says in words how a QEMU run ended, from its exit status and its -d cpu_reset,guest_errors
/// log, so that a boot test whose QEMU went away early carries the evidence: a triple fault
/// (QEMU logs "Triple fault"; -no-reboot then ends QEMU with status 0), a reset or power-off the
/// guest asked for (status 0, no such line), the isa-debug-exit codes, or a signal from outside.
/// </summary>
public static class QemuExit
{
    // What a -d cpu_reset register dump's lines start with; every other line is an event worth reporting.
    private static readonly string[] RegisterDumpPrefixes =
    {
        "CPU Reset", "EAX=", "ESI=", "EIP=", "RAX=", "RSI=", "R8 =", "R12=", "RIP=", "ES =", "CS =", "SS =", "DS =",
        "FS =", "GS =", "LDT=", "TR =", "GDT=", "IDT=", "CR0=", "DR0=", "DR6=", "CCS=", "EFER=", "FCW=", "FPR", "XMM",
        "YMM", "ZMM", "Opmask", "PKRU",
    };

    /// <summary>At power-on QEMU logs two resets (the CPU's creation and the machine's first reset).</summary>
    public const int PowerOnResets = 2;

    private const int MaxEventLines = 20;

    public static string Describe(int exitStatus, string resetLog)
    {
        CountLog(resetLog, out int resets, out List<string> events);
        string text = "QEMU exited with status " + exitStatus + " (" + Meaning(exitStatus, events) + ")";
        if (resets > PowerOnResets)
            text += "; " + (resets - PowerOnResets) + " CPU reset(s) after power-on";
        if (events.Count > 0)
            text += "; QEMU's log: " + string.Join(" | ", events);
        return text;
    }

    private static string Meaning(int exitStatus, List<string> events)
    {
        if (exitStatus == 0)
        {
            return events.Contains("Triple fault")
                ? "a triple fault: a CPU exception the kernel could not take, ended by -no-reboot"
                : "the guest reset or powered off the machine (-no-reboot ends QEMU on a reset)";
        }
        if ((exitStatus & 1) == 1 && exitStatus >= 3 && exitStatus < 128)
            return "isa-debug-exit code 0x" + ((exitStatus - 1) / 2).ToString("x2");
        if (exitStatus > 128 && exitStatus < 128 + 65)
            return "killed by signal " + (exitStatus - 128);
        return "QEMU failed";
    }

    private static void CountLog(string log, out int resets, out List<string> events)
    {
        resets = 0;
        events = new List<string>();
        using var reader = new StringReader(log ?? "");
        string line;
        while ((line = reader.ReadLine()) != null)
        {
            line = line.Trim();
            if (line.StartsWith("CPU Reset", StringComparison.Ordinal))
                resets++;
            else if (line.Length > 0 && !IsRegisterDump(line) && events.Count < MaxEventLines)
                events.Add(line);
        }
    }

    private static bool IsRegisterDump(string line)
    {
        foreach (string prefix in RegisterDumpPrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
