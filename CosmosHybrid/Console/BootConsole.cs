using CosmosHybrid.Boot;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Memory;
using CosmosHybrid.Scheduling;
using Internal.Runtime.GC;

namespace CosmosHybrid.Console;

/// <summary>
/// A minimal ring-0 command line on the serial port, for when the kernel boots with
/// nothing else to do. It stands in until the ring-3 shell exists, and keeps to
/// commands that only read kernel state or stop the machine.
/// </summary>
internal static class BootConsole
{
    private const int MaxLineLength = 256;
    private const string Prompt = "kernel> ";

    public static unsafe void Run()
    {
        KernelLog.WriteLine("boot console ready: type 'help' (serial line)");
        var editor = new LineEditor(MaxLineLength);
        byte received;
        KernelLog.Write(Prompt);
        while (true)
        {
            ConsoleInput.Read(&received, 1);
            char c = (char)received;
            switch (editor.Accept(c))
            {
                case LineEdit.Completed:
                    KernelLog.Write('\n');
                    Execute(editor.TakeLine().Trim());
                    KernelLog.Write(Prompt);
                    break;
                case LineEdit.Erased:
                    KernelLog.Write("\b \b");
                    break;
                case LineEdit.Inserted:
                    KernelLog.Write(c);
                    break;
            }
        }
    }

    private static void Execute(string command)
    {
        switch (command)
        {
            case "":
                return;
            case "help":
                KernelLog.WriteLine("commands: help, mem, uptime, bench, panic, poweroff, lspci, lspci -v, disks");
                return;
            case "mem":
                FrameAllocator frames = KernelPages.Frames;
                KernelLog.WriteLine("frames: " + frames.FreeFrames.ToString() + " free, " + frames.UsedFrames.ToString()
                    + " used, " + frames.UsableFrames.ToString() + " managed (4 KiB each)");
                KernelLog.WriteLine("heap: " + ((ulong)GCHeap.SegmentBytes / 1024).ToString() + " KiB in segments, "
                    + ((ulong)GarbageCollector.LiveBytesAfterLastCollection / 1024).ToString() + " KiB live after "
                    + GarbageCollector.CollectionCount.ToString() + " collections, "
                    + ((ulong)GCHeap.TotalAllocatedBytes / 1024).ToString() + " KiB allocated since boot");
                return;
            case "uptime":
                KernelLog.WriteLine("up " + SystemClock.FormatUptime(SystemClock.UptimeMilliseconds));
                return;
            case "bench":
                Benchmarks.BenchmarkRunner.RunAll();
                return;
            case "panic":
                PanicDemonstration.Run("page-fault");
                return;
            case "lspci":
                Drivers.Pci.PciListing.Print(verbose: false);
                return;
            case "lspci -v":
                Drivers.Pci.PciListing.Print(verbose: true);
                return;
            case "disks":
                for (int i = 0; i < Drivers.Storage.DiskRegistry.Count; i++)
                    KernelLog.WriteLine(Drivers.Storage.DiskRegistry.Describe(Drivers.Storage.DiskRegistry.Get(i)));
                KernelLog.WriteLine(Drivers.Storage.DiskRegistry.Count.ToString() + " disks");
                return;
            case "poweroff":
                KernelLog.WriteLine("powering off");
                Power.PowerOff();
                return;
            default:
                KernelLog.WriteLine("unknown command: " + command + " (try 'help')");
                return;
        }
    }
}
