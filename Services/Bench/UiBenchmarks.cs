using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// The window server's compositor against its floor: a full 1024x768x32 frame (desktop, top
/// bar, two overlapping windows, the pointer) composited and written to the framebuffer,
/// beside one 3 MiB copy with REP MOVSQ into the same memory. The target is the boot
/// framebuffer when bench can map it (it has the root authority), else ordinary memory.
/// </summary>
internal static unsafe class UiBenchmarks
{
    private const int Trials = 5;
    private const int Width = 1024, Height = 768, Bytes = Width * Height * 4;
    private const long Authority = StartupHandles.FirstExtra;

    [DllImport("*", EntryPoint = "bench_rep_movsq"), SuppressGCTransition]
    private static extern void RepMovsq(void* destination, void* source, ulong quadwords);

    public static void Run()
    {
        string where;
        long device;
        byte* target = OpenTarget(out int pitch, out where, out device);
        if (target == null || !Framebuffer.TryCreate(target, Width, Height, pitch, 32, out Framebuffer framebuffer))
        {
            System.Console.WriteLine("bench: ui composite skipped (no 1024x768 target)");
            return;
        }

        var scene = new Scene(Width, Height, null);
        var damage = new DamageRegion(scene.Screen);
        var manager = new WindowManager(scene, damage);
        var compositor = new Compositor(new PixelBuffer(Width, Height), null, null);
        manager.CreateWindow(1, 500, 350, "one", Filled(500, 350, 0x00C0_D0E0));
        manager.CreateWindow(1, 400, 300, "two", Filled(400, 300, 0x0030_4050));
        compositor.Composite(scene, damage, framebuffer);    // warm: every page touched once

        var composite = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            damage.AddAll();
            ulong start = Benchmarks.ReadTimestamp();
            compositor.Composite(scene, damage, framebuffer);
            composite[trial] = Benchmarks.ReadTimestamp() - start;
        }

        var copy = new ulong[Trials];
        fixed (uint* source = compositor.BackBuffer.Pixels)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                ulong start = Benchmarks.ReadTimestamp();
                if (pitch == Width * 4)
                {
                    RepMovsq(target, source, Bytes / 8);
                }
                else
                {
                    for (int y = 0; y < Height; y++)
                        RepMovsq(target + (long)y * pitch, source + y * Width, Width * 4 / 8);
                }
                copy[trial] = Benchmarks.ReadTimestamp() - start;
            }
        }
        ulong compositeTicks = Benchmarks.Median(composite), copyTicks = Benchmarks.Median(copy);
        Benchmarks.Report("ui_composite_full_frame (1024x768x32, 2 windows, into " + where + ")", compositeTicks, "ticks");
        Benchmarks.Report("ui_copy_floor (3 MiB REP MOVSQ, same target)", copyTicks, "ticks");
        System.Console.WriteLine("bench: ui composite / copy floor = " + (compositeTicks * 100 / (copyTicks == 0 ? 1 : copyTicks)).ToString() + "%");
        TerminalBenchmarks.Run(framebuffer, where);
        if (device > 0)
            SyscallPorts.Instance.Close(device);
    }

    private static PixelBuffer Filled(int width, int height, uint color)
    {
        var buffer = new PixelBuffer(width, height);
        buffer.Fill(buffer.Bounds, color);
        return buffer;
    }

    /// <summary>The boot framebuffer when it is 1024x768x32 and can be mapped, else 3 MiB of memory.</summary>
    private static byte* OpenTarget(out int pitch, out string where, out long device)
    {
        pitch = Width * 4;
        where = "memory";
        device = 0;
        DeviceInfo[] devices = DeviceCalls.List();
        for (int i = 0; i < devices.Length; i++)
        {
            DeviceInfo info = devices[i];
            if (info.Kind != DeviceKind.Framebuffer || info.FramebufferType != 1 || info.FramebufferBitsPerPixel != 32
                || info.FramebufferWidth != Width || info.FramebufferHeight != Height)
                continue;
            long handle = DeviceCalls.Open(Authority, info.Index);
            long address = handle < 0 ? handle : DeviceCalls.Map(handle, 0);
            if (address >= 0)
            {
                pitch = info.FramebufferPitch;
                DeviceInfo mapped = DeviceCalls.List()[i];
                where = mapped.RegionMapping[0] == (byte)DeviceMapping.WriteCombining ? "the framebuffer, WC" : "the framebuffer, UC";
                device = handle;
                return (byte*)address;
            }
            if (handle > 0)
                SyscallPorts.Instance.Close(handle);
        }
        long memory = SystemCall.Call(SyscallNumber.MapMemory, Bytes / 4096);
        return memory <= 0 ? null : (byte*)memory;
    }
}
