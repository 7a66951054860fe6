using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>Short waits the storage protocols prescribe (a reset pulse, a settle time).</summary>
internal static class IoDelay
{

    // Port 0x80 is the POST diagnostic port: nothing listens, and an access to it takes
    // about a microsecond on the ISA-compatible bus, which makes it a portable delay.
    private const ushort UnusedPort = 0x80;

    /// <summary>Waits at least <paramref name="microseconds"/> µs by touching an unused port.</summary>
    public static void Microseconds(int microseconds)
    {
        for (int i = 0; i < microseconds; i++)
            Cpu.OutByte(UnusedPort, 0);
    }

    /// <summary>Waits at least <paramref name="milliseconds"/> ms, letting other threads run when it can.</summary>
    public static void Milliseconds(ulong milliseconds)
    {
        if ((Cpu.ReadFlags() & Cpu.InterruptFlag) != 0)
            Scheduler.Sleep(milliseconds);
        else
            Microseconds((int)(milliseconds * 1000));
    }
}
