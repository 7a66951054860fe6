using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// Reads the serial log of the benchmark boot and of the timeline boot into rows:
/// <c>bench: name (what) = value unit (Linux row value)</c> lines (the kernel's table first, then
/// ring 3's, each opened by "bench: start"), and the kernel's <c>timeline:</c> and <c>memory:</c> lines.
/// </summary>
public static class BenchLogParser
{
    private static readonly Regex s_benchLine = new(
        @"^bench: (?<name>.+?) = (?<value>\d+(?:\.\d+)?)\s*(?<unit>.*?)(?: \(Linux (?<linuxRow>\w+) (?<linuxValue>\d+)\))?$");
    private static readonly Regex s_timelineLine = new(
        @"^timeline: kernel entry (?<entry>\d+) ticks, first ring-3 instruction (?<ring3>\d+) ticks, shell prompt (?<prompt>\d+) ticks");
    private static readonly Regex s_footprintLine = new(@"^memory: kernel footprint at the prompt (?<kib>\d+) KiB \((?<what>.*)\)(?<rest>.*)$");

    /// <summary>The rows of the benchmark boot's log, kernel and ring 3.</summary>
    public static List<BenchRow> ParseBench(IEnumerable<string> lines)
    {
        var rows = new List<BenchRow>();
        var keys = new HashSet<string>();
        int tables = 0;
        foreach (string raw in lines)
        {
            string line = Clean(raw);
            if (line == "bench: start" || line.StartsWith("bench: start ("))
                tables++;
            Match match = s_benchLine.Match(line);
            if (!match.Success)
                continue;
            string source = tables <= 1 ? "kernel" : "ring3";
            SplitName(match.Groups["name"].Value, out string key, out string description);
            if (!keys.Add(key))
                keys.Add(key = key + "_" + source);
            var row = new BenchRow(key, description, Number(match.Groups["value"].Value), Unit(match.Groups["unit"].Value), source);
            if (match.Groups["linuxRow"].Success)
                row = row with { LinuxRow = match.Groups["linuxRow"].Value, LinuxValue = Number(match.Groups["linuxValue"].Value) };
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The boot timeline and the kernel's footprint from a normal boot's log (none when the lines are missing).</summary>
    public static List<BenchRow> ParseTimeline(IEnumerable<string> lines)
    {
        var rows = new List<BenchRow>();
        foreach (string raw in lines)
        {
            string line = Clean(raw);
            Match timeline = s_timelineLine.Match(line);
            if (timeline.Success)
            {
                double entry = Number(timeline.Groups["entry"].Value);
                double ring3 = Number(timeline.Groups["ring3"].Value);
                double prompt = Number(timeline.Groups["prompt"].Value);
                rows.Add(new BenchRow("boot_kernel_entry", "TSC at kernel entry: firmware and GRUB (loading the ISO's modules)", entry, "ticks", "boot"));
                rows.Add(new BenchRow("boot_first_ring3", "TSC when the first ring-3 instruction runs, firmware and GRUB included", ring3, "ticks", "boot"));
                rows.Add(new BenchRow("boot_kernel_to_ring3", "kernel entry to the first ring-3 instruction: the kernel's own part", ring3 - entry, "ticks", "boot"));
                rows.Add(new BenchRow("boot_shell_prompt", "TSC when the shell prints its first prompt", prompt, "ticks", "boot"));
            }
            Match footprint = s_footprintLine.Match(line);
            if (footprint.Success)
                rows.Add(new BenchRow("memory_kernel_footprint", "the kernel's memory at the prompt: " + footprint.Groups["what"].Value,
                    Number(footprint.Groups["kib"].Value), "KiB", "boot"));
        }
        return rows;
    }

    // "ctx_switch (two processes, per switch)" -> "ctx_switch", "two processes, per switch";
    // "file_read_seq_disk throughput" -> "file_read_seq_disk_throughput".
    private static void SplitName(string name, out string key, out string description)
    {
        int open = name.IndexOf(" (");
        description = open >= 0 && name.EndsWith(")") ? name.Substring(open + 2, name.Length - open - 3) : "";
        string head = open >= 0 && name.EndsWith(")") ? name.Substring(0, open) : name;
        var builder = new StringBuilder();
        foreach (char c in head.ToLowerInvariant())
        {
            bool word = char.IsAsciiLetterOrDigit(c);
            if (word)
                builder.Append(c);
            else if (c == '_' || builder.Length > 0 && builder[^1] != '_')
                builder.Append('_');
        }
        key = builder.ToString().Trim('_');
    }

    // The serial log carries the console's colours and carriage returns.
    private static string Clean(string line) => Regex.Replace(line, @"\x1b\[[0-9;?]*[A-Za-z]", "").Trim('\r', '\n', ' ');

    private static string Unit(string text) => text.Trim().Length == 0 ? "count" : text.Trim();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
