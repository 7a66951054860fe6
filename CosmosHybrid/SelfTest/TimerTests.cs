using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>Checks that the periodic timer interrupt arrives and drives the uptime clock.</summary>
internal static class TimerTests
{
    public static void Run()
    {
        Begin("timer");
        ulong ticksBefore = SystemClock.Ticks;
        ulong tscBefore = Cpu.ReadTimestampCounter();
        SystemClock.BusyWait(20);
        ulong elapsed = SystemClock.Ticks - ticksBefore;
        Check(elapsed >= 20 && elapsed < 1000, "20 ms wait took " + elapsed.ToString() + " ticks");
        Check(Cpu.ReadTimestampCounter() > tscBefore, "time stamp counter advances");
        Check((Cpu.ReadFlags() & Cpu.InterruptFlag) != 0, "interrupts are enabled");
        Check(SystemClock.UptimeMilliseconds >= 20, "uptime counts milliseconds");
        Equal("1m 01.005s", SystemClock.FormatUptime(61005), "uptime formatting");
    }
}
