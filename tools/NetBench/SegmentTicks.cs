using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CosmosHybrid.Tools.NetBench;

/// <summary>
/// netbench --icount: the guest under -icount shift=0 (one time-stamp-counter tick per guest
/// instruction), a 16 MiB download from its httpd (the guest sends) and then a 16 MiB upload to it
/// (the guest receives). Before and after each, `ifconfig ticks` gives the totals the driver and
/// the stack keep (rdtsc stamps at each boundary): the driver's wake-ups (interrupt notification
/// to done, less their ring part), the shared rings (the driver's publish/take and the stack's
/// take/copy-in of frames, with notifications), the stack (protocol work and socket requests),
/// and the socket copy (the bytes between a connection's buffers and the program's). The
/// differences are divided by the full-size (1514-byte) frames of that direction, so each row is
/// what one full TCP segment costs, ACKs and wake-ups of that direction included.
/// </summary>
internal static class SegmentTicks
{
    private sealed class Sample
    {
        public readonly Dictionary<string, ulong> Values = new Dictionary<string, ulong>();
        public ulong this[string name] => Values.GetValueOrDefault(name);
    }

    public static bool TryRead(QemuGuest guest, out Dictionary<string, ulong> values, out string output)
    {
        output = guest.Shell("ifconfig ticks", TimeSpan.FromMinutes(2)) ?? "";
        values = new Dictionary<string, ulong>();
        Match line = Regex.Match(output, @"ticks (.*)");
        if (!line.Success)
            return false;
        string[] words = line.Groups[1].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i += 2)
            values[words[i]] = ulong.Parse(words[i + 1], CultureInfo.InvariantCulture);
        return values.ContainsKey("stack") && values.ContainsKey("full-tx");
    }

    /// <summary>One row per direction: ticks per full-size segment, split four ways.</summary>
    public static (string Row, double Total) Row(string name, Dictionary<string, ulong> before, Dictionary<string, ulong> after, string framesKey)
    {
        double Delta(string key) => (double)(after[key] - before[key]);
        double frames = Delta(framesKey);
        if (frames <= 0)
            return ($"| {name} | no full-size frames | | | | | |", 0);
        double driverRing = Delta("driver-ring");
        double driver = (Delta("driver") - driverRing) / frames;
        double ring = (Delta("ring") + driverRing) / frames;
        double stack = Delta("stack") / frames;
        double copy = Delta("copy") / frames;
        double total = driver + ring + stack + copy;
        return ($"| {name} | {frames:F0} | {driver:F0} | {ring:F0} | {stack:F0} | {copy:F0} | {total:F0} |", total);
    }
}
