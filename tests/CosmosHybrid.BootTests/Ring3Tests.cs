using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Ring-3 processes, driven through the ring-3 shell on the serial line: concurrency,
/// fault isolation, argument checking of system calls, register preservation under
/// preemption, and resource recovery.
/// </summary>
public class Ring3Tests : BootTestBase
{
    private void BootToShell(string cpu = "max", string commandLine = "")
    {
        Boot(commandLine, cpu: cpu);
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
    }

    [Test]
    public void ShellListsItselfInPs()
    {
        BootToShell();
        Machine.SendLine("ps");
        ExpectOutput("  PID NAME ");
        // The shell holds standard I/O (handles 1-3) and the authority init gave it (handle 4); its parent is init.
        ExpectMatch(@"\s+" + ShellProcessId + @" shell\s+running\s+4\s+1\s+4\s+\d+\s+\d+\s+1\r?\n", TimeSpan.FromSeconds(30));
        ExpectMatch(@"\s+1 init\s+running\s+4\s+1\s+\d+\s+\d+\s+\d+\s+0\r?\n", TimeSpan.FromSeconds(30));
        Machine.SendLine("uptime");
        ExpectOutput("up 0m ");
        Machine.SendLine("mem");
        ExpectOutput("MiB free");
        Machine.SendLine("lspci");
        ExpectOutput("8086:7010");   // the PIIX3 IDE controller of QEMU's pc machine
    }

    [Test]
    public void SpawnGivesTheChildExactlyTheHandlesAndQuotaItNames()
    {
        BootToShell();
        Machine.SendLine("run usertest spawn-handles");
        Match outcome = ExpectMatch("spawn-handles: (ok|FAILED)");
        Assert.That(outcome.Groups[1].Value, Is.EqualTo("ok"), "usertest spawn-handles reported a failure");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void ShellLineEditingHasHistoryCursorKeysAndTabCompletion()
    {
        BootToShell();
        Machine.SendLine("echo first line");
        ExpectOutput("first line\r\n");

        // Up brings the line back; Left twice and a typed character edit it in the middle.
        Machine.SendKeys("\u001b[A\u001b[D\u001b[DX\r");
        ExpectOutput("first liXne\r\n");

        // Tab completes a path (README.TXT is the only name starting with RE) and a command.
        Machine.SendKeys("cat /RE\t\r");
        ExpectOutput("CosmosHybrid root file system");
        Machine.SendKeys("upt\t\r");
        ExpectOutput("up 0m ");

        // Two candidates and nothing to add: Tab lists them, and the line stays as typed.
        Machine.SendKeys("u\t");
        ExpectMatch(@"uptime  usertest\r?\n\$ u");
        Machine.SendKeys("sertest\b\b\b\b\b\b\b\u0015run us\t");   // Ctrl+U clears; after run only programs (ui, uiclock, usertest: "us" is unique)
        Machine.SendKeys("exit 3\r");
        ExpectOutput("exited with status 3");
    }

    [Test]
    public void TwoProgramsRunConcurrentlyAndTheirOutputInterleaves()
    {
        BootToShell();
        // Both lines at once: the second program starts while the first is still counting.
        Machine.SendLine("spawn usertest count 30 alpha");
        Machine.SendLine("run usertest count 30 beta");
        ExpectOutput("alpha done");
        ExpectOutput("beta done");

        string log = Machine.SerialLog;
        int firstBeta = log.IndexOf("beta 1\r", System.StringComparison.Ordinal);
        int lastAlpha = log.LastIndexOf("alpha 29\r", System.StringComparison.Ordinal);
        Assert.That(firstBeta, Is.GreaterThan(0));
        Assert.That(firstBeta, Is.LessThan(lastAlpha), "beta started printing before alpha finished");
    }

    [Test]
    public void ConcurrentWritesInterleaveByWholeLines()
    {
        BootToShell();
        Machine.SendLine("write /bad.elf not a program");
        ExpectOutput("wrote 14 bytes to /bad.elf");
        Machine.SendLine("spawn usertest lines 100 north");
        Machine.SendLine("run usertest lines 100 south");
        // Meanwhile the kernel logs from the shell's spawns, on a thread that can be preempted half-way through the line.
        for (int i = 0; i < 5; i++)
            Machine.SendLine("run /bad.elf");
        ExpectOutput("<north 100 ");
        ExpectOutput("<south 100 ");
        var line = new Regex(@"<(north|south) (\d+) (north|south)+>\r?\n");
        Assert.That(Machine.WaitForMatches(line, 200, TimeSpan.FromSeconds(10)), Is.True, "all 200 lines whole");
        // Each line carries its label throughout, so a torn write could not match whole.
        foreach (Match match in line.Matches(Machine.SerialLog))
            Assert.That(match.Value, Does.Not.Contain(match.Groups[1].Value == "north" ? "south" : "north"));
        var kernelLine = new Regex(@"spawn bad: file too small for an ELF64 header\r?\n");
        Assert.That(Machine.WaitForMatches(kernelLine, 5, TimeSpan.FromSeconds(10)), Is.True, "the kernel's 5 lines whole");
    }

    [TestCase("kernel-write", "Page fault (#PF)")]
    [TestCase("kernel-read", "Page fault (#PF)")]
    [TestCase("privileged", "General protection fault (#GP)")]
    [TestCase("stack-overflow", "stack overflow")]
    public void FaultingProgramIsKilledWhileAnotherCompletes(string fault, string report)
    {
        BootToShell();
        Machine.SendLine("spawn usertest count 20 survivor");
        Machine.SendLine("run usertest " + fault);
        ExpectOutput($"(usertest) killed: {report} at RIP 0x");
        ExpectOutput("survivor done");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));

        // The kernel and the shell carry on.
        Machine.SendLine("uptime");
        ExpectOutput("up 0m");
    }

    [Test]
    public void UncaughtExceptionEndsOnlyThatProcessWithItsMessage()
    {
        BootToShell();
        Machine.SendLine("run usertest exception");
        ExpectOutput("*** unhandled exception System.InvalidOperationException: usertest: thrown on purpose in ring 3");
        ExpectOutput("exited with status 134");
    }

    [Test]
    public void SystemCallsRejectKernelAndUnmappedPointers()
    {
        BootToShell();
        Machine.SendLine("run usertest bad-pointers");
        ExpectOutput("bad-pointers: 12 of 12 rejected as expected");
        ExpectOutput("exited with status 0");
    }

    [TestCase("max")]
    [TestCase("qemu64")]
    public void SseRegistersSurvivePreemption(string cpu)
    {
        BootToShell(cpu);
        // Two processes, each spinning with its own values in xmm0-15 through many time slices.
        Machine.SendLine("spawn usertest registers 60");
        Machine.SendLine("run usertest registers 60");
        // Each result is one console write, so the two lines may interleave but never tear.
        var report = new Regex(@"registers: 60 rounds over \d+ ms, (\d+) corrupted register halves \(([^)]*)\)");
        Assert.That(Machine.WaitForMatches(report, 2, BootTimeout), Is.True, "both processes reported");
        MatchCollection results = report.Matches(Machine.SerialLog);
        Assert.That(results.Count, Is.EqualTo(2));
        foreach (Match result in results)
        {
            Assert.That(result.Groups[1].Value, Is.EqualTo("0"));
            // -cpu max has AVX, so the upper YMM halves (saved only by XSAVE) are checked too.
            Assert.That(result.Groups[2].Value, Is.EqualTo(cpu == "max" ? "xmm0-15 and ymm0-15 upper halves" : "xmm0-15; no AVX"));
        }
    }

    [Test]
    public void SystemCallsLeaveNoKernelValueInVectorRegisters()
    {
        // -cpu max has AVX: the upper YMM halves are checked too (the kernel never touches them).
        BootToShell();
        Machine.SendLine("run usertest syscall-registers 50");
        Match match = ExpectMatch(@"syscall-registers: (\d+) calls, (\d+) failed, (\d+) registers held a value that was neither zero nor "
            + @"the program's own; upper YMM halves lost: (\w+)");
        TestContext.Out.WriteLine(match.Value);
        Assert.That(match.Groups[1].Value, Is.EqualTo("300"), "50 rounds of a file read, a message receive, a record written out, stat, open and a directory read");
        Assert.That(match.Groups[2].Value, Is.EqualTo("0"), "calls that did not return what they should");
        Assert.That(match.Groups[3].Value, Is.EqualTo("0"), "xmm registers holding what the kernel left there");
        Assert.That(match.Groups[4].Value, Is.EqualTo("0"), "upper YMM halves the program lost");
        ExpectOutput("exited with status 0");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void PagesTheKernelReadsAFileIntoStayUntilTheReadEnds()
    {
        BootToShell(commandLine: WithoutTerminal);   // the check counts the machine's free frames
        Machine.SendLine("run usertest read-unmap 30");
        Match match = ExpectMatch(@"read-unmap: 30 rounds, (\d+) unmaps refused while a read held the pages; reads ended by (\d+) bad addresses "
            + @"and (\d+) short counts; (\d+) wrong; frames not accounted for: (-?\d+)");
        TestContext.Out.WriteLine(match.Value);
        // Another thread's unmap comes while a read is under way: refused (the kernel still writes those
        // frames), then allowed once the read is over, and the next read fails.
        Assert.That(int.Parse(match.Groups[1].Value), Is.GreaterThan(0), "no unmap was refused: nothing holds the pages a read writes");
        Assert.That(match.Groups[4].Value, Is.EqualTo("0"), "rounds whose unmap failed otherwise, or whose read ended otherwise");
        Assert.That(match.Groups[5].Value, Is.EqualTo("0"), "frames lost or freed twice");
        ExpectOutput("exited with status 0");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void ReadsFromMemoryStayWholeAndCurrentWhileOtherThreadsReadWriteAndTruncate()
    {
        BootToShell(commandLine: WithoutTerminal);
        Machine.SendLine("run usertest read-race 20");
        Match match = ExpectMatch(@"read-race: 20 rounds, (\d+) reads at the shared position, (\d+) reads at offsets during (\d+) rewrites and (\d+) truncations; (\d+) wrong");
        TestContext.Out.WriteLine(match.Value);
        // Two threads at one descriptor's position: each of the 64 blocks read once per round, by one of them.
        Assert.That(match.Groups[1].Value, Is.EqualTo("1280"), "20 rounds of 64 blocks, each read exactly once");
        Assert.That(int.Parse(match.Groups[2].Value), Is.GreaterThan(0), "no read at an offset ran beside the rewrites");
        Assert.That(match.Groups[3].Value, Is.EqualTo("80"));
        Assert.That(match.Groups[4].Value, Is.EqualTo("40"));
        Assert.That(match.Groups[5].Value, Is.EqualTo("0"), "reads of a torn, stale or foreign block, or blocks read twice or never");
        ExpectOutput("exited with status 0");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void TwoHundredSpawnExitCyclesReturnEveryFrame()
    {
        BootToShell(commandLine: WithoutTerminal);   // the check counts the machine's free frames
        Machine.SendLine("run usertest spawn-loop 200");
        Match match = ExpectMatch(
            @"spawn-loop: 200 cycles, free frames before (\d+), after (\d+); kernel heap (\d+) -> (\d+) pages; frames not accounted for: (-?\d+)");
        Assert.That(match.Groups[5].Value, Is.EqualTo("0"), "frames lost over 200 spawn/exit cycles");
        int heapGrowth = int.Parse(match.Groups[4].Value) - int.Parse(match.Groups[3].Value);
        Assert.That(heapGrowth, Is.LessThanOrEqualTo(512), "the kernel heap settles (at most 2 MiB of growth)");
    }

    [Test]
    public void ChildrenNobodyWaitsForLeaveTheProcessTable()
    {
        // A parent starts 40 processes and ends without waiting for them (as the fuzzer's children
        // do): once they end, none may stay in the table, or a long run fills it.
        BootToShell();
        Machine.SendLine("run usertest orphans 40");
        Match match = ExpectMatch(@"orphans: 40 children of a parent that ended with status (-?\d+) and waited for none; "
            + @"entries left in the process table: (\d+) \((\d+) of them ended\)");
        Assert.That(match.Groups[1].Value, Is.EqualTo("0"), "the parent started all 40");
        Assert.That(match.Groups[2].Value, Is.EqualTo("0"), "orphans left in the process table");
    }

    [Test]
    public void RingThreeGarbageCollectorKeepsLiveData()
    {
        BootToShell();
        Machine.SendLine("run usertest heap");
        ExpectOutput("live chain intact");
        Assert.That(Machine.SerialLog, Does.Match(@"heap: [1-9]\d* collections"));
    }

    [Test]
    public void RingThreeCollectorStopsAndScansEveryThread()
    {
        BootToShell();
        // Four threads allocate at once; whichever starts a collection stops the other three.
        // Where a collection lands is up to preemption, so a few runs cover more of the races.
        const int Runs = 4;
        for (int run = 0; run < Runs; run++)
            Machine.SendLine("run usertest heap-threads 3");
        var exit = new Regex(@"process \d+ exited with status (-?\d+)");
        Assert.That(Machine.WaitForMatches(exit, Runs, BootTimeout), Is.True, "every run ended");
        foreach (Match status in exit.Matches(Machine.SerialLog))
            Assert.That(status.Groups[1].Value, Is.EqualTo("0"), "a run failed (a damaged structure or a fault)");
        Assert.That(Regex.Matches(Machine.SerialLog, @"heap-threads: 4 threads, [1-9]\d* collections, 0 damaged structures").Count, Is.EqualTo(Runs));
    }

    [Test]
    public void StaticConstructorRunsOnceWhileOtherThreadsWait()
    {
        BootToShell();
        Machine.SendLine("run usertest cctor-threads");
        Match result = ExpectMatch(@"cctor-threads: the constructor ran (\d+) time\(s\); (\d+) of 4 threads saw it unfinished");
        Assert.That(result.Groups[1].Value, Is.EqualTo("1"), "runs of the static constructor");
        Assert.That(result.Groups[2].Value, Is.EqualTo("0"), "threads that saw the class before its constructor finished");
    }

    [Test]
    public void WaitReportsNegativeExitStatusesAsStatusesNotErrors()
    {
        BootToShell();
        Machine.SendLine("spawn usertest count 500 victim");
        // Pids come from the output: the window server's terminal and its shell start beside the test.
        string victim = ExpectMatch(@"started process (\d+)\r?\n").Groups[1].Value;
        Machine.SendLine("kill " + victim);
        ExpectOutput("killed " + victim);
        Machine.SendLine("wait " + victim);
        ExpectOutput("process " + victim + " exited with status -9");
        Machine.SendLine("run usertest privileged");
        ExpectMatch(@"process \d+ exited with status -1013");
        Machine.SendLine("wait 42");
        ExpectOutput("wait: not found");
    }

    [Test]
    public void KillingTheShellMakesInitStartANewOne()
    {
        BootToShell();
        Machine.SendLine("kill " + ShellProcessId);
        ExpectOutput("init: shell (process " + ShellProcessId + ") ended with status -9");
        string restarted = ExpectMatch(@"init: restarted shell as process (\d+)\r?\n").Groups[1].Value;
        ExpectOutput("CosmosHybrid shell (ring 3, process " + restarted + ")");
    }

    [Test]
    public void KillingInitMakesTheKernelSupervisorStartItAgain()
    {
        // The shell started directly (init=shell): killing it is killing the kernel's first program.
        Boot("init=shell");
        ExpectOutput("CosmosHybrid shell (ring 3, process 1)");
        Machine.SendLine("kill 1");
        ExpectOutput("supervisor: shell ended with status -9; restarting");
        ExpectOutput("CosmosHybrid shell (ring 3, process 2)");
    }

    [Test]
    public void UnknownProgramsAndCommandsGetClearErrors()
    {
        BootToShell();
        Machine.SendLine("run nosuchprogram");
        ExpectOutput("spawn: nosuchprogram: not found");
        Machine.SendLine("kill 4242");
        ExpectOutput("kill: not found");
        Machine.SendLine("frobnicate");
        ExpectOutput("frobnicate: unknown command (try 'help')");
    }
}
