using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// A small fixed-seed slice of the fuzzer's campaigns (issue 17; `./build.sh fuzz MODE N SEED` runs
/// large ones): 20 000 random system calls (seed 1) in three threads with children started and killed,
/// then random IPC at every service's port. The kernel must not panic, the campaign must end, a normal
/// client must still be served, the shell must still answer, and the kernel must not keep memory
/// (frames or live heap) once the campaign's processes have exited.
/// </summary>
public class FuzzTests : BootTestBase
{
    private static readonly TimeSpan CampaignTimeout = TimeSpan.FromMinutes(10);

    private void BootWithServices()
    {
        // The services of a normal boot (with an e1000 that has no network peer, so 'net' runs) without the
        // terminal window, plus echo: every port the IPC campaign aims at.
        BootWith(WithoutTerminal, "pc", "-nic none -device e1000");
        ExpectOutput(ShellBanner);
        Machine.SendLine("spawn echo");
        ExpectOutput("echo: serving 'echo' and 'echo-bulk'");
    }

    private Match RunCampaign(string command)
    {
        int start = Machine.SerialLog.Length;
        Machine.SendLine(command);
        int index = -1;
        bool ended = Machine.WaitUntil(log => (index = log.IndexOf("fuzz: done", Math.Min(start, log.Length), StringComparison.Ordinal)) >= 0
            || log.Contains("KERNEL PANIC", StringComparison.Ordinal), CampaignTimeout);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"), "the kernel panicked during `" + command + "`");
        Assert.That(ended, Is.True, "`" + command + "` did not finish in time (a hang)");
        string output = Machine.SerialLog.Substring(start);
        TestContext.Out.WriteLine(output.Substring(0, Math.Min(output.Length, 4000)));
        Assert.That(output, Does.Contain("fuzz: campaign process ended with status 0"));
        Assert.That(output, Does.Not.Contain("fuzz: done, FAILED"));
        Match figures = Regex.Match(output, @"free frames (\d+) -> (\d+), kernel heap (\d+) -> (\d+) KiB \(live after a collection (\d+) -> (\d+) KiB\), pages held by processes (\d+) -> (\d+)");
        Assert.That(figures.Success, Is.True, "memory figures");
        AssertNoKernelGrowth(command, figures);
        return figures;
    }

    // What the kernel may keep after a campaign's processes have gone. Its heap: the live bytes may grow
    // by the disk's block cache (512 blocks of 4 KiB, filled by the fuzzer's reads) and a little more;
    // its pages may grow to the live bytes, the reserve it keeps for its next collection (its budget:
    // the live bytes, at least 1 MiB) and some fragmentation. Every other frame must be free again or
    // held by a live process (the services may grow): 512 frames (2 MiB) of slack for page tables.
    private const long KernelHeapLiveSlackKiB = 512 + 512 * 4;
    private const long HeapFragmentationKiB = 2048;
    private const long KernelFrameSlack = 512;

    private static void AssertNoKernelGrowth(string command, Match figures)
    {
        long Figure(int group) => long.Parse(figures.Groups[group].Value);
        long heapBeforeKiB = Figure(3), heapAfterKiB = Figure(4), liveBeforeKiB = Figure(5), liveAfterKiB = Figure(6);
        long heapGrowthFrames = Math.Max(0, heapAfterKiB - heapBeforeKiB) / 4;
        long otherFramesKept = (Figure(1) + Figure(7)) - (Figure(2) + Figure(8)) - heapGrowthFrames;
        TestContext.Out.WriteLine($"`{command}`: {figures.Value}; frames the kernel kept besides its heap's growth: {otherFramesKept}");
        Assert.That(liveAfterKiB, Is.LessThanOrEqualTo(liveBeforeKiB + KernelHeapLiveSlackKiB), "`" + command + "`: the kernel heap's live bytes after the campaign");
        long heapBoundKiB = liveAfterKiB + Math.Max(liveAfterKiB, 1024) + HeapFragmentationKiB;
        Assert.That(heapAfterKiB, Is.LessThanOrEqualTo(Math.Max(heapBeforeKiB, heapBoundKiB)), "`" + command + "`: the kernel heap's pages after the campaign");
        Assert.That(otherFramesKept, Is.LessThanOrEqualTo(KernelFrameSlack), "`" + command + "`: frames neither free nor any process's nor the kernel heap's");
    }

    // net's row of `ps`: group 1 its pid, 2 its handles, 3 its memory in KiB.
    private Match NetRow()
    {
        Match row = Regex.Match(Shell("ps"), @"\s(\d+) net\s+running\s+\d+\s+\d+\s+(\d+)\s+(\d+)");
        Assert.That(row.Success, Is.True, "net in ps");
        return row;
    }

    [Test]
    public void SyscallsAndIpcDoNotHurtTheKernelNorTheServices()
    {
        BootWithServices();

        RunCampaign("fuzz syscalls 20000 1");
        Assert.That(Machine.SerialLog, Does.Contain("fuzz: 20000 calls in 3 threads, seed 1"));

        Match netBefore = NetRow();
        RunCampaign("fuzz ipc 3000 1");
        Assert.That(Machine.SerialLog, Does.Contain("fuzz: check: echo 2+3 = 5 ok"));

        // net keeps nothing a fuzzed client sent (handles, sessions, attach attempts of its own that a forged bit set off).
        Match netAfter = NetRow();
        TestContext.Out.WriteLine("net before the IPC campaign: " + netBefore.Value.Trim() + "; after: " + netAfter.Value.Trim());
        Assert.That(int.Parse(netAfter.Groups[2].Value), Is.LessThanOrEqualTo(int.Parse(netBefore.Groups[2].Value) + 8), "net's handles");
        Assert.That(Machine.SerialLog, Does.Not.Contain("refused the pool"), "net lost its driver to forged messages");

        // The shell still answers, and the services are still there.
        string processes = Shell("ps");
        Assert.That(processes, Does.Contain("echo").And.Contain("ui").And.Contain("net"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
