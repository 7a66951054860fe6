using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Threads and locks in ring 3 (usertest's threading scenarios, see Services/UserTest/ThreadScenarios),
/// all on one boot: lock contention, Monitor.Wait/Pulse, a static-constructor cycle, the futex system
/// calls' errors, the Thread API, foreground threads, a process killed while its threads wait, ended threads'
/// stacks, a thread that ends while serving a call, and pages lent by a call that another thread tries to unmap.
/// (The same types over kernel threads run in the kernel self-test's conformance cases.)
/// </summary>
public class ThreadTests : BootTestBase
{
    private static readonly Regex ExitStatus = new(@"process \d+ exited with status (-?\d+)");

    private string Run(string arguments)
    {
        string output = Shell("run usertest " + arguments);
        TestContext.Out.WriteLine("$ run usertest " + arguments + "\n" + output);
        return output;
    }

    private static string StatusOf(string output)
    {
        Match status = ExitStatus.Match(output);
        Assert.That(status.Success, Is.True, "no exit status in:\n" + output);
        return status.Groups[1].Value;
    }

    [Test]
    public void ThreadsAndLocksWorkInRingThree()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");

        string output = Run("lock-count 100000");
        Assert.That(output, Does.Contain("lock-count: 4 threads x 100000, count 400000 (expected 400000)"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        output = Run("monitor-queue 10000");
        Assert.That(output, Does.Match(@"monitor-queue: 10000 items, sum 50005000 \(expected 50005000\), [1-9]\d* waits"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        output = Run("cctor-cycle");
        Assert.That(output, Does.Contain("cctor-cycle: completed; A ran 1 time(s), B ran 1 time(s)"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        output = Run("futex-errors");
        Assert.That(output, Does.Contain("futex-errors: wait below user memory -> -2"));
        Assert.That(output, Does.Contain("futex-errors: 0 wrong"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        output = Run("thread-api");
        Assert.That(output, Does.Contain("thread-api: 0 wrong"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        // The process outlives main while a foreground thread runs, but not for a background one.
        output = Run("foreground");
        int mainReturned = output.IndexOf("foreground: main returns", StringComparison.Ordinal);
        int workerEnded = output.IndexOf("foreground: the worker ends after main", StringComparison.Ordinal);
        Assert.That(mainReturned, Is.GreaterThanOrEqualTo(0));
        Assert.That(workerEnded, Is.GreaterThan(mainReturned));
        Assert.That(output.IndexOf("exited with status 0", StringComparison.Ordinal), Is.GreaterThan(workerEnded));

        // Monitor.Exit by a thread that does not hold the lock throws SynchronizationLockException.
        output = Run("exit-unowned");
        Assert.That(output, Does.Contain("SynchronizationLockException"));
        Assert.That(StatusOf(output), Is.Not.EqualTo("0"));

        // A process killed while both its threads sleep in FutexWait: its waiters go, the system goes on.
        string spawned = Shell("spawn usertest futex-sleeper");
        Match pid = Regex.Match(spawned, @"started process (\d+)");
        Assert.That(pid.Success, Is.True, spawned);
        WaitFrom(0, "futex-sleeper: waiting");
        Assert.That(Shell("kill " + pid.Groups[1].Value), Does.Contain("killed " + pid.Groups[1].Value));
        Assert.That(Shell("wait " + pid.Groups[1].Value), Does.Contain("exited with status -9"));
        output = Run("lock-count 1000");
        Assert.That(output, Does.Contain("count 4000 (expected 4000)"));

        // A thread's 64 KiB stack goes back when it ends: 200 threads started and joined one after
        // another leave the process holding about what it held (each kept at least a page before).
        output = Run("thread-churn 200");
        Match churn = Regex.Match(output, @"thread-churn: 220 threads ran, pages (\d+) -> (\d+)");
        Assert.That(churn.Success, Is.True, output);
        Assert.That(long.Parse(churn.Groups[2].Value) - long.Parse(churn.Groups[1].Value), Is.LessThan(64), "pages kept by 200 ended threads");
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        // A thread that ends while serving a call (it took a call lending a page, and never answered):
        // the caller is told at once (PeerClosed) and has its page back. Before, it waited for ever.
        output = Run("ipc-server-thread-ends");
        Assert.That(output, Does.Contain("ipc-server-thread-ends: ok"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));

        // While a call lends a page, another thread of the lender cannot unmap it (its frame would go back
        // to the kernel while the server still writes it); after the reply it can, and sees the server's write.
        output = Run("ipc-grant-held");
        Assert.That(output, Does.Contain("ipc-grant-held: ok"));
        Assert.That(StatusOf(output), Is.EqualTo("0"));
    }
}
