namespace CosmosHybrid.Boot;

/// <summary>
/// Switches given on the kernel command line (grub.cfg's `multiboot2` line), as
/// space-separated words:
/// <list type="bullet">
/// <item><c>selftest</c>: run the in-kernel tests, print a summary line and power off.</item>
/// <item><c>panic-test</c>: fault on purpose after boot (a page fault), to show the panic report;
/// <c>panic-test=exception</c> throws an unhandled C# exception instead, <c>panic-test=stack-overflow</c> overflows a kernel thread stack.</item>
/// <item><c>kernel-console</c>: start the ring-0 boot console instead of the ring-3 shell.</item>
/// <item><c>bench</c>: run the in-kernel benchmarks, print their figures and power off.</item>
/// <item><c>bench=ROWS</c>: only that selection of the ring-3 benchmarks (<c>floors</c>: the null call, IPC and file rows), then power off.</item>
/// <item><c>timeline</c>: log the boot timeline and the kernel's footprint at the shell's first prompt (<c>bench</c> does too).</item>
/// <item><c>exit-on-panic</c>: after a panic report, leave QEMU through isa-debug-exit instead of halting.</item>
/// <item><c>disktest</c>, <c>disktest=read:LBA[+N],write:LBA[+N]</c>: exercise every disk found, print the results and power off.</item>
/// <item><c>faultinject</c>: allow the FaultInject system call, and put its right in the root authority (issue 17).</item>
/// <item><c>ata=pio</c>: the IDE driver ignores bus masters and moves all data by programmed I/O.</item>
/// <item><c>nopcid</c>: do not tag address spaces with PCIDs even when the CPU has them (every switch flushes the TLB).</item>
/// <item><c>init=PROGRAM[,ARGUMENT...]</c>: the first ring-3 program (the one given the root authority), with its
/// arguments separated by commas; the default is the shell.</item>
/// <item><c>fs:/disk=ring3</c> (or <c>=kernel</c>, the default): the hard disk that would be mounted at that
/// path is left to the ring-3 file server <c>fs</c>, reached through a block-device handle (<see cref="Storage.Placement.PlacementTable"/>);
/// <c>fs:/=ring3</c> does the same for the root RAM disk (init starts its server before it reads anything).</item>
/// </list>
/// </summary>
internal static class BootOptions
{
    public static bool SelfTest { get; private set; }

    public static bool PanicTest { get; private set; }

    /// <summary>What <c>panic-test</c> does: "page-fault" (the default) or "exception".</summary>
    public static string PanicTestKind { get; private set; } = "page-fault";

    public static bool ExitOnPanic { get; private set; }

    public static bool Bench { get; private set; }

    /// <summary>"bench=ROWS" (with <see cref="Bench"/>): only that selection of the ring-3 benchmarks (e.g. "floors"), without the kernel's own.</summary>
    public static string BenchSelection { get; private set; }

    /// <summary>
    /// "timeline" (or "bench"): log the boot timeline and the kernel's footprint at the shell's first prompt. Off by
    /// default: a kernel line printed at that moment lands in the middle of the services' first lines.
    /// </summary>
    public static bool LogTimeline { get; private set; }

    /// <summary>"profile": sample the whole boot (every process and the kernel) and log the profile at the shell's first prompt.</summary>
    public static bool ProfileBoot { get; private set; }

    public static bool KernelConsole { get; private set; }

    public static bool DiskTest { get; private set; }

    public static bool NoPcid { get; private set; }

    /// <summary>"ata=pio": IDE disks move data by programmed I/O even where the controller has a bus master.</summary>
    public static bool AtaPio { get; private set; }

    /// <summary>"faultinject": the FaultInject system call works, through the right the root authority then carries.</summary>
    public static bool FaultInject { get; private set; }

    /// <summary>The first ring-3 program's command line, or null for the default.</summary>
    public static string InitialProgram { get; private set; }

    /// <summary>The text after <c>disktest=</c> (empty for a bare <c>disktest</c>).</summary>
    public static string DiskTestArguments { get; private set; } = "";

    /// <summary>The <c>fs:PATH=...</c> words: which mount points the ring-3 file server serves.</summary>
    public static Storage.Placement.PlacementTable Placements { get; } = new Storage.Placement.PlacementTable();

    public static void Parse(string commandLine)
    {
        int start = 0;
        for (int i = 0; i <= commandLine.Length; i++)
        {
            if (i < commandLine.Length && commandLine[i] != ' ')
                continue;
            if (i > start)
                Apply(commandLine.Substring(start, i - start));
            start = i + 1;
        }
    }

    private static void Apply(string word)
    {
        if (word == "selftest")
            SelfTest = true;
        else if (word == "panic-test")
            PanicTest = true;
        else if (word.StartsWith("panic-test="))
        {
            PanicTest = true;
            PanicTestKind = word.Substring("panic-test=".Length);
        }
        else if (word == "exit-on-panic")
            ExitOnPanic = true;
        else if (word == "bench")
        {
            Bench = true;
            LogTimeline = true;
        }
        else if (word.StartsWith("bench=") && word.Length > "bench=".Length)
        {
            Bench = true;
            BenchSelection = word.Substring("bench=".Length);
        }
        else if (word == "timeline")
            LogTimeline = true;
        else if (word == "profile")
            ProfileBoot = true;
        else if (word == "kernel-console")
            KernelConsole = true;
        else if (word == "nopcid")
            NoPcid = true;
        else if (word == "ata=pio")
            AtaPio = true;
        else if (word == "faultinject")
            FaultInject = true;
        else if (word == "disktest")
            DiskTest = true;
        else if (word.StartsWith("init=") && word.Length > "init=".Length)
            InitialProgram = word.Substring("init=".Length).Replace(',', ' ');
        else if (Placements.TryApply(word))
        {
        }
        else if (word.StartsWith("disktest="))
        {
            DiskTest = true;
            DiskTestArguments = word.Substring("disktest=".Length);
        }
    }
}
