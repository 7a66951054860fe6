using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.SystemMonitor.Monitor;

/// <summary>
/// Draws the monitor: a summary line, the CPU and memory plots (one column per sample, newest at
/// the right, a bar up to the sample's height) and the processes by CPU share.
/// </summary>
public static class MonitorView
{
    public const int Width = 420;
    public const int Height = 320;
    public const uint Background = 0x0010_1820;
    public const uint Text = 0x00E0_E0E0;
    public const uint Heading = 0x0090_B0D0;
    public const uint PlotBackground = 0x0000_0000;
    public const uint PlotFrame = 0x0050_5050;
    public const uint CpuColor = 0x0040_D060;
    public const uint MemoryColor = 0x0040_90E0;

    /// <summary>Where the plots go: two side by side below the summary line.</summary>
    public static readonly Rect CpuPlot = new Rect(8, 28, 196, 82);
    public static readonly Rect MemoryPlot = new Rect(216, 28, 196, 82);

    /// <summary>Samples a plot shows: one per inner column, two pixels each.</summary>
    public const int PlotSamples = 97;

    public const int TableTop = 122;

    public static void Draw(Canvas canvas, IGlyphSource glyphs, int cpuPermille, long usedKiB, long totalKiB,
        LoadHistory cpu, LoadHistory memory, ProcessLoad[] loads, int count)
    {
        canvas.Clear(Background);
        int line = glyphs == null ? 16 : glyphs.CellHeight;
        if (glyphs != null)
        {
            canvas.DrawText(glyphs, 8, 6, "CPU " + Percent(cpuPermille) + "   Memory " + (usedKiB / 1024).ToString() + " of "
                + (totalKiB / 1024).ToString() + " MiB", Text);
        }
        Plot(canvas, CpuPlot, cpu, CpuColor);
        Plot(canvas, MemoryPlot, memory, MemoryColor);
        if (glyphs == null)
            return;

        int y = TableTop;
        canvas.DrawText(glyphs, 8, y, Row(" PID", "NAME", "  CPU", "   MEM KiB"), Heading);
        for (int i = 0; i < count && y + 2 * line <= Height; i++)
        {
            y += line;
            canvas.DrawText(glyphs, 8, y, Row(PadLeft(loads[i].ProcessId.ToString(), 4), loads[i].Name,
                PadLeft(Percent(loads[i].CpuPermille), 5), PadLeft(loads[i].MemoryKiB.ToString(), 10)), Text);
        }
    }

    /// <summary>A bar per sample, newest at the right edge, inside a one-pixel frame.</summary>
    public static void Plot(Canvas canvas, Rect area, LoadHistory history, uint color)
    {
        canvas.FillRect(area, PlotBackground);
        canvas.DrawRect(area, PlotFrame);
        int innerHeight = area.Height - 2;
        int right = area.X + area.Width - 1;
        for (int i = history.Count - 1, column = right - 2; i >= 0 && column > area.X; i--, column -= 2)
        {
            int bar = history[i] * innerHeight / 1000;
            if (bar > 0)
                canvas.FillRect(new Rect(column, area.Y + 1 + innerHeight - bar, 2, bar), color);
        }
    }

    /// <summary>"12.5%" from 125 per mille.</summary>
    public static string Percent(int permille) => (permille / 10).ToString() + "." + (permille % 10).ToString() + "%";

    private static string Row(string pid, string name, string cpu, string memory) => pid + " " + PadRight(name, 16) + cpu + memory;

    private static string PadLeft(string text, int width)
    {
        while (text.Length < width)
            text = " " + text;
        return text;
    }

    private static string PadRight(string text, int width)
    {
        if (text.Length > width)
            return text.Substring(0, width);
        while (text.Length < width)
            text += " ";
        return text;
    }
}
