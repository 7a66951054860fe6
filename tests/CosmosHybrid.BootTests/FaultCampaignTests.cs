using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Service fault injection (issue 17): booted with `faultinject` and /etc/fault-services, the
/// campaign server injects a small fixed-seed series of faults into echo while checking echo's
/// answers; init restarts echo when it crashes or hangs. The kernel must never panic, every fault
/// must end with echo serving again, and echo must answer afterwards.
/// </summary>
public class FaultCampaignTests : BootTestBase
{
    private const string FaultBoot = "init=init,/etc/fault-services";
    private static readonly TimeSpan CampaignTimeout = TimeSpan.FromMinutes(12);

    [Test]
    public void TwentyFaultsIntoEchoNeverPanicTheKernelAndEchoStillWorks()
    {
        Boot("faultinject " + FaultBoot);
        ExpectOutput(ShellBanner);
        Machine.SendLine("faultinject echo 20 7");
        Match table = ExpectMatch(@"faultinject: total +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)", CampaignTimeout);
        Match memory = ExpectMatch(@"faultinject: free frames (\d+) -> (\d+), kernel heap (\d+) -> (\d+) KiB");
        ExpectOutput("faultinject: campaign finished: 20 faults, service lost 0 times");
        TestContext.Out.WriteLine(table.Value + "\n" + memory.Value);

        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        Assert.That(int.Parse(table.Groups[1].Value), Is.EqualTo(20), "faults injected");
        Assert.That(int.Parse(table.Groups[6].Value), Is.EqualTo(0), "times echo did not come back");
        int crashed = int.Parse(table.Groups[3].Value) + int.Parse(table.Groups[4].Value);
        Assert.That(crashed, Is.GreaterThan(0), "twenty faults restart echo at least once (else the faults hit nothing)");

        // echo answers a fresh client after the campaign.
        Machine.SendLine("run usertest ipc-echo");
        Match outcome = ExpectMatch("ipc-echo: (ok|FAILED)");
        Assert.That(outcome.Groups[1].Value, Is.EqualTo("ok"));
    }

    [Test]
    public void WithoutTheBootOptionTheKernelRefusesToInject()
    {
        Boot(FaultBoot);
        ExpectOutput(ShellBanner);
        Machine.SendLine("faultinject echo 3 1");
        ExpectOutput("faultinject: FaultInject refused (denied)");
        ExpectMatch(@"faultinject: total +0 ");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
