using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// A time limit for polling a device, so that a dead or absent device ends in a
/// time-out error instead of a hang. It counts timer ticks; if interrupts happen to
/// be off (the tick count then stands still) it counts polls instead, assuming each
/// poll (a port or MMIO read) takes at least a microsecond.
/// </summary>
internal struct IoDeadline
{
    private const ulong PollsPerMillisecond = 1000;

    private readonly ulong _tick;
    private ulong _pollsLeft;

    private IoDeadline(ulong tick, ulong polls)
    {
        _tick = tick;
        _pollsLeft = polls;
    }

    /// <summary>A deadline <paramref name="milliseconds"/> from now (plus up to one tick).</summary>
    public static IoDeadline After(ulong milliseconds) =>
        new IoDeadline(SystemClock.Ticks + milliseconds * SystemClock.TicksPerSecond / 1000 + 1, milliseconds * PollsPerMillisecond + 1);

    /// <summary>Milliseconds left (0 once expired), for sleeping until the deadline at most.</summary>
    public ulong RemainingMilliseconds
    {
        get
        {
            ulong now = SystemClock.Ticks;
            return now >= _tick ? 0 : (_tick - now) * 1000 / SystemClock.TicksPerSecond;
        }
    }

    /// <summary>True once the time is up; call it once per poll.</summary>
    public bool Expired()
    {
        if ((Cpu.ReadFlags() & Cpu.InterruptFlag) != 0)
            return SystemClock.Ticks >= _tick;
        if (_pollsLeft == 0)
            return true;
        _pollsLeft--;
        return false;
    }
}
