using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Exhaustion (issue 17 item 6), in one boot: each hog (usertest hog-*) takes one resource
/// until the system refuses; it must get an error (not hang, not panic the kernel), the shell
/// and the echo service must answer while it holds what it took, and when it is killed the
/// free frames and the kernel heap's live bytes come back. Then the two reports in plain
/// words: a program touching more memory than there is ends "out of memory", one recursing
/// too deep "stack overflow", each with its C# method names.
/// </summary>
public class ExhaustionTests : BootTestBase
{
    private static readonly TimeSpan HogTimeout = TimeSpan.FromSeconds(120);

    // Frames the system may keep after a hog has gone, besides what the kernel heap keeps (see
    // Figures): 512 (2 MiB), the shell's own heap and the like.
    private const long FrameSlack = 512;
    // The kernel heap's pages past its live bytes and its reserve: partly used segments, headers, bitmaps.
    private const long HeapFragmentationKiB = 2048;
    private const long HeapSlackKiB = 256;

    private FatDiskImage _disk;

    [TearDown]
    public void DeleteDisk() => _disk?.Dispose();

    // The kernel heap gives back the empty segments a hog made it grow, but for a reserve of free room
    // for its next collection's allocations (its budget: the live bytes, at least 1 MiB). So after a
    // hog the frames come back but for what the heap grew, and the heap itself is bounded: at most its
    // live bytes, its reserve and some fragmentation. (Before, it kept every segment: 68 MiB after one
    // port flood, 265 MiB after seven.)
    private readonly record struct Figures(long FreeFrames, long HeapLiveKiB, long HeapKiB)
    {
        public long HeapReserveKiB => Math.Max(HeapLiveKiB, 1024);
        public long HeapBoundKiB => HeapLiveKiB + HeapReserveKiB + HeapFragmentationKiB;
    }

    private static void AssertCameBack(string what, Figures before, Figures after)
    {
        long heapGrowthFrames = Math.Max(0, after.HeapKiB - before.HeapKiB) / 4;
        Assert.That(after.HeapKiB, Is.LessThanOrEqualTo(Math.Max(before.HeapKiB, after.HeapBoundKiB)),
            what + ": the kernel heap gave back its empty segments (it may keep live + budget + " + HeapFragmentationKiB + " KiB)");
        Assert.That(after.FreeFrames + heapGrowthFrames, Is.GreaterThanOrEqualTo(before.FreeFrames - FrameSlack), what + ": frames came back");
    }

    private Figures Measure()
    {
        Match figures = Regex.Match(Shell("run usertest meminfo"), @"meminfo: free frames (\d+), kernel heap live (\d+) KiB of (\d+) KiB");
        Assert.That(figures.Success, Is.True, "meminfo's figures");
        return new Figures(long.Parse(figures.Groups[1].Value), long.Parse(figures.Groups[2].Value), long.Parse(figures.Groups[3].Value));
    }

    // Starts a hog, waits until it holds, checks the rest of the system, kills it, checks memory came back.
    /// <param name="cacheKiB">Kernel heap a hog may leave in a bounded cache (the disk's block cache).</param>
    /// <param name="whileHeld">More checks while the hog holds what it took.</param>
    private string RunHog(string command, string resultPattern, long cacheKiB = 0, Action whileHeld = null)
    {
        Figures before = Measure();
        int from = Machine.SerialLog.Length;
        Match started = Regex.Match(Shell("spawn usertest " + command), @"started process (\d+)");
        Assert.That(started.Success, Is.True, "`spawn usertest " + command + "`");
        string hog = command.Split(' ')[0];
        bool held = Machine.WaitUntil(log => log.IndexOf(hog + ": holding", Math.Min(from, log.Length), StringComparison.Ordinal) >= 0
            || log.Contains("KERNEL PANIC", StringComparison.Ordinal), HogTimeout);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"), hog + " panicked the kernel");
        Assert.That(held, Is.True, hog + " did not get its error in time (a hang)");
        Match result = new Regex(resultPattern).Match(Machine.SerialLog.Substring(from));
        Assert.That(result.Success, Is.True, hog + "'s result: /" + resultPattern + "/");

        // While it holds everything it could get, the shell and the echo service still answer.
        Assert.That(Shell("echo still here"), Is.EqualTo("still here"));
        Assert.That(Shell("run usertest ipc-echo"), Does.Contain("ipc-echo: ok"));
        Assert.That(Shell("ps"), Does.Contain("echo").And.Contain("net"));
        whileHeld?.Invoke();
        Figures during = Measure();

        Assert.That(Shell("kill " + started.Groups[1].Value), Does.Contain("killed " + started.Groups[1].Value));
        Shell("wait " + started.Groups[1].Value);
        Figures after = Measure();
        if (after.FreeFrames + Math.Max(0, after.HeapKiB - before.HeapKiB) / 4 < before.FreeFrames - FrameSlack)
        {
            // A bomb's children notice their parent has gone within half a second.
            Shell("run usertest count 25 settle");
            after = Measure();
        }
        TestContext.Out.WriteLine($"{hog}: {result.Value}; free frames {before.FreeFrames} -> {during.FreeFrames} -> {after.FreeFrames}, "
            + $"kernel heap live {before.HeapLiveKiB} -> {during.HeapLiveKiB} -> {after.HeapLiveKiB} KiB, "
            + $"kernel heap {before.HeapKiB} -> {during.HeapKiB} -> {after.HeapKiB} KiB");
        AssertCameBack(hog, before, after);
        Assert.That(after.HeapLiveKiB, Is.LessThanOrEqualTo(before.HeapLiveKiB + HeapSlackKiB + cacheKiB), hog + ": the kernel heap came back");
        Assert.That(Shell("run usertest ipc-echo"), Does.Contain("ipc-echo: ok"));
        return result.Value;
    }

    // Each flood may make the kernel buffer 64 MiB; seven of them made it run out of memory and panic.
    // Now the sends that would take the kernel's reserve are refused (out of memory). When the hogs are
    // killed the kernel heap gives back the segments the floods made it grow (68 MiB for one flood and
    // 265 MiB for seven stayed with it before): the free frames come back, not only its live bytes.
    private void FloodPortsFromSeveralHogs(int hogs)
    {
        Figures before = Measure();
        int from = Machine.SerialLog.Length;
        // One command line, so the first hogs' output cannot break up the echo of the next command.
        string[] spawns = new string[hogs];
        Array.Fill(spawns, "spawn usertest hog-ports");
        MatchCollection started = Regex.Matches(Shell(string.Join(" ; ", spawns)), @"started process (\d+)");
        Assert.That(started.Count, Is.EqualTo(hogs), "`spawn usertest hog-ports` " + hogs + " times");
        var pids = new string[hogs];
        for (int i = 0; i < hogs; i++)
            pids[i] = started[i].Groups[1].Value;
        bool held = Machine.WaitUntil(log => Regex.Matches(log.Substring(Math.Min(from, log.Length)), "hog-ports: holding").Count >= hogs
            || log.Contains("KERNEL PANIC", StringComparison.Ordinal), HogTimeout);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"), "port floods panicked the kernel");
        Assert.That(held, Is.True, "the port floods did not all get their errors in time");
        Assert.That(Machine.SerialLog.Substring(from), Does.Contain("messages queued (out of memory)"));
        Assert.That(Shell("echo still here"), Is.EqualTo("still here"));
        Assert.That(Shell("run usertest ipc-echo"), Does.Contain("ipc-echo: ok"));
        Figures during = Measure();
        foreach (string pid in pids)
        {
            Assert.That(Shell("kill " + pid), Does.Contain("killed " + pid));
            Shell("wait " + pid);
        }
        Figures after = Measure();
        TestContext.Out.WriteLine($"{hogs} x hog-ports: free frames {before.FreeFrames} -> {during.FreeFrames} -> {after.FreeFrames}, "
            + $"kernel heap live {before.HeapLiveKiB} -> {during.HeapLiveKiB} -> {after.HeapLiveKiB} KiB, "
            + $"kernel heap {before.HeapKiB} -> {during.HeapKiB} -> {after.HeapKiB} KiB");
        AssertCameBack("port floods", before, after);
        Assert.That(after.HeapLiveKiB, Is.LessThanOrEqualTo(before.HeapLiveKiB + HeapSlackKiB), "port floods: the kernel heap came back");
    }

    [Test]
    public void HogsGetErrorsTheSystemCarriesOnAndMemoryComesBack()
    {
        _disk = FatDiskImage.Create("hog", 12, 2048, 0, "-s", "1");
        BootWith(WithoutTerminal, "pc", _disk.IdeArguments + " -nic none -device e1000");
        ExpectOutput(ShellBanner);
        Machine.SendLine("spawn echo");
        ExpectOutput("echo: serving 'echo' and 'echo-bulk'");
        ExpectOutput("$ ");

        RunHog("hog-handles", @"hog-handles: \d+ ports \(too many open handles\)");
        RunHog("hog-ports", @"hog-ports: \d+ ports \(too many open handles\), \d+ messages queued \(the queue is full\)");
        Assert.That(Machine.SerialLog, Does.Contain("hog-ports: a send that waits 50 ms: the queue is full"));
        RunHog("hog-memory", @"hog-memory: \d+ MiB \(OutOfMemoryException\)");
        RunHog("hog-spawn", @"hog-spawn: \d+ processes \([^)]+\)");
        // The disk's block cache (512 blocks of 4 KiB, KernelFileSystem.DiskCacheBlocks) keeps what the hog wrote.
        RunHog("hog-disk /disk/hog.bin", @"hog-disk: \d+ KiB written \(no space left on the volume\)", cacheKiB: 512 * 4);
        Assert.That(Shell("rm /disk/hog.bin"), Is.Empty);
        Assert.That(Shell("write /disk/after.txt room again"), Does.Contain("wrote 11 bytes"));
        // net's per-process limits: the hog gets 8 sessions and 64 sockets, and another program is still served.
        string sockets = RunHog("hog-sockets", @"hog-sockets: \d+ sessions, \d+ sockets \([^)]+\)", whileHeld: () =>
            Assert.That(Shell("run usertest socket-neighbour"), Does.Contain("socket-neighbour: a session and a socket"), "another program beside hog-sockets"));
        Assert.That(sockets, Does.StartWith("hog-sockets: 8 sessions, 64 sockets (no resources"));

        // The reports, in words.
        Figures before = Measure();
        Machine.SendLine("run usertest hog-touch");
        ExpectOutput("(usertest) killed: out of memory at RIP 0x", HogTimeout);
        ExpectOutput("   at CosmosHybrid.Services.UserTest.HogScenarios.TouchBlock");
        ExpectOutput("   at CosmosHybrid.Services.UserTest.HogScenarios.Touch");
        Figures after = Measure();
        TestContext.Out.WriteLine($"hog-touch: free frames {before.FreeFrames} -> {after.FreeFrames}");
        AssertCameBack("hog-touch", before, after);

        Machine.SendLine("run usertest stack-overflow");
        ExpectOutput("(usertest) killed: stack overflow at RIP 0x");
        ExpectMatch(@"   at CosmosHybrid\.Services\.UserTest\.Scenarios\.Recurse \(\d+ frames\)");
        Assert.That(Shell("echo done"), Is.EqualTo("done"));
        foreach (Match report in Regex.Matches(Machine.SerialLog, @"process \d+ \(usertest\) killed: (out of memory|stack overflow)[^\n]*\n(   at [^\n]*\n)+"))
            TestContext.Out.WriteLine(report.Value);

        // Seven floods at once, each of which may make the kernel buffer up to 64 MiB.
        FloodPortsFromSeveralHogs(7);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
