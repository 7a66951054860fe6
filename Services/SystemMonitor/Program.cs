using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.SystemMonitor.Monitor;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Host;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// `sysmon`: a window of the window server with the CPU and memory over time and the processes by
/// CPU share, from ListProcesses, GetMemoryInfo and the uptime, once a second until its close button.
/// </summary>
internal static unsafe class Program
{
    private const int IntervalMilliseconds = 1000;
    private const int MaxProcesses = 64;

    public static int Main(string arguments)
    {
        UiError error = UiConnection.Connect(SyscallPorts.Instance, out UiConnection connection);
        if (error != UiError.None)
        {
            System.Console.WriteLine("sysmon: no window server (" + ((int)error).ToString() + ")");
            return 1;
        }
        long buffer = SystemCall.Call(SyscallNumber.MapMemory, ClientWindow.BufferPages(MonitorView.Width, MonitorView.Height));
        if (buffer <= 0)
        {
            System.Console.WriteLine("sysmon: out of memory");
            return 1;
        }
        Pf2Font font = FontFile.Load();
        IGlyphSource glyphs = font != null ? new Pf2Glyphs(font) : null;

        var sampler = new LoadSampler();
        var records = new ProcessInfo[MaxProcesses];
        var loads = new ProcessLoad[MaxProcesses];
        var cpu = new LoadHistory(MonitorView.PlotSamples);
        var memory = new LoadHistory(MonitorView.PlotSamples);
        var canvas = new Canvas((uint*)buffer, MonitorView.Width, MonitorView.Height);
        Refresh(canvas, glyphs, sampler, records, loads, cpu, memory);
        error = connection.CreateWindow((uint*)buffer, MonitorView.Width, MonitorView.Height, "System monitor", out ClientWindow window);
        if (error != UiError.None)
        {
            System.Console.WriteLine("sysmon: cannot open a window (" + ((int)error).ToString() + ")");
            return 1;
        }
        System.Console.WriteLine("sysmon: window " + window.Id.ToString() + " open");
        long next = ProcessCalls.UptimeMilliseconds + IntervalMilliseconds;
        while (true)
        {
            long wait = next - ProcessCalls.UptimeMilliseconds;
            if (wait > 0 && connection.NextEvent(out UiEvent uiEvent, wait))
            {
                if (uiEvent.Kind == UiEventKind.Close)
                    break;
                continue;
            }
            if (wait > 0 && connection.LastPortResult != -(long)SyscallError.TimedOut)
                return 1; // the server is gone
            next += IntervalMilliseconds;
            Refresh(window.Canvas, glyphs, sampler, records, loads, cpu, memory);
            if (connection.Damage(window, window.Canvas.Bounds) == UiError.NotConnected)
                return 1;
        }
        connection.DestroyWindow(window);
        connection.Disconnect();
        return 0;
    }

    private static void Refresh(Canvas canvas, IGlyphSource glyphs, LoadSampler sampler, ProcessInfo[] records, ProcessLoad[] loads,
        LoadHistory cpu, LoadHistory memory)
    {
        long listed = ProcessCalls.List(records);
        int count = listed < 0 ? 0 : listed > records.Length ? records.Length : (int)listed;
        ProcessCalls.GetMemoryInfo(out MemoryInfo info);
        long pageSize = info.PageSize > 0 ? info.PageSize : 4096;
        int shown = sampler.Sample(records, count, ProcessCalls.UptimeMilliseconds, pageSize, loads, out int cpuPermille);
        long totalKiB = info.TotalPages * pageSize / 1024, usedKiB = (info.TotalPages - info.FreePages) * pageSize / 1024;
        cpu.Add(cpuPermille);
        memory.Add(totalKiB > 0 ? (int)(usedKiB * 1000 / totalKiB) : 0);
        MonitorView.Draw(canvas, glyphs, cpuPermille, usedKiB, totalKiB, cpu, memory, loads, shown);
    }
}
