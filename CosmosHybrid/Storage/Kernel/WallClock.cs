using CosmosHybrid.Drivers.Rtc;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Fat;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// The date and time for file timestamps: the real-time clock read once at boot, advanced
/// by the kernel's uptime (so no port I/O on the write path).
/// </summary>
internal sealed class WallClock : IFatClock
{
    private readonly long _bootSeconds;
    private readonly ulong _bootUptimeMilliseconds;

    private WallClock(long bootSeconds, ulong bootUptimeMilliseconds)
    {
        _bootSeconds = bootSeconds;
        _bootUptimeMilliseconds = bootUptimeMilliseconds;
    }

    /// <summary>A clock started from the real-time clock, or null when it cannot be read.</summary>
    public static WallClock Start() =>
        CmosRealTimeClock.TryRead(out CivilTime now) ? new WallClock(now.ToUnixSeconds(), SystemClock.UptimeMilliseconds) : null;

    /// <summary>Now, in seconds since 1970 (UTC as the RTC keeps it).</summary>
    public long UnixSeconds => _bootSeconds + (long)((SystemClock.UptimeMilliseconds - _bootUptimeMilliseconds) / 1000);

    /// <summary>Now, as a calendar time.</summary>
    public CivilTime Civil => CivilTime.FromUnixSeconds(UnixSeconds);

    /// <inheritdoc/>
    public FatTimestamp Now
    {
        get
        {
            CivilTime now = Civil;
            return FatTimestamp.FromParts(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second);
        }
    }
}
