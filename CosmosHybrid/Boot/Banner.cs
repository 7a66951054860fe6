using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Console;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Boot;

/// <summary>The boot banner: who we are, what the loader gave us, and how memory stands.</summary>
internal static class Banner
{
    private const ulong MiB = 1024 * 1024;

    public static void Print(BootInformation boot)
    {
        FrameAllocator frames = KernelPages.Frames;
        KernelLog.WriteLine("CosmosHybrid " + Kernel.Version + " (x86-64 hybrid kernel, C# on NativeAOT)");
        KernelLog.WriteLine("boot loader: " + boot.BootLoaderName);
        KernelLog.WriteLine("command line: " + boot.CommandLine);
        KernelLog.WriteLine("memory: " + ToMiB(PhysicalMemory.InstalledBytes) + " MiB installed, "
            + ToMiB(frames.UsableFrames * FrameAllocator.FrameSize) + " MiB managed, "
            + ToMiB(frames.FreeFrames * FrameAllocator.FrameSize) + " MiB free, "
            + (frames.UsedFrames * FrameAllocator.FrameSize / 1024).ToString() + " KiB used");
        if (PhysicalMemory.UnreachableBytes != 0)
            KernelLog.WriteLine("memory: " + ToMiB(PhysicalMemory.UnreachableBytes) + " MiB above 4 GiB not used yet");
        KernelLog.WriteLine("cpu: " + Arch.X64.CpuFeatures.Describe());
        KernelLog.WriteLine("screen: " + SystemConsole.ScreenDescription);
        KernelLog.WriteLine("pci: " + Drivers.Pci.PciBus.Count.ToString() + " devices");
        KernelLog.WriteLine("storage: " + Drivers.Storage.DiskRegistry.Count.ToString() + " disks");
        for (int i = 0; i < Drivers.Storage.DiskRegistry.Count; i++)
            KernelLog.WriteLine("  " + Drivers.Storage.DiskRegistry.Describe(Drivers.Storage.DiskRegistry.Get(i)));
        KernelLog.WriteLine("modules: " + boot.ModuleCount.ToString() + (Panic.Symbols != null ? " (symbols loaded)" : " (no symbols)"));
    }

    private static string ToMiB(ulong bytes) => (bytes / MiB).ToString();
}
