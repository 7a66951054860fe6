using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>The rows that have a Linux figure or a floor, and the boot rows, as the Markdown table the README shows.</summary>
public static class MarkdownTable
{
    public static string Write(IEnumerable<BenchRow> rows)
    {
        var text = new StringBuilder("| row | CosmosHybrid | Linux 6.1 | ratio | floor |\n|---|---:|---:|---:|---:|\n");
        foreach (BenchRow row in rows)
        {
            if (row.LinuxRow == null && row.Goal == 0 && row.Source != "boot")
                continue;
            text.Append("| ").Append(row.Key).Append(" | ").Append(Format(row.Value)).Append(' ').Append(row.Unit).Append(" | ")
                .Append(row.LinuxRow == null ? "" : Format(row.LinuxValue) + " (" + row.LinuxRow + ")").Append(" | ")
                .Append(row.RatioToLinux is double ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "").Append(" | ")
                .Append(row.Goal > 0 ? Format(row.Goal) : "").Append(" |\n");
        }
        return text.ToString();
    }

    private static string Format(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
