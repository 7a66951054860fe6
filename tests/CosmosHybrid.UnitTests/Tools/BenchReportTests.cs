using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CosmosHybrid.Tools.BenchReport;
using Json.Schema;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Tools;

/// <summary>
/// ./build.sh bench's results: the serial lines the kernel and the bench program print become
/// out/bench/results.json, which must match tools/BenchReport/results.schema.json, and every row
/// with a Linux figure must name its row of Services/Bench/linux-baseline.txt.
/// </summary>
public class BenchReportTests
{
    // Lines as Benchmarks.Report, BenchmarkRunner.Report and BootTimeline print them (with the console's colours).
    private static readonly string[] s_benchLog =
    {
        "\u001b[37;1mbench: start (rdtsc ticks; instructions under -icount shift=0)\u001b[0m",
        "bench: alloc_small_object (24 B, median per object) = 78 ticks",
        "bench: done",
        "bench: start (rdtsc ticks; instructions under -icount shift=0)",
        "bench: null_syscall = 116 ticks (Linux null_syscall 338)",
        "bench: ctx_switch (two processes, yield ping-pong, per switch) = 624 ticks (Linux ctx_switch 2225)",
        "bench: spawn_exit_wait_module (true from its boot module) = 90593 ticks (Linux fork_exit 161700)",
        "bench: ipc_call_rtt (register call/reply, two address spaces) = 1247 ticks (Linux pipe_rtt 12988)",
        "bench: file_read_seq_disk throughput = 58 MiB/s virtual",
        "bench: ui composite / copy floor = 322%",
        "bench: made_up_row = 5 ticks (Linux no_such_row 99)",
        "bench: echo service unavailable, IPC figures skipped",
        "bench: done",
    };

    private static readonly string[] s_timelineLog =
    {
        "timeline: kernel entry 31000000 ticks, first ring-3 instruction 95000000 ticks, shell prompt 180000000 ticks (TSC since reset)",
        "memory: kernel footprint at the prompt 40960 KiB (image 2900 KiB, boot modules 9000 KiB, heap 8192 KiB, other frames 20868 KiB); processes 9000 KiB",
    };

    // Read once: the schema library keeps schemas by their $id.
    private static readonly System.Lazy<JsonSchema> s_schema =
        new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFile("tools/BenchReport/results.schema.json"))));

    private static LinuxBaseline Baseline() => LinuxBaseline.Parse(File.ReadAllLines(RepositoryFile("Services/Bench/linux-baseline.txt")));

    private static List<BenchRow> Table()
    {
        var rows = BenchLogParser.ParseBench(s_benchLog);
        rows.AddRange(BenchLogParser.ParseTimeline(s_timelineLog));
        return CostTable.Compare(rows, Baseline());
    }

    private static JsonNode ResultsJsonOf(List<BenchRow> table) => JsonNode.Parse(ResultsJson.Write(table, Baseline(), "2026-12-06 07:00 UTC"));

    [Test]
    public void ResultsJsonMatchesItsSchema()
    {
        JsonSchema schema = s_schema.Value;
        EvaluationResults results = schema.Evaluate(Element(ResultsJsonOf(Table())), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(results.IsValid, Is.True, string.Join("; ", results.Details.Where(d => d.Errors != null)
            .SelectMany(d => d.Errors.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    [Test]
    public void TheSchemaRejectsALinuxFigureWithoutItsRowName()
    {
        JsonSchema schema = s_schema.Value;
        JsonNode json = ResultsJsonOf(Table());
        JsonObject linux = json["rows"].AsArray().Select(row => row["linux"]).OfType<JsonObject>().First();
        linux.Remove("row");
        Assert.That(schema.Evaluate(Element(json)).IsValid, Is.False);
    }

    [Test]
    public void EveryRowWithALinuxFigureNamesItsBaselineRow()
    {
        LinuxBaseline baseline = Baseline();
        JsonArray rows = ResultsJsonOf(Table())["rows"].AsArray();
        var compared = rows.Where(row => row["linux"] != null).ToList();

        Assert.That(compared.Select(row => (string)row["key"]), Is.EquivalentTo(new[]
            { "null_syscall", "ctx_switch", "spawn_exit_wait_module", "ipc_call_rtt", "boot_kernel_entry", "boot_first_ring3" }));
        foreach (JsonNode row in compared)
        {
            string name = (string)row["linux"]["row"];
            Assert.That(baseline.Figures.ContainsKey(name), Is.True, $"{row["key"]} names '{name}', which linux-baseline.txt lacks");
            Assert.That((double)row["linux"]["value"], Is.EqualTo(baseline.Figures[name]));
            Assert.That((double)row["ratioToLinux"], Is.EqualTo((double)row["value"] / baseline.Figures[name]).Within(0.0001));
        }
    }

    [Test]
    public void RowsKeepTheirUnitsDescriptionsAndSource()
    {
        List<BenchRow> table = Table();
        BenchRow alloc = table.Single(row => row.Key == "alloc_small_object");
        BenchRow throughput = table.Single(row => row.Key == "file_read_seq_disk_throughput");
        BenchRow ratio = table.Single(row => row.Key == "ui_composite_copy_floor");
        BenchRow footprint = table.Single(row => row.Key == "memory_kernel_footprint");

        Assert.That((alloc.Source, alloc.Description, alloc.Value, alloc.Unit), Is.EqualTo(("kernel", "24 B, median per object", 78.0, "ticks")));
        Assert.That((throughput.Source, throughput.Value, throughput.Unit), Is.EqualTo(("ring3", 58.0, "MiB/s virtual")));
        Assert.That((ratio.Value, ratio.Unit), Is.EqualTo((322.0, "%")));
        Assert.That((footprint.Value, footprint.Unit), Is.EqualTo((40960.0, "KiB")));
        Assert.That(table.Single(row => row.Key == "boot_kernel_to_ring3").Value, Is.EqualTo(64_000_000));
        Assert.That(table.Single(row => row.Key == "ctx_switch").Goal, Is.EqualTo(400));
    }

    [Test]
    public void ALinuxRowTheBaselineLacksGivesNoComparison()
    {
        BenchRow row = Table().Single(r => r.Key == "made_up_row");
        Assert.That((row.LinuxRow, row.RatioToLinux), Is.EqualTo(((string)null, (double?)null)));
    }

    [Test]
    public void TheReportHasARowAndABarPerComparedFigure()
    {
        List<BenchRow> table = Table();
        string html = ReportHtml.Write(table, Baseline(), "now");
        Assert.That(html.Split("<tr>").Length - 2, Is.EqualTo(table.Count));
        Assert.That(html.Split("<svg").Length - 1, Is.EqualTo(table.Count(row => row.RatioToLinux != null)));
    }

    [TestCase(37)]
    [TestCase(8)]
    [TestCase(511)]
    [TestCase(512)]
    public void TheMemoryBisectionFindsTheSmallestSizeThatBoots(int floor)
    {
        var tried = new List<int>();
        int? found = MemoryFloorSearch.Find(8, 512, megabytes => { tried.Add(megabytes); return megabytes >= floor; });
        Assert.That(found, Is.EqualTo(floor));
        Assert.That(tried.Count, Is.LessThanOrEqualTo(2 + 9), "bisection, not a scan");
    }

    [Test]
    public void TheMemoryBisectionSaysWhenNothingBoots() =>
        Assert.That(MemoryFloorSearch.Find(8, 512, _ => false), Is.Null);

    private static System.Text.Json.JsonElement Element(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;

    private static string RepositoryFile(string relative)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CosmosHybrid.sln")))
            directory = directory.Parent;
        return Path.Combine(directory!.FullName, relative);
    }
}
