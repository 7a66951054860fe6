using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Devices;

/// <summary>
/// The TSS's I/O permission bitmap, following the running process. A process that uses no
/// ports (no <see cref="Process.IoPorts"/>) runs with the map base past the TSS limit, so
/// every port faults; switching to it costs a null test, plus one store when the process
/// before it had ports. A process with ports gets its ranges written into the bitmap only
/// when the bitmap holds another set (or an older version of its own); switching back and
/// forth between it and port-less processes then costs one store each way. Kernel threads
/// leave everything as it is: ring 0 is never checked against the bitmap.
/// </summary>
internal static unsafe class IoPermissions
{
    private static IoPermissionBitmap s_loader;
    // Mirrors Gdt.IoBitmapOpen on purpose: reading the TSS instead cost 2 ticks on every switch
    // (measured: ctx_switch 624 -> 626, io_bitmap_switch_none 5 -> 7).
    private static bool s_open;

    public static void Initialize()
    {
        s_loader = new IoPermissionBitmap();
        s_loader.Reset(Bitmap);
    }

    private static Span<byte> Bitmap => new Span<byte>(Gdt.IoBitmap, IoPermissionBitmap.Bytes + 1);

    /// <summary>Called by the scheduler with interrupts off, before it switches to a thread of <paramref name="process"/> (null: a kernel thread).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OnSwitch(Process process)
    {
        if (process == null)
            return;
        IoPortSet ports = process.IoPorts;
        if (ports != null)
            Open(ports);
        else if (s_open)
            Close();
    }

    /// <summary>The ports of <paramref name="process"/> changed: the running process sees the change at once, others at their next switch.</summary>
    public static void Refresh(Process process)
    {
        Thread current = Scheduler.Current;
        if (current != null && current.Process == process)
            OnSwitch(process);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Open(IoPortSet ports)
    {
        if (!s_loader.IsCurrent(ports))
            s_loader.Load(Bitmap, ports);
        Gdt.IoBitmapOpen = true;
        s_open = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Close()
    {
        Gdt.IoBitmapOpen = false;
        s_open = false;
    }
}
