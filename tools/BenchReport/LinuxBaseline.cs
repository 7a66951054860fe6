using System.Collections.Generic;
using System.Globalization;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>Services/Bench/linux-baseline.txt: <c>name=ticks</c> lines, <c>#</c> comments (the first says how Linux ran).</summary>
public sealed class LinuxBaseline
{
    public IReadOnlyDictionary<string, double> Figures { get; }
    public string Conditions { get; }

    private LinuxBaseline(Dictionary<string, double> figures, string conditions)
    {
        Figures = figures;
        Conditions = conditions;
    }

    public static LinuxBaseline Parse(IEnumerable<string> lines)
    {
        var figures = new Dictionary<string, double>();
        string conditions = "";
        foreach (string line in lines)
        {
            string text = line.Trim();
            if (text.StartsWith("# Linux"))
                conditions = text.Substring(2);
            int equals = text.IndexOf('=');
            if (text.StartsWith("#") || equals <= 0)
                continue;
            if (double.TryParse(text.Substring(equals + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                figures[text.Substring(0, equals).Trim()] = value;
        }
        return new LinuxBaseline(figures, conditions);
    }
}
