using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CosmosHybrid.Services.FaultInject.Campaign;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Service fault injection into net, e1000 and ui (issue 17), with the workload of each running
/// where a user would see it: the host downloads a file from the guest's httpd through hostfwd
/// (byte for byte) while a fault goes into net or e1000; for ui, text typed on the PS/2 keyboard
/// must appear in a terminal window (screendumps). The host asks for one fault at a time
/// (`faultinject SERVICE 1 SEED` at the serial shell, boot /etc/fault-all-services): the guest's
/// campaign injects it, pings the service's port and waits for init's restart; the host then
/// combines that with its own checks (<see cref="ClientVerdict"/>). A kernel panic or hang fails
/// at once; afterwards the service must serve, and frames and kernel heap are compared.
/// </summary>
public class ServiceFaultCampaignTests : BootTestBase
{
    private const string FaultBoot = "faultinject init=init,/etc/fault-all-services";
    private const int FileBytes = 128 * 1024;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FaultTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ServePatience = TimeSpan.FromSeconds(30);

    // The CI slices: fixed seeds, a few faults each, one boot for all three services. e1000's fault 4
    // (faultinject e1000 1 1708005128: its next 8 system calls fail) once left the network dead without
    // a restart: the driver took a failed probe of its client for the client's death, and the lost
    // release left net's Attach call open for ever. The slice keeps it as a regression test.
    private const int NetFaults = 5, DriverFaults = 5, UiFaults = 4;
    private const ulong NetSeed = 1707, DriverSeed = 1708, UiSeed = 1709;

    private byte[] _file;
    private HttpWorkload _http;
    private LoopbackHttpServer _server;
    private readonly TerminalText _text = new TerminalText();
    private int _typed;

    [TearDown]
    public void StopWorkload()
    {
        _http?.Dispose();
        _http = null;
        _server?.Dispose();
        _server = null;
    }

    [Test]
    public void FixedSeedSlicesIntoNetE1000AndUiNeverPanicAndEveryServiceServesAfterwards()
    {
        BootForCampaign();
        CheckSlice(RunCampaign("net", NetFaults, NetSeed), NetFaults);
        CheckSlice(RunCampaign("e1000", DriverFaults, DriverSeed), DriverFaults);
        CheckSlice(RunCampaign("ui", UiFaults, UiSeed), UiFaults);
        // The desktop and a terminal work, and an HTTP fetch still does.
        Assert.That(TypeAndSee(), Is.True, "typed text in the terminal after the campaigns");
        Assert.That(_http.WaitUntilServes(ServePatience), Is.True, "an HTTP fetch after the campaigns: " + _http.LastError);
    }

    /// <summary>
    /// Faults 54 and 55 of `./build.sh faultcampaign e1000 70 34`: a crash (the driver is restarted), then a flip of
    /// bit 8 of a saved RBP that the driver survives but after which it now and then misses an interrupt. The kernel
    /// keeps a delivered interrupt's device quiet until the driver acknowledges, so before the driver's sweep
    /// acknowledged too, the NIC stayed quiet and the host's downloads crawled at the sweep's pace (1-2 per fault).
    /// </summary>
    [Test]
    public void DownloadsStayQuickAfterTheRegisterFlipThatOnceLostTheDriversInterrupts()
    {
        BootForCampaign();
        int before = DownloadsIn(TimeSpan.FromSeconds(10));
        TestContext.Progress.WriteLine($"downloads of {FileBytes / 1024} KiB in 10 s before the faults: {before}");
        // The flip lands on whichever of the driver's threads enters the kernel first. After the first try the old
        // driver crawled in 8 of 12 boots (5-7 downloads in 10 s) and was slowed to 157-393 in the other 4 (against
        // 1,000-2,000 before the faults): a floor relative to the rate before catches both on a host of any speed.
        int floor = Math.Max(30, before / 4);
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            _http.Start();
            foreach (ulong seed in new ulong[] { 34000156, 34000157 })
            {
                int from = Machine.SerialLog.Length;
                Machine.SendLine("faultinject e1000 1 " + seed.ToString(CultureInfo.InvariantCulture));
                Assert.That(Machine.WaitUntil(log => log.IndexOf("faultinject: campaign finished:", Math.Min(from, log.Length), StringComparison.Ordinal) >= 0,
                    FaultTimeout), Is.True, "the fault " + seed + " ended");
            }
            _http.Stop();
            Assert.That(_http.Wrong, Is.Zero, "downloads that came back wrong while the faults ran");
            int after = DownloadsIn(TimeSpan.FromSeconds(10));
            TestContext.Progress.WriteLine($"try {attempt}: downloads in the 10 s after the faults: {after} right, {_http.Failed} failed, {_http.Wrong} wrong");
            Assert.That(after, Is.GreaterThanOrEqualTo(floor), "downloads in the 10 s after the faults, try " + attempt + " (" + before + " before them)");
            Assert.That(_http.Wrong, Is.Zero);
        }
    }

    private int DownloadsIn(TimeSpan time)
    {
        _http.Start();
        System.Threading.Thread.Sleep(time);
        _http.Stop();
        return _http.Good;
    }

    /// <summary>`./build.sh faultcampaign net|e1000|ui N SEED` runs this with FAULTCAMPAIGN_SERVICE, _FAULTS and _SEED set.</summary>
    [Test]
    public void Campaign()
    {
        string service = Environment.GetEnvironmentVariable("FAULTCAMPAIGN_SERVICE");
        if (string.IsNullOrEmpty(service))
            Assert.Ignore("the runner's campaign: ./build.sh faultcampaign net|e1000|ui N SEED");
        int faults = int.Parse(Environment.GetEnvironmentVariable("FAULTCAMPAIGN_FAULTS") ?? "20", CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(Environment.GetEnvironmentVariable("FAULTCAMPAIGN_SEED") ?? "1", CultureInfo.InvariantCulture);
        BootForCampaign();
        try
        {
            // Who holds the pages before and after: the campaign's memory line counts all processes together.
            TestContext.Progress.WriteLine("ps before the campaign:\n" + Shell("ps"));
            SliceResult result = RunCampaign(service, faults, seed);
            TestContext.Progress.WriteLine("ps after the campaign:\n" + Shell("ps"));
            // The interface's and the driver's counters, for a data path that slowed down or stopped.
            TestContext.Progress.WriteLine("ifconfig after the campaign:\n" + Shell("ifconfig"));
            TestContext.Progress.WriteLine("netstat after the campaign:\n" + Shell("netstat"));
            // Where the CPU goes once the faults are over (a service that no longer sleeps shows at the top).
            TestContext.Progress.WriteLine("prof all 2 after the campaign:\n" + Shell("prof all 2"));
            Assert.That(result.Tally.Count(FaultOutcome.NotRestarted), Is.EqualTo(0), "faults after which " + service + " did not come back");
            Assert.That(TypeAndSee(), Is.True, "typed text in the terminal after the campaign");
            Assert.That(_http.WaitUntilServes(ServePatience), Is.True, "an HTTP fetch after the campaign: " + _http.LastError);
        }
        finally
        {
            string log = Environment.GetEnvironmentVariable("FAULTCAMPAIGN_LOG");
            if (!string.IsNullOrEmpty(log))
                File.WriteAllText(log, Machine.SerialLog);
        }
    }

    private void BootForCampaign()
    {
        _server = new LoopbackHttpServer();
        _file = new byte[FileBytes];
        new Random(17).NextBytes(_file);
        _server.Add("/file.bin", _file);
        int httpForwarded = FreeLoopbackPort();
        string nic = "-nic user,model=e1000,restrict=on"
            + ",guestfwd=tcp:10.0.2.100:80-tcp:127.0.0.1:" + _server.Port
            + ",hostfwd=tcp:127.0.0.1:" + httpForwarded + "-:80";
        BootWith(FaultBoot, "pc", nic);
        ExpectMatch(@"CosmosHybrid shell \(ring 3, process \d+\)");
        ExpectMatch(@"net: 10\.0\.2\.15/24 gateway [0-9.]+ \(DHCP from 10\.0\.2\.2", Step);
        // The file httpd serves comes from the host first (guest wget through guestfwd), checked there by its hash.
        string wget = Shell("wget --sha256 http://10.0.2.100/file.bin /file.bin");
        Assert.That(wget, Does.Contain("wget: HTTP 200, " + FileBytes + " bytes"));
        Machine.SendLine("spawn httpd / 80");
        ExpectOutput("httpd: serving / on port 80", Step);
        _http = new HttpWorkload("http://127.0.0.1:" + httpForwarded + "/file.bin", _file, TimeSpan.FromSeconds(15));
        Assert.That(_http.WaitUntilServes(ServePatience), Is.True, "the host's download before the campaign: " + _http.LastError);
        // ui's terminal, with its shell's prompt.
        Assert.That(TypeAndSee(), Is.True, "typed text in the terminal before the campaign");
    }

    private sealed class SliceResult
    {
        public readonly CampaignTally Tally = new CampaignTally();
        public int NotInjected;
        /// <summary>Faults after which the client's workload did not work again within <see cref="ServePatience"/>.</summary>
        public readonly List<ulong> NotServing = new List<ulong>();
        public long FreeBefore = -1, HeldBefore, HeapBefore, LiveBefore, FreeAfter, HeldAfter, HeapAfter, LiveAfter;
    }

    private SliceResult RunCampaign(string service, int faults, ulong seed)
    {
        bool network = service == "net" || service == "e1000";
        var result = new SliceResult();
        for (int i = 0; i < faults; i++)
        {
            ulong faultSeed = seed * 1_000_003UL + (ulong)i;
            if (network)
                _http.Start();
            int from = Machine.SerialLog.Length;
            // Ctrl+U first: keys typed on the PS/2 keyboard while ui was dead went to this shell (the input driver types
            // at the console when no window server takes its keys), and a half line of them would prefix the command
            // (faultinject ui 1 35000136 ended ui after its "nothing visible": the next command ran as "chofaultinject").
            Machine.SendLine("\u0015faultinject " + service + " 1 " + faultSeed.ToString(CultureInfo.InvariantCulture));
            bool finished = Machine.WaitUntil(log => log.IndexOf("faultinject: campaign finished:", Math.Min(from, log.Length), StringComparison.Ordinal) >= 0
                || log.IndexOf("faultinject: the campaign was refused", Math.Min(from, log.Length), StringComparison.Ordinal) >= 0, FaultTimeout);
            if (network)
                _http.Stop();
            string text = Machine.SerialLog.Substring(Math.Min(from, Machine.SerialLog.Length));
            Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"), "kernel panic at fault " + i + " (faultinject " + service + " 1 " + faultSeed + ")");
            Assert.That(finished, Is.True, "no end of the campaign within " + FaultTimeout.TotalSeconds + " s: a kernel hang, or a call of the campaign that never returns (faultinject " + service + " 1 " + faultSeed + ")");
            ReadMemory(text, result);

            Match line = Regex.Match(text, @"faultinject: fault 0 \(seed \d+\): (?:(\w+): ([^\r\n]+?)(?: as process \d+)?|not injected[^\r\n]*)\r?\n");
            Assert.That(line.Success, Is.True, "the fault's line (faultinject " + service + " 1 " + faultSeed + ")");
            if (!line.Groups[1].Success)
            {
                result.NotInjected++;
                TestContext.Progress.WriteLine($"{service} fault {i} (faultinject {service} 1 {faultSeed}): not injected");
                continue;
            }
            Assert.That(ClientVerdict.TryParseOutcome(line.Groups[2].Value, out FaultOutcome seen), Is.True, "outcome '" + line.Groups[2].Value + "'");
            int wrong, failed;
            bool serves;
            if (network)
            {
                int duringFailed = _http.Failed, duringWrong = _http.Wrong, good = _http.Good;
                serves = _http.WaitUntilServes(ServePatience);
                wrong = _http.Wrong;
                failed = duringFailed;
                TestContext.Progress.WriteLine($"  downloads while the fault ran: {good} right, {duringFailed} failed, {duringWrong} wrong"
                    + (duringFailed + duringWrong > 0 ? " (last: " + _http.LastError + ")" : ""));
            }
            else
            {
                bool first = TypeAndSee();
                serves = first || TypeAndSee();
                failed = first ? 0 : 1;
                wrong = 0;
            }
            if (!serves)
                result.NotServing.Add(faultSeed);
            FaultOutcome outcome = ClientVerdict.Combine(seen, wrong, failed, serves);
            result.Tally.Add(ParseKind(line.Groups[1].Value), outcome);
            TestContext.Progress.WriteLine($"{service} fault {i} (faultinject {service} 1 {faultSeed}): {line.Groups[1].Value}: guest saw {line.Groups[2].Value}; verdict {CampaignTally.OutcomeName(outcome)}");
        }
        TestContext.Progress.WriteLine($"campaign into {service}: {faults} faults from seed {seed}, {result.NotInjected} not injected");
        foreach (string row in result.Tally.Format())
            TestContext.Progress.WriteLine("  " + row);
        TestContext.Progress.WriteLine($"  free frames {result.FreeBefore} -> {result.FreeAfter}, processes hold {result.HeldBefore} -> {result.HeldAfter} pages; "
            + $"frames not held by a process: {result.FreeBefore + result.HeldBefore - result.FreeAfter - result.HeldAfter}; "
            + $"kernel heap {result.HeapBefore} -> {result.HeapAfter} KiB (live after a collection {result.LiveBefore} -> {result.LiveAfter} KiB)");
        return result;
    }

    private static void CheckSlice(SliceResult result, int faults)
    {
        Assert.That(result.Tally.Total + result.NotInjected, Is.EqualTo(faults), "faults asked for");
        Assert.That(result.Tally.Count(FaultOutcome.NotRestarted), Is.EqualTo(0), "faults after which the service did not come back");
        Assert.That(result.NotServing, Is.Empty, "faults (seeds) after which the client was no longer served");
    }

    // The guest's memory lines of one campaign: the first campaign's "before", the last one's "after".
    private static void ReadMemory(string text, SliceResult result)
    {
        Match frames = Regex.Match(text, @"faultinject: free frames (\d+) -> (\d+), kernel heap (\d+) -> (\d+) KiB \(live after a collection (\d+) -> (\d+) KiB\)");
        Match held = Regex.Match(text, @"faultinject: all processes hold (\d+) -> (\d+) pages");
        if (!frames.Success || !held.Success)
            return;
        if (result.FreeBefore < 0)
        {
            result.FreeBefore = long.Parse(frames.Groups[1].Value);
            result.HeapBefore = long.Parse(frames.Groups[3].Value);
            result.LiveBefore = long.Parse(frames.Groups[5].Value);
            result.HeldBefore = long.Parse(held.Groups[1].Value);
        }
        result.FreeAfter = long.Parse(frames.Groups[2].Value);
        result.HeapAfter = long.Parse(frames.Groups[4].Value);
        result.LiveAfter = long.Parse(frames.Groups[6].Value);
        result.HeldAfter = long.Parse(held.Groups[2].Value);
    }

    private static Services.Abi.FaultKind ParseKind(string name)
    {
        for (int kind = 0; kind < CampaignTally.KindCount; kind++)
        {
            if (CampaignTally.KindName((Services.Abi.FaultKind)kind) == name)
                return (Services.Abi.FaultKind)kind;
        }
        Assert.Fail("fault kind '" + name + "'");
        return default;
    }

    /// <summary>
    /// Types `echo WORD` on the PS/2 keyboard once the focused terminal shows a bare prompt, and waits
    /// for the command and its output on the screen (any of the first cascade places: a restarted ui
    /// opens its terminal again). False when the prompt or the text did not come in time.
    /// </summary>
    private bool TypeAndSee()
    {
        string word = "ok" + (++_typed).ToString(CultureInfo.InvariantCulture) + "z";
        if (!ScreenShows(s => FindInTerminals(s, t => _text.FindRow(s, UiTests.ContentLeft(t), UiTests.ContentTop(t), UiTests.TerminalRows, "$", blankAfter: 1) >= 0), ServePatience))
            return false;
        Machine.TypeOnKeyboard("echo " + word + "\r");
        return ScreenShows(s => FindInTerminals(s, t => UiTests.HasCommandAndOutput(_text, s, t, "echo " + word, word)), TimeSpan.FromSeconds(20));
    }

    private static bool FindInTerminals(ScreenImage screen, Func<int, bool> found)
    {
        for (int cascade = 0; cascade < 3; cascade++)
        {
            if (found(cascade))
                return true;
        }
        return false;
    }

    private bool ScreenShows(Func<ScreenImage, bool> condition, TimeSpan patience)
    {
        DateTime end = DateTime.UtcNow + patience;
        while (true)
        {
            ScreenImage screen = Machine.Screendump();
            if (condition(screen))
                return true;
            if (DateTime.UtcNow > end)
            {
                string saved = Path.Combine(Path.GetTempPath(), "faultcampaign-ui-" + _typed + ".ppm");
                screen.SavePpm(saved);
                TestContext.Progress.WriteLine("  the screen did not show it (last screen: " + saved + ")");
                return false;
            }
            System.Threading.Thread.Sleep(250);
        }
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
