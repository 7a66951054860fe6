using System;
using System.Runtime;
using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Console;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using Internal.Runtime;

namespace CosmosHybrid.Boot;

/// <summary>
/// The kernel's entry point, called by Multiboot.asm in long mode on the boot stack,
/// with interrupts off. It brings the machine up in dependency order and then becomes
/// the supervisor of the ring-3 shell (or runs what the command line asked for: the
/// self-test, a disk test, the benchmarks, the panic demonstration, the boot console).
/// </summary>
internal static unsafe class Kernel
{
    public const string Version = "0.1";

    /// <summary>
    /// The first ring-3 program (unless `init=` names another), kept running by <see cref="Supervisor"/>:
    /// init, which starts the services of /etc/services (the shell among them).
    /// </summary>
    private const string DefaultInitialProgram = "init";

    [RuntimeExport("kmain")]
    public static void Main(void* readyToRunHeader, ulong bootInformationPhysical)
    {
        // The TSC counts from reset: this reading is what firmware and the boot loader took.
        ulong entryTimestamp = Cpu.ReadTimestampCounter();
        // Static fields of reference type live in heap objects: nothing managed works before this.
        StartupCodeHelpers.Initialize(readyToRunHeader);
        Scheduler.UseBootContext();   // the runtime's per-thread words (locks, Thread) have a home from here on
        BootTimeline.NoteKernelEntry(entryTimestamp);

        SystemConsole.StartSerial();

        Gdt.Initialize();
        Idt.Initialize();

        uint bootInformationSize = *(uint*)AddressSpaceLayout.PhysicalToVirtual(bootInformationPhysical);
        BootInformation boot = BootInformation.Parse(
            new ReadOnlySpan<byte>(AddressSpaceLayout.PhysicalToVirtual(bootInformationPhysical), (int)bootInformationSize));
        if (boot == null)
            Panic.Fail("unreadable Multiboot2 boot information", null);

        BootOptions.Parse(boot.CommandLine);
        if (!PhysicalMemory.Initialize(boot, new MemoryRange(bootInformationPhysical, bootInformationPhysical + bootInformationSize), KernelImage()))
            Panic.Fail("no usable memory in the firmware memory map", null);

        // After the frame allocator: the font (GRUB's unicode.pf2, 2.3 MiB) does not fit the early arena.
        SystemConsole.AttachScreen(boot.Framebuffer, boot.TryFindModule(BootModuleNames.Font, out BootModule font) ? BootModuleData.Copy(font) : null);

        CpuFeatures.Detect();
        PageAttributes.Initialize();
        Devices.IoPermissions.Initialize();
        if (!KernelAddressSpace.Initialize())
            Panic.Fail("could not build the kernel page tables", null);

        if (boot.TryFindModule(BootModuleNames.Symbols, out BootModule symbols))
            Panic.Symbols = new SymbolTable(BootModuleData.Copy(symbols));

        Pic.Initialize(InterruptDispatcher.IrqBase);
        SystemClock.Start();
        Fpu.Initialize();
        KernelStacks.Initialize();
        SyscallEntry.Initialize();
        Syscalls.SyscallTable.Initialize();
        Scheduler.Initialize(AddressSpaceTags.KernelSlot, BootThreadStackTop());
        SystemConsole.StartInput();
        ProgramFiles.LoadFromModules(boot);
        if (BootOptions.ProfileBoot)
            Diagnostics.Profiling.SamplingProfiler.Start(Diagnostics.Profiling.SamplingProfiler.AllProcesses);
        Cpu.EnableInterrupts();
        // Drivers probe with interrupts on: their time-outs count timer ticks, AHCI completes by IRQ.
        Drivers.Pci.PciBus.Enumerate();
        Devices.DeviceRegistry.Build(boot.Framebuffer);
        Drivers.Storage.DiskRegistry.Probe(boot);

        Banner.Print(boot);
        Storage.Kernel.KernelFileSystem.MountBootDisks();
        ConsoleFallbackFont.Load();

        if (BootOptions.PanicTest)
            PanicDemonstration.Run(BootOptions.PanicTestKind);

        if (BootOptions.SelfTest)
        {
            bool passed = SelfTest.SelfTestRunner.RunAll();
            Power.ExitEmulator(passed ? Power.SuccessExitCode : Power.FailureExitCode);
        }

        if (BootOptions.DiskTest)
        {
            DiskTest.Run(BootOptions.DiskTestArguments);
            Power.ExitEmulator(Power.SuccessExitCode);
        }

        if (BootOptions.Bench)
        {
            if (BootOptions.BenchSelection == null)
                Benchmarks.BenchmarkRunner.RunAll();
            Benchmarks.BenchFileServers.Start();
            // Services/Bench: Benchmarks.CompareWithLinuxArgument, then the selection if there is one.
            RunProgramToCompletion(BootOptions.BenchSelection == null ? "bench icount" : "bench icount " + BootOptions.BenchSelection);
            Power.ExitEmulator(Power.SuccessExitCode);
        }

        string initialProgram = BootOptions.InitialProgram ?? DefaultInitialProgram;
        if (!BootOptions.KernelConsole && ProgramFiles.Exists(ProgramName(initialProgram)))
            Supervisor.Run(initialProgram);
        BootConsole.Run();
    }

    private static void RunProgramToCompletion(string commandLine)
    {
        // Handled like the first program (bench measures device access too).
        Process process = ProcessTable.Spawn(commandLine, out _, handles: Supervisor.FirstProgramHandles());
        if (process != null)
            ProcessTable.Wait(process);
    }

    private static string ProgramName(string commandLine)
    {
        int space = commandLine.IndexOf(' ');
        return space < 0 ? commandLine : commandLine.Substring(0, space);
    }

    private static MemoryRange KernelImage()
    {
        ulong start, end;
        GetKernelImage(&start, &end);
        return new MemoryRange(start, end);
    }

    [DllImport("*", EntryPoint = "boot_kernel_image"), SuppressGCTransition]
    private static extern void GetKernelImage(ulong* start, ulong* end);

    [DllImport("*", EntryPoint = "boot_thread_stack_top"), SuppressGCTransition]
    private static extern ulong BootThreadStackTop();
}
