using CosmosHybrid.Services.SystemMonitor.Monitor;
using CosmosHybrid.Services.UI.Client;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.SystemMonitor;

public class MonitorViewTests
{
    [Test]
    public unsafe void PlotsDrawABarPerSampleNewestAtTheRightAsHighAsItsShare()
    {
        var pixels = new uint[MonitorView.Width * MonitorView.Height];
        var cpu = new LoadHistory(MonitorView.PlotSamples);
        var memory = new LoadHistory(MonitorView.PlotSamples);
        cpu.Add(0);
        cpu.Add(1000);   // the newest: a full bar
        memory.Add(500); // half
        fixed (uint* p = pixels)
            MonitorView.Draw(new Canvas(p, MonitorView.Width, MonitorView.Height), null, 1000, 100, 200, cpu, memory, new ProcessLoad[0], 0);

        uint At(int x, int y) => pixels[y * MonitorView.Width + x];
        var c = MonitorView.CpuPlot;
        int newest = c.X + c.Width - 3, older = newest - 2;
        Assert.That(At(c.X, c.Y), Is.EqualTo(MonitorView.PlotFrame), "frame corner");
        Assert.That(At(newest, c.Y + 1), Is.EqualTo(MonitorView.CpuColor), "100%: the bar reaches the top");
        Assert.That(At(newest, c.Y + c.Height - 2), Is.EqualTo(MonitorView.CpuColor), "and the bottom");
        Assert.That(At(older, c.Y + c.Height - 2), Is.EqualTo(MonitorView.PlotBackground), "0%: no bar");
        Assert.That(At(c.X + 2, c.Y + c.Height / 2), Is.EqualTo(MonitorView.PlotBackground), "no samples that far back");

        var m = MonitorView.MemoryPlot;
        int column = m.X + m.Width - 3, inner = m.Height - 2;
        Assert.That(At(column, m.Y + 1 + inner / 2 + 1), Is.EqualTo(MonitorView.MemoryColor), "50%: the lower half");
        Assert.That(At(column, m.Y + 1 + inner / 2 - 2), Is.EqualTo(MonitorView.PlotBackground), "and not above it");
        Assert.That(At(2, MonitorView.Height - 2), Is.EqualTo(MonitorView.Background));
    }

    [Test]
    public void PercentShowsTenths()
    {
        Assert.That(MonitorView.Percent(125), Is.EqualTo("12.5%"));
        Assert.That(MonitorView.Percent(1000), Is.EqualTo("100.0%"));
        Assert.That(MonitorView.Percent(0), Is.EqualTo("0.0%"));
    }
}
