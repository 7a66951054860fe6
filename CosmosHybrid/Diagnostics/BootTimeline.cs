using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// Time-stamp-counter readings at the boot's milestones. The TSC counts from the machine's reset,
/// so the reading at kernel entry is what firmware and the boot loader took. At the shell's first
/// prompt the kernel logs the timeline and its own memory footprint ("timeline:" and "memory:"
/// lines, which ./build.sh bench collects).
/// </summary>
internal static class BootTimeline
{
    public static ulong KernelEntry { get; private set; }
    public static ulong FirstRingThree { get; private set; }
    public static ulong ShellPrompt { get; private set; }

    /// <summary>The reading Kernel.Main took as its first act (before managed statics existed).</summary>
    public static void NoteKernelEntry(ulong timestamp) => KernelEntry = timestamp;

    /// <summary>Called just before a thread first drops to ring 3: the first such call counts.</summary>
    public static void NoteRingThreeEntry()
    {
        if (FirstRingThree == 0)
            FirstRingThree = Cpu.ReadTimestampCounter();
    }

    /// <summary>The shell's first prompt: the boot is over. Later calls change nothing.</summary>
    public static void NoteShellPrompt()
    {
        if (ShellPrompt != 0)
            return;
        ShellPrompt = Cpu.ReadTimestampCounter();
        if (Boot.BootOptions.LogTimeline)
            LogTimelineAndFootprint();
        if (Boot.BootOptions.ProfileBoot && Profiling.SamplingProfiler.Running)
        {
            // The boot option "profile": the whole boot's profile, from interrupts on to the prompt.
            Profiling.SamplingProfiler.Stop();
            KernelLog.Write(Profiling.ProfileReport.Write(callers: false));
        }
    }

    private static void LogTimelineAndFootprint()
    {
        KernelLog.WriteLine("timeline: kernel entry " + KernelEntry.ToString() + " ticks, first ring-3 instruction "
            + FirstRingThree.ToString() + " ticks, shell prompt " + ShellPrompt.ToString() + " ticks (TSC since reset)");
        KernelFootprint footprint = KernelFootprint.Measure();
        KernelLog.WriteLine("memory: kernel footprint at the prompt " + (footprint.TotalBytes / 1024).ToString()
            + " KiB (image " + (footprint.ImageBytes / 1024).ToString() + " KiB, boot modules " + (footprint.BootModuleBytes / 1024).ToString() + " KiB, heap " + (footprint.HeapBytes / 1024).ToString()
            + " KiB, other frames " + (footprint.OtherBytes / 1024).ToString() + " KiB); processes "
            + (footprint.ProcessBytes / 1024).ToString() + " KiB");
    }
}
