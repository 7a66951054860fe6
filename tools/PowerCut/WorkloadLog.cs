using System;
using System.Collections.Generic;
using System.Globalization;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>
/// What the guest's <c>usertest powercut</c> printed before the cut: the last completed sync's
/// state and every operation announced after it. Only whole lines count: a line the cut
/// interrupted is ignored, which is the cautious reading (an interrupted "synced" line leaves
/// the previous state and more operations after it).
/// </summary>
public sealed class WorkloadLog
{
    private const string Prefix = "powercut: ";

    /// <summary>True once the workload's start line was seen.</summary>
    public bool Started { get; private set; }

    /// <summary>Number of the last completed sync (0: none yet, nothing is promised).</summary>
    public int Generation { get; private set; }

    /// <summary>The files the last completed sync promised.</summary>
    public List<SyncedFile> Synced { get; } = new();

    /// <summary>Operations announced after the last completed sync (the one the cut hit included).</summary>
    public List<WorkloadOperation> After { get; } = new();

    /// <summary>Operations announced in all.</summary>
    public int Operations { get; private set; }

    /// <summary>The workload's own failure line (its model disagreed with the disk before the cut), or null.</summary>
    public string Failure { get; private set; }

    public static WorkloadLog Parse(string serial)
    {
        var log = new WorkloadLog();
        int end = serial.LastIndexOf('\n');
        if (end < 0)
        {
            return log;
        }

        foreach (string raw in serial.Substring(0, end).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int at = line.IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            log.Read(line.Substring(at + Prefix.Length));
        }

        return log;
    }

    private void Read(string text)
    {
        if (text.StartsWith("start ", StringComparison.Ordinal))
        {
            Started = true;
        }
        else if (text.StartsWith("FAILED", StringComparison.Ordinal))
        {
            Failure = text;
        }
        else if (text.StartsWith("synced ", StringComparison.Ordinal))
        {
            string[] parts = text.Substring("synced ".Length).Split('|');
            Generation = int.Parse(parts[0], CultureInfo.InvariantCulture);
            Synced.Clear();
            After.Clear();
            for (int i = 1; i < parts.Length; i++)
            {
                string[] fields = parts[i].Split('*');
                Synced.Add(new SyncedFile(fields[0], long.Parse(fields[1], CultureInfo.InvariantCulture),
                    ulong.Parse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        }
        else if (text.StartsWith("op ", StringComparison.Ordinal))
        {
            string[] words = text.Split(' ', 4);
            string kind = words.Length > 2 ? words[2] : "";
            string names = words.Length > 3 ? words[3] : "";
            int bar = names.IndexOf('|');
            After.Add(new WorkloadOperation(int.Parse(words[1], CultureInfo.InvariantCulture), kind,
                bar < 0 ? names : names.Substring(0, bar), bar < 0 ? null : names.Substring(bar + 1)));
            Operations++;
        }
    }
}
