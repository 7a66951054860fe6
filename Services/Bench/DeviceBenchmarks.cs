using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Ring-3 driver costs, through the i8042 controller (present on every PC and QEMU
/// machine, and driven by nobody else here): an `in` from ring 3 through the I/O permission
/// bitmap against the same `in` done by the kernel in a system call; a context switch
/// between two processes when one of them has a bitmap, against none; and the latency
/// from an interrupt's entry into the kernel to the driver thread running. The
/// interrupt is made by the controller itself: command D2h puts a byte in its output
/// buffer as if a key had been pressed, which raises IRQ 1. Needs the Devices right
/// (bench gets the root authority at handle 4 when the kernel runs it for `bench`).
/// </summary>
internal static unsafe class DeviceBenchmarks
{
    private const int Trials = 7;
    private const int PortIterations = 10000;
    private const int IrqSamples = 200;
    private const int DataPort = 0x60;
    private const int CommandPort = 0x64;
    private const int KeyboardIrq = 1;
    private const byte OutputBufferFull = 1;
    private const byte WriteOutputBuffer = 0xD2;
    private const byte ReadCommandByte = 0x20;
    private const byte WriteCommandByte = 0x60;
    private const byte KeyboardInterruptEnable = 1;

    private static readonly SyscallPorts Ports = SyscallPorts.Instance;

    private static long s_device;
    private static long s_irqPort;
    private static long s_donePort;
    private static ulong[] s_latency;

    public static void Run()
    {
        int index = DeviceCalls.Find(DeviceCalls.List(), "i8042");
        s_device = index < 0 ? -1 : DeviceCalls.Open(StartupHandles.RootAuthority, index);
        if (s_device < 0)
        {
            Console.WriteLine("bench: device benchmarks skipped (no i8042 or no Devices right: " + ProcessCalls.ErrorText(s_device) + ")");
            return;
        }

        ulong withoutBitmap = Benchmarks.SwitchBetweenProcesses();
        if (DeviceCalls.EnablePorts(s_device) < 0)
            return;
        ulong withBitmap = Benchmarks.SwitchBetweenProcesses();
        Benchmarks.Report("ctx_switch_no_bitmap (two processes, neither has ports, per switch)", withoutBitmap, "ticks");
        Benchmarks.Report("ctx_switch_bitmap (two processes, one has ports, per switch)", withBitmap, "ticks");

        Benchmarks.Report("port_in_ring3 (in al, 0x64 through the I/O bitmap)", PortInFromRing3(), "ticks");
        Benchmarks.Report("port_in_syscall (the same in, done by the kernel)", PortInThroughKernel(), "ticks");
        ulong latency = IrqLatency();
        if (latency != 0)
            Benchmarks.Report("irq_to_ring3_driver (interrupt entry to the waiting driver thread running)", latency, "ticks");
        Ports.Close(s_device);
    }

    private static ulong PortInFromRing3()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < PortIterations; i++)
                DeviceCalls.In8(CommandPort);
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / PortIterations;
        }
        return Benchmarks.Median(samples);
    }

    private static ulong PortInThroughKernel()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < PortIterations; i++)
                DeviceCalls.PortRead(s_device, CommandPort, 1);
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / PortIterations;
        }
        return Benchmarks.Median(samples);
    }

    // A driver thread waits for IRQ 1; this thread makes the controller raise it, then waits
    // for the driver's "done". The driver reads the TSC as soon as it runs and subtracts the
    // kernel's TSC at the interrupt's entry.
    private static ulong IrqLatency()
    {
        Drain();
        DeviceCalls.Out8(CommandPort, ReadCommandByte);
        WaitForOutput();
        uint commandByte = DeviceCalls.In8(DataPort);
        DeviceCalls.Out8(CommandPort, WriteCommandByte);
        DeviceCalls.Out8(DataPort, commandByte | KeyboardInterruptEnable);
        Drain();

        s_irqPort = Ports.CreatePort();
        s_donePort = Ports.CreatePort();
        s_latency = new ulong[IrqSamples];
        if (DeviceCalls.BindIrq(s_device, KeyboardIrq, s_irqPort, 0) < 0)
            return 0;
        delegate*<ulong, void> driver = &DriverThread;
        if (UserThread.Start(driver, 0) < 0)
            return 0;
        var message = default(IpcMessage);
        for (int i = 0; i < IrqSamples; i++)
        {
            ProcessCalls.Yield();   // let the driver get back to its wait
            DeviceCalls.Out8(CommandPort, WriteOutputBuffer);
            DeviceCalls.Out8(DataPort, 0x5A);
            if (Ports.Receive(s_donePort, ref message, 1000) < 0)
            {
                Console.WriteLine("bench: irq_to_ring3_driver: no interrupt from the i8042");
                return 0;
            }
        }
        return Benchmarks.Median(s_latency);
    }

    private static void DriverThread(ulong argument)
    {
        var message = default(IpcMessage);
        for (int i = 0; i < IrqSamples; i++)
        {
            if (Ports.Receive(s_irqPort, ref message, -1) < 0)
                return;
            ulong now = Benchmarks.ReadTimestamp();
            s_latency[i] = now - (ulong)DeviceCalls.IrqTimestamp(s_device, KeyboardIrq);
            DeviceCalls.In8(DataPort);
            DeviceCalls.AcknowledgeIrq(s_device, KeyboardIrq);
            Ports.Notify(s_donePort, 1);
        }
    }

    private static void Drain()
    {
        for (int i = 0; i < 32 && (DeviceCalls.In8(CommandPort) & OutputBufferFull) != 0; i++)
            DeviceCalls.In8(DataPort);
    }

    private static void WaitForOutput()
    {
        for (int i = 0; i < 100000 && (DeviceCalls.In8(CommandPort) & OutputBufferFull) == 0; i++)
        {
        }
    }
}
