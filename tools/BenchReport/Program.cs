using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CosmosHybrid.Tools.BenchReport;

// ./build.sh bench, after the benchmark boot:
//   BenchReport BENCH_LOG LINUX_BASELINE ISO OUT_DIR [--no-boots]
// boots ISO once for the boot timeline and the kernel's footprint, bisects -m for the smallest memory that
// boots to a working shell, and with the network and window services up as well (not with --no-boots), then writes OUT_DIR/results.json and OUT_DIR/report.html.
// The benchmark boot's own timeline lines are not used: the kernel's benchmarks run there before ring 3 starts.
//   BenchReport --timeline ISO
// (./build.sh timeline) only the timeline boot: prints the boot rows and the footprint, writes nothing.
if (args.Length == 2 && args[0] == "--timeline")
{
    bool booted = ShellBootProbe.Boot(args[1], 512, out string log, kernelTimeout: TimeSpan.FromMinutes(5));
    List<BenchRow> bootRows = BenchLogParser.ParseTimeline(log.Split('\n'));
    foreach (BenchRow row in bootRows)
        Console.WriteLine($"bench-report: {row.Key} {row.Value:N0} {row.Unit} ({row.Description})");
    if (booted && bootRows.Count > 0)
        return 0;
    Console.WriteLine("bench-report: the timeline boot did not reach a working shell:\n" + log);
    return 1;
}
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: BenchReport BENCH_LOG LINUX_BASELINE ISO OUT_DIR [--no-boots]");
    return 2;
}
string benchLog = args[0], baselinePath = args[1], iso = args[2], outDir = args[3];
bool memoryBoots = !args.Contains("--no-boots");

var linux = LinuxBaseline.Parse(File.ReadAllLines(baselinePath));
string[] benchLines = File.ReadAllLines(benchLog);
var rows = BenchLogParser.ParseBench(benchLines);

Console.WriteLine("bench-report: boot timeline (one boot to the shell, -m 512)");
bool timelineBoot = ShellBootProbe.Boot(iso, 512, out string timelineLog);
File.WriteAllText(Path.Combine(outDir, "timeline.log"), timelineLog);
List<BenchRow> timeline = BenchLogParser.ParseTimeline(timelineLog.Split('\n'));
if (!timelineBoot || timeline.Count == 0)
    Console.WriteLine("bench-report: the timeline boot did not reach a working shell (see timeline.log)");
rows.AddRange(timeline);

if (memoryBoots)
{
    // Every boot module GRUB loaded at 512 MiB must be there at the floor too.
    string modules = System.Text.RegularExpressions.Regex.Match(timelineLog, @"modules: \d+ ").Value;
    Console.WriteLine($"bench-report: smallest -m that boots to a working shell with all modules ({modules.Trim()}; bisecting 8..512 MiB)");
    int? floor = MemoryFloorSearch.Find(8, 512, memory =>
    {
        bool works = ShellBootProbe.Boot(iso, memory, out string log, modules.Length > 0 ? modules : null);
        Console.WriteLine($"bench-report:   -m {memory}: {(works ? "working shell" : "no working shell")}");
        if (!works)
            File.WriteAllText(Path.Combine(outDir, $"memory-{memory}.log"), log);
        return works;
    });
    if (floor is int megabytes)
        rows.Add(new BenchRow("memory_smallest_boot", "smallest -m with which the ISO boots, every boot module loaded, to a working shell (`" + ShellBootProbe.Command + "`)",
            megabytes, "MiB", "boot"));

    // The same with the network and window services up: an e1000 on a slirp that reaches nothing outside.
    // They only add to what the shell needs, so the search starts below the shell's floor.
    Console.WriteLine($"bench-report: smallest -m with e1000, net and ui up as well ({ShellBootProbe.ServicesCheck})");
    int? servicesFloor = MemoryFloorSearch.Find(Math.Max(8, (floor ?? 9) - 1), 512, memory =>
    {
        bool works = ShellBootProbe.BootWithServices(iso, memory, out string log, modules.Length > 0 ? modules : null);
        Console.WriteLine($"bench-report:   -m {memory}: {(works ? "services up and a working shell" : "not all up")}");
        if (!works)
            File.WriteAllText(Path.Combine(outDir, $"memory-services-{memory}.log"), log);
        return works;
    });
    if (servicesFloor is int servicesMegabytes)
        rows.Add(new BenchRow("memory_smallest_boot_services", "smallest -m with which the ISO boots as memory_smallest_boot does and, with an e1000, "
            + ShellBootProbe.ServicesCheck, servicesMegabytes, "MiB", "boot"));
}

List<BenchRow> table = CostTable.Compare(rows, linux);
string generated = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'");
File.WriteAllText(Path.Combine(outDir, "results.json"), ResultsJson.Write(table, linux, generated));
File.WriteAllText(Path.Combine(outDir, "report.html"), ReportHtml.Write(table, linux, generated));
Console.WriteLine(MarkdownTable.Write(table));
Console.WriteLine($"bench-report: {table.Count} rows in {Path.Combine(outDir, "results.json")} and report.html");
return 0;
