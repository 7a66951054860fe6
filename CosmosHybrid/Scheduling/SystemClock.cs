using CosmosHybrid.Arch.X64;
using CosmosHybrid.Drivers.Timer;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// Time since boot, counted in timer ticks. The timer interrupt is the kernel's
/// heartbeat; the scheduler will hang its time slices off <see cref="OnTick"/>.
/// </summary>
internal static unsafe class SystemClock
{
    public const uint TicksPerSecond = 1000;

    private static ulong s_ticks;

    public static ulong Ticks => s_ticks;

    public static ulong UptimeMilliseconds => s_ticks * 1000 / TicksPerSecond;

    public static void Start()
    {
        Pit.Start(TicksPerSecond);
        InterruptDispatcher.RegisterIrqHandler(Pit.Irq, &OnTick);
    }

    private static void OnTick()
    {
        s_ticks++;
        Scheduler.OnTimerTick();
    }

    /// <summary>Sleeps the boot CPU for at least <paramref name="milliseconds"/>; interrupts must be on.</summary>
    public static void BusyWait(ulong milliseconds)
    {
        ulong until = s_ticks + milliseconds * TicksPerSecond / 1000;
        while (s_ticks < until)
            Cpu.WaitForInterrupt();
    }

    /// <summary>"1h 02m 03.456s"-style text for the shell and the banner.</summary>
    public static string FormatUptime(ulong milliseconds)
    {
        ulong seconds = milliseconds / 1000;
        string secondsText = seconds >= 60 ? (seconds % 60).ToString("D2") : (seconds % 60).ToString();
        string text = secondsText + "." + (milliseconds % 1000).ToString("D3") + "s";
        if (seconds >= 60)
            text = ((seconds / 60) % 60).ToString() + "m " + text;
        if (seconds >= 3600)
            text = (seconds / 3600).ToString() + "h " + text;
        return text;
    }
}
