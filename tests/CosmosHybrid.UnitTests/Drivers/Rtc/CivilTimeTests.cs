using System;
using CosmosHybrid.Drivers.Rtc;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Rtc;

/// <summary>Calendar arithmetic of the real-time clock against .NET's DateTimeOffset.</summary>
[TestFixture]
public class CivilTimeTests
{
    [TestCase(1970, 1, 1, 0, 0, 0, 0L)]
    [TestCase(2000, 2, 29, 12, 0, 0, 951825600L)]
    [TestCase(2026, 11, 21, 7, 30, 15, 1795246215L)]
    [TestCase(1980, 1, 1, 0, 0, 0, 315532800L)]
    public void KnownDates(int year, int month, int day, int hour, int minute, int second, long seconds)
    {
        Assert.That(new CivilTime(year, month, day, hour, minute, second).ToUnixSeconds(), Is.EqualTo(seconds));
        CivilTime back = CivilTime.FromUnixSeconds(seconds);
        Assert.That((back.Year, back.Month, back.Day, back.Hour, back.Minute, back.Second), Is.EqualTo((year, month, day, hour, minute, second)));
    }

    [Test]
    public void RoundTripsMatchDotNet()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            long seconds = (long)(random.NextDouble() * 8_000_000_000L) - 1_000_000_000L;
            DateTimeOffset expected = DateTimeOffset.FromUnixTimeSeconds(seconds);
            CivilTime actual = CivilTime.FromUnixSeconds(seconds);
            Assert.That((actual.Year, actual.Month, actual.Day, actual.Hour, actual.Minute, actual.Second),
                Is.EqualTo((expected.Year, expected.Month, expected.Day, expected.Hour, expected.Minute, expected.Second)), seconds.ToString());
            Assert.That(actual.ToUnixSeconds(), Is.EqualTo(seconds));
        }
    }
}
