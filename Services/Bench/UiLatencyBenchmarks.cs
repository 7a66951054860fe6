using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Keystroke to glyph through the real programs: bench starts `ui terminal latency` on the boot
/// framebuffer (as init would, with the name `ui` reserved and the device handed over), waits for
/// the terminal's shell, then sends key presses to `ui`'s port as the input bridge does (with the
/// control key it named on ui's command line, as the spawner may: see UiControlKey). ui takes
/// each key, sends it to the terminal, which writes it to the shell, which echoes it; the terminal
/// draws the cell and sends Damage; ui copies and composites. ui's KeyLatencyProbe prints the ticks
/// from taking the key to the composite's end into a pipe bench reads. Not in it: the interrupt and
/// the input driver (irq_to_ring3_driver above, and `input debug`'s figure).
/// </summary>
internal static unsafe class UiLatencyBenchmarks
{
    private const int Keys = 7;
    private const long Authority = StartupHandles.RootAuthority;
    private const string Prefix = "ui: key to screen ";
    private const string GaveUp = "bench: gave up waiting for ui";
    private const int WatchdogMilliseconds = 120_000;

    private static long s_writeEnd;
    private static volatile bool s_finished;
    private static ulong s_controlKey;

    public static void Run()
    {
        long device = OpenFramebuffer();
        long reservation = device < 0 ? -1 : SyscallPorts.Instance.Reserve(Authority, "ui");
        if (device < 0 || reservation < 0 || StreamCalls.CreatePipe(out long readEnd, out long writeEnd) < 0)
        {
            System.Console.WriteLine("bench: ui key latency skipped (no framebuffer, name or pipe)");
            return;
        }
        var handles = new[]
        {
            new SpawnHandle { Handle = 0, Rights = HandleRights.None },
            new SpawnHandle { Handle = writeEnd, Rights = HandleRights.StreamWrite | HandleRights.Transfer },
            new SpawnHandle { Handle = writeEnd, Rights = HandleRights.StreamWrite | HandleRights.Transfer },
            new SpawnHandle { Handle = 0, Rights = HandleRights.None },
            new SpawnHandle { Handle = reservation, Rights = HandleRights.Transfer },
            new SpawnHandle { Handle = device, Rights = (HandleRights)(-1L) },
        };
        s_controlKey = Benchmarks.ReadTimestamp() * 0x9E37_79B9_7F4A_7C15 | 1;
        long ui = ProcessCalls.Spawn("ui terminal latency controlkey=" + s_controlKey.ToString(), handles);
        // Bench keeps its write end for the watchdog: a measurement that never comes must not hang the bench boot.
        s_writeEnd = writeEnd;
        UserThread.Start(&Watchdog, 0);
        if (ui < 0 || !WaitForTerminalShell())
        {
            s_finished = true;
            System.Console.WriteLine("bench: ui key latency skipped (ui or its terminal did not start)");
            if (ui > 0)
                ProcessCalls.Kill(ui);
            return;
        }
        long port = SyscallPorts.Instance.Lookup("ui");
        var samples = new ulong[Keys];
        var line = new byte[256];
        int count = 0;
        for (int i = 0; i < Keys && port > 0; i++)
        {
            // x pressed and released, as the bridge forwards a key (the shell echoes x).
            SendKey(port, pressed: true);
            ulong ticks = ReadTicks(readEnd, line);
            SendKey(port, pressed: false);
            if (ticks == 0)
                break;
            samples[count++] = ticks;
        }
        s_finished = true;
        ProcessCalls.Kill(ui);
        ProcessCalls.Wait(ui, out _);
        if (count == 0)
        {
            System.Console.WriteLine("bench: ui key latency: no measurement came back");
            return;
        }
        var taken = new ulong[count];
        for (int i = 0; i < count; i++)
            taken[i] = samples[i];
        Benchmarks.Report("ui_key_to_screen (ui takes a key .. terminal, shell echo, terminal, ui composite; " + count.ToString() + " keys)",
            Benchmarks.Median(taken), "ticks");
    }

    private static void SendKey(long port, bool pressed)
    {
        byte* x = stackalloc byte[1];
        x[0] = (byte)'x';
        IpcMessage message = InputFeed.Key(0x2D, pressed, UiModifiers.None, new System.ReadOnlySpan<byte>(x, pressed ? 1 : 0));
        ulong key = s_controlKey;
        UiControlKey.Attach(ref message, &key);
        SyscallPorts.Instance.Send(port, ref message, -1);
    }

    /// <summary>The next "ui: key to screen N ticks" line from ui's output (other lines are skipped); 0 at its end.</summary>
    private static ulong ReadTicks(long readEnd, byte[] line)
    {
        while (true)
        {
            int length = 0;
            while (true)
            {
                byte b;
                if (StreamCalls.Read(readEnd, &b, 1) != 1)
                    return 0;
                if (b == (byte)'\n')
                    break;
                if (length < line.Length)
                    line[length++] = b;
            }
            string text = Utf8.GetStringLenient(new System.ReadOnlySpan<byte>(line, 0, length));
            if (text == GaveUp)
                return 0;
            if (!text.StartsWith(Prefix))
            {
                System.Console.WriteLine("bench: (ui said) " + text);
                continue;
            }
            ulong ticks = 0;
            for (int i = Prefix.Length; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
                ticks = ticks * 10 + (ulong)(text[i] - '0');
            return ticks;
        }
    }

    /// <summary>Ends a wait for ui's output that would otherwise last forever (ui hung or died without its line).</summary>
    private static void Watchdog(ulong unused)
    {
        for (int waited = 0; waited < WatchdogMilliseconds && !s_finished; waited += 500)
            ProcessCalls.Sleep(500);
        if (s_finished)
            return;
        byte[] line = Utf8.GetBytes(GaveUp + "\n");
        StreamCalls.Write(s_writeEnd, line, 0, line.Length);
    }

    /// <summary>True once a process named shell runs (the terminal's; init does not run under bench) and has had time to print its prompt.</summary>
    private static bool WaitForTerminalShell()
    {
        var records = new ProcessInfo[64];
        for (int attempt = 0; attempt < 300; attempt++)
        {
            ProcessCalls.Sleep(100);
            long count = ProcessCalls.List(records);
            for (int i = 0; i < count && i < records.Length; i++)
            {
                if (records[i].State == (long)ProcessState.Running && NameIs(ref records[i], "shell"))
                {
                    ProcessCalls.Sleep(1000);
                    return true;
                }
            }
        }
        return false;
    }

    private static bool NameIs(ref ProcessInfo record, string name)
    {
        fixed (byte* bytes = record.Name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                if (bytes[i] != (byte)name[i])
                    return false;
            }
            return name.Length == ProcessInfo.NameCapacity || bytes[name.Length] == 0;
        }
    }

    private static long OpenFramebuffer()
    {
        DeviceInfo[] devices = DeviceCalls.List();
        for (int i = 0; i < devices.Length; i++)
        {
            if (devices[i].Kind == DeviceKind.Framebuffer)
                return DeviceCalls.Open(Authority, devices[i].Index);
        }
        return -1;
    }
}
