using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// out/bench/results.json (shape: results.schema.json beside this file): how the figures were taken
/// and every row with its unit, its Linux figure (row name, value, unit) where one exists, the ratio to
/// Linux and the floor.
/// </summary>
public static class ResultsJson
{
    public const string Format = "cosmoshybrid-bench/1";
    public const string Conditions = "QEMU TCG, -machine pc -cpu qemu64 -m 512 -smp 1 -icount shift=0 (one TSC tick per guest instruction)";

    public static string Write(IReadOnlyList<BenchRow> rows, LinuxBaseline linux, string generatedAt)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("generated", generatedAt);
            json.WriteString("conditions", Conditions);
            json.WriteString("linuxConditions", linux.Conditions);
            json.WriteStartArray("rows");
            foreach (BenchRow row in rows)
                WriteRow(json, row);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRow(Utf8JsonWriter json, BenchRow row)
    {
        json.WriteStartObject();
        json.WriteString("key", row.Key);
        json.WriteString("description", row.Description);
        json.WriteString("source", row.Source);
        json.WriteNumber("value", row.Value);
        json.WriteString("unit", row.Unit);
        if (row.LinuxRow != null)
        {
            json.WriteStartObject("linux");
            json.WriteString("row", row.LinuxRow);
            json.WriteNumber("value", row.LinuxValue);
            json.WriteString("unit", "ticks");
            json.WriteEndObject();
        }
        else
            json.WriteNull("linux");
        if (row.RatioToLinux is double ratio)
            json.WriteNumber("ratioToLinux", System.Math.Round(ratio, 4));
        else
            json.WriteNull("ratioToLinux");
        if (row.Goal > 0)
            json.WriteNumber("goal", row.Goal);
        else
            json.WriteNull("goal");
        json.WriteEndObject();
    }
}
