namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// A date and time in the FAT encoding: local time, 2-second resolution, years 1980-2107.
/// </summary>
public readonly struct FatTimestamp
{
    /// <summary>1980-01-01 00:00:00, the earliest representable instant.</summary>
    public static FatTimestamp Epoch => new FatTimestamp((1 << 5) | 1, 0);

    /// <summary>Creates a timestamp from the raw on-disk date and time words.</summary>
    public FatTimestamp(ushort date, ushort time)
    {
        Date = date;
        Time = time;
    }

    /// <summary>Raw date word: bits 15-9 year since 1980, 8-5 month, 4-0 day.</summary>
    public ushort Date { get; }

    /// <summary>Raw time word: bits 15-11 hours, 10-5 minutes, 4-0 seconds / 2.</summary>
    public ushort Time { get; }

    /// <summary>Calendar year.</summary>
    public int Year => 1980 + (Date >> 9);

    /// <summary>Month, 1-12.</summary>
    public int Month => (Date >> 5) & 0x0F;

    /// <summary>Day of the month, 1-31.</summary>
    public int Day => Date & 0x1F;

    /// <summary>Hour, 0-23.</summary>
    public int Hour => Time >> 11;

    /// <summary>Minute, 0-59.</summary>
    public int Minute => (Time >> 5) & 0x3F;

    /// <summary>Second, 0-58 (even).</summary>
    public int Second => (Time & 0x1F) * 2;

    /// <summary>
    /// Encodes a calendar date and time; out-of-range parts are clamped to the nearest
    /// representable value so a bad clock never produces an invalid entry.
    /// </summary>
    public static FatTimestamp FromParts(int year, int month, int day, int hour, int minute, int second)
    {
        year = Clamp(year, 1980, 2107) - 1980;
        month = Clamp(month, 1, 12);
        day = Clamp(day, 1, 31);
        hour = Clamp(hour, 0, 23);
        minute = Clamp(minute, 0, 59);
        second = Clamp(second, 0, 59);
        return new FatTimestamp(
            (ushort)((year << 9) | (month << 5) | day),
            (ushort)((hour << 11) | (minute << 5) | (second / 2)));
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
}
