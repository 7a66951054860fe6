using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.SystemMonitor.Monitor;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.SystemMonitor;

public class LoadSamplerTests
{
    private static unsafe ProcessInfo Process(long pid, string name, long cpuMs, long pages = 10, ProcessState state = ProcessState.Running)
    {
        var record = new ProcessInfo { ProcessId = pid, State = (long)state, CpuMilliseconds = cpuMs, MemoryPages = pages };
        for (int i = 0; i < name.Length; i++)
            record.Name[i] = (byte)name[i];
        return record;
    }

    [Test]
    public void TheFirstSampleHasNoIntervalSoEveryShareIsZero()
    {
        var sampler = new LoadSampler();
        var loads = new ProcessLoad[4];
        int count = sampler.Sample(new[] { Process(1, "init", 500), Process(4, "shell", 900) }, 2, 10_000, 4096, loads, out int total);
        Assert.That(count, Is.EqualTo(2));
        Assert.That(total, Is.Zero);
        Assert.That(loads[0].CpuPermille, Is.Zero);
        Assert.That(loads[0].ProcessId, Is.EqualTo(1), "equal shares: lower pid first");
        Assert.That(loads[0].Name, Is.EqualTo("init"));
        Assert.That(loads[0].MemoryKiB, Is.EqualTo(40));
    }

    [Test]
    public void SharesAreCpuTimeGainedOverTheIntervalHighestFirst()
    {
        var sampler = new LoadSampler();
        var loads = new ProcessLoad[4];
        sampler.Sample(new[] { Process(1, "init", 500), Process(4, "shell", 900), Process(5, "ui", 100) }, 3, 10_000, 4096, loads, out _);

        // One second later: ui used 250 ms, the shell 50 ms, init nothing; a new process 7 used 100 ms since it started.
        int count = sampler.Sample(new[] { Process(1, "init", 500), Process(4, "shell", 950), Process(5, "ui", 350), Process(7, "terminal", 100) },
            4, 11_000, 4096, loads, out int total);
        Assert.That(count, Is.EqualTo(4));
        Assert.That(total, Is.EqualTo(400), "400 of 1000 ms busy");
        Assert.That(new[] { loads[0].ProcessId, loads[1].ProcessId, loads[2].ProcessId, loads[3].ProcessId }, Is.EqualTo(new long[] { 5, 7, 4, 1 }));
        Assert.That(new[] { loads[0].CpuPermille, loads[1].CpuPermille, loads[2].CpuPermille, loads[3].CpuPermille }, Is.EqualTo(new[] { 250, 100, 50, 0 }));
    }

    [Test]
    public void EndedProcessesAreLeftOutAndSharesNeverPassOneCpu()
    {
        var sampler = new LoadSampler();
        var loads = new ProcessLoad[4];
        sampler.Sample(new[] { Process(3, "busy", 0) }, 1, 1_000, 4096, loads, out _);
        int count = sampler.Sample(new[] { Process(3, "busy", 5_000), Process(9, "gone", 10, state: ProcessState.Exited) }, 2, 2_000, 4096, loads, out int total);
        Assert.That(count, Is.EqualTo(1));
        Assert.That(loads[0].CpuPermille, Is.EqualTo(1000));
        Assert.That(total, Is.EqualTo(1000));
    }

    [Test]
    public void MoreProcessesThanLoadsFillTheLoadsAndCountTheRestInTheTotal()
    {
        var sampler = new LoadSampler();
        var loads = new ProcessLoad[1];
        sampler.Sample(new[] { Process(1, "a", 0), Process(2, "b", 0) }, 2, 0, 4096, loads, out _);
        int count = sampler.Sample(new[] { Process(1, "a", 100), Process(2, "b", 300) }, 2, 1_000, 4096, loads, out int total);
        Assert.That(count, Is.EqualTo(1));
        Assert.That(total, Is.EqualTo(400));
    }

    [Test]
    public void HistoryKeepsTheNewestSamplesOldestFirst()
    {
        var history = new LoadHistory(3);
        history.Add(100);
        Assert.That(history.Count, Is.EqualTo(1));
        Assert.That(history[0], Is.EqualTo(100));
        history.Add(200);
        history.Add(300);
        history.Add(2000);
        Assert.That(history.Count, Is.EqualTo(3));
        Assert.That(new[] { history[0], history[1], history[2] }, Is.EqualTo(new[] { 200, 300, 1000 }), "clamped to 1000");
    }
}
