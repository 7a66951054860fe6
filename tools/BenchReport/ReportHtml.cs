using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// out/bench/report.html: the cost table for a reader, one row per figure, with a bar for the ratio
/// to Linux (the grey line at 1 is Linux, the green mark the floor) on a log scale from 1/100 to 10.
/// </summary>
public static class ReportHtml
{
    private const double BarWidth = 320;
    private const double MinRatio = 0.01;
    private const double MaxRatio = 10;

    public static string Write(IReadOnlyList<BenchRow> rows, LinuxBaseline linux, string generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CosmosHybrid cost table</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}.better{color:#060}.worse{color:#a00}</style></head><body>\n")
            .Append("<h1>CosmosHybrid cost table</h1>\n<p>").Append(Encode(ResultsJson.Conditions)).Append(". Linux: ")
            .Append(Encode(linux.Conditions)).Append(". Generated ").Append(Encode(generatedAt)).Append(".</p>\n")
            .Append("<p>Bar: CosmosHybrid / Linux on a log scale (1/100 … 10); grey line: Linux; green mark: the floor (goal).</p>\n")
            .Append("<table><tr><th>row</th><th>what</th><th>value</th><th>unit</th><th>Linux</th><th>ratio</th><th>floor</th><th></th></tr>\n");
        foreach (BenchRow row in rows)
        {
            html.Append("<tr><td><code>").Append(Encode(row.Key)).Append("</code></td><td>").Append(Encode(row.Description))
                .Append("</td><td class=\"n\">").Append(Format(row.Value)).Append("</td><td>").Append(Encode(row.Unit)).Append("</td><td class=\"n\">");
            if (row.LinuxRow != null)
                html.Append(Format(row.LinuxValue)).Append(" <small>(").Append(Encode(row.LinuxRow)).Append(")</small>");
            html.Append("</td><td class=\"n\">");
            if (row.RatioToLinux is double ratio)
                html.Append("<span class=\"").Append(ratio <= 1 ? "better" : "worse").Append("\">").Append(ratio.ToString("0.00", CultureInfo.InvariantCulture)).Append("</span>");
            html.Append("</td><td class=\"n\">").Append(row.Goal > 0 ? Format(row.Goal) : "").Append("</td><td>").Append(Bar(row)).Append("</td></tr>\n");
        }
        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static string Bar(BenchRow row)
    {
        if (row.RatioToLinux is not double ratio)
            return "";
        var svg = new StringBuilder();
        svg.Append("<svg width=\"").Append(Px(BarWidth)).Append("\" height=\"14\" role=\"img\"><title>")
            .Append(ratio.ToString("0.00", CultureInfo.InvariantCulture)).Append(" x Linux</title>")
            .Append("<rect x=\"0\" y=\"2\" height=\"10\" width=\"").Append(Px(Position(ratio))).Append("\" fill=\"")
            .Append(ratio <= 1 ? "#4a4" : "#c44").Append("\"/>")
            .Append("<line x1=\"").Append(Px(Position(1))).Append("\" x2=\"").Append(Px(Position(1))).Append("\" y1=\"0\" y2=\"14\" stroke=\"#888\"/>");
        if (row.Goal > 0)
        {
            double goal = Position(row.Goal / row.LinuxValue);
            svg.Append("<line x1=\"").Append(Px(goal)).Append("\" x2=\"").Append(Px(goal)).Append("\" y1=\"0\" y2=\"14\" stroke=\"#070\" stroke-width=\"3\"/>");
        }
        return svg.Append("</svg>").ToString();
    }

    // Log scale: MinRatio at 0, MaxRatio at BarWidth.
    private static double Position(double ratio)
    {
        double clamped = System.Math.Clamp(ratio, MinRatio, MaxRatio);
        return BarWidth * System.Math.Log(clamped / MinRatio) / System.Math.Log(MaxRatio / MinRatio);
    }

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString(value == System.Math.Floor(value) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text ?? "");
}
