namespace CosmosHybrid.Drivers.Rtc;

/// <summary>
/// A calendar date and time (proleptic Gregorian, no time zone) and its conversion to and
/// from seconds since 1970-01-01 00:00:00, with the days-from-civil arithmetic of the
/// Gregorian 400-year cycle.
/// </summary>
public readonly struct CivilTime
{
    /// <summary>Creates a date and time; the parts are taken as given.</summary>
    public CivilTime(int year, int month, int day, int hour, int minute, int second)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
    }

    public int Year { get; }

    /// <summary>1-12.</summary>
    public int Month { get; }

    /// <summary>1-31.</summary>
    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    /// <summary>Seconds since 1970-01-01 00:00:00.</summary>
    public long ToUnixSeconds() => DaysFromCivil(Year, Month, Day) * 86400L + Hour * 3600L + Minute * 60L + Second;

    /// <summary>The date and time <paramref name="seconds"/> after 1970-01-01 00:00:00.</summary>
    public static CivilTime FromUnixSeconds(long seconds)
    {
        long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
        long rest = seconds - days * 86400;
        long shifted = days + 719468;                  // days since 0000-03-01
        long era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
        long dayOfEra = shifted - era * 146097;        // [0, 146096]
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);   // from March 1st
        long monthIndex = (5 * dayOfYear + 2) / 153;   // 0 = March
        int day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return new CivilTime(year, month, day, (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60));
    }

    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
