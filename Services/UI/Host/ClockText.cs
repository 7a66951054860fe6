using System;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>The time of day for the top bar: HH:MM:SS from the real-time clock (UTC), or the uptime when there is none.</summary>
internal static class ClockText
{
    public static long SecondsOfDay()
    {
        long seconds = ProcessCalls.WallClockSeconds;
        if (seconds < 0)
            seconds = ProcessCalls.UptimeMilliseconds / 1000;
        return seconds % 86400;
    }

    public static string Now() => Format(SecondsOfDay());

    public static string Format(long secondsOfDay)
    {
        Span<char> text = stackalloc char[8];
        Two(text, 0, (int)(secondsOfDay / 3600 % 24));
        text[2] = ':';
        Two(text, 3, (int)(secondsOfDay / 60 % 60));
        text[5] = ':';
        Two(text, 6, (int)(secondsOfDay % 60));
        return new string(text);
    }

    private static void Two(Span<char> text, int at, int value)
    {
        text[at] = (char)('0' + value / 10);
        text[at + 1] = (char)('0' + value % 10);
    }
}
