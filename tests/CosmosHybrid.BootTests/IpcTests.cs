using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Message ports between ring-3 processes: the echo service serves, usertest's ipc-*
/// scenarios probe rights, closing, queues, handles, bulk data, bad buffers and dying
/// servers. Each scenario prints "ipc-NAME: ok" only when every check in it passed.
/// </summary>
public class IpcTests : BootTestBase
{
    private void BootWithEcho()
    {
        Boot(WithoutTerminal);   // the leak check counts the machine's free frames
        ExpectOutput(ShellBanner);
        Machine.SendLine("spawn echo");
        ExpectOutput("echo: serving 'echo' and 'echo-bulk'");
    }

    private void RunScenario(string scenario)
    {
        Machine.SendLine("run usertest " + scenario);
        Match outcome = ExpectMatch(Regex.Escape(scenario) + ": (ok|FAILED)");
        Assert.That(outcome.Groups[1].Value, Is.EqualTo("ok"), scenario + " reported a failure");
    }

    [TestCase("ipc-echo")]
    [TestCase("ipc-rights")]
    [TestCase("ipc-peer-closed")]
    [TestCase("ipc-queue-full")]
    [TestCase("ipc-handle")]
    [TestCase("ipc-bulk")]
    [TestCase("ipc-bad-buffer")]
    [TestCase("ipc-notify")]
    [TestCase("ipc-server-dies")]
    public void Scenario(string scenario)
    {
        BootWithEcho();
        RunScenario(scenario);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void HundredThousandCallsLoseNothingAndLeakNoKernelMemory()
    {
        BootWithEcho();
        Machine.SendLine("run usertest ipc-many 100000");
        Match figures = ExpectMatch(@"100000 calls, (\d+) wrong replies; free frames (\d+) -> (\d+), kernel heap (\d+) -> (\d+) KiB");
        Assert.That(figures.Groups[1].Value, Is.EqualTo("0"), "wrong replies");
        Assert.That(figures.Groups[3].Value, Is.EqualTo(figures.Groups[2].Value), "free frames after the calls");
        Assert.That(int.Parse(figures.Groups[5].Value), Is.LessThanOrEqualTo(int.Parse(figures.Groups[4].Value)), "kernel heap did not grow");
        ExpectOutput("ipc-many: ok");
    }

    [Test]
    public void ServerKilledWhileClientsWaitDoesNotHurtTheKernel()
    {
        BootWithEcho();
        Machine.SendLine("ps");
        Match echo = ExpectMatch(@"\s+(\d+) echo\s+running");
        Machine.SendLine("kill " + echo.Groups[1].Value);
        ExpectOutput("killed " + echo.Groups[1].Value);
        Machine.SendLine("run usertest ipc-echo");
        ExpectOutput("lookup 'echo' failed");
        // A new echo can take the names again.
        Machine.SendLine("spawn echo");
        ExpectOutput("started process");
        Machine.SendLine("run usertest ipc-echo");
        ExpectOutput("ipc-echo: ok");
    }
}
