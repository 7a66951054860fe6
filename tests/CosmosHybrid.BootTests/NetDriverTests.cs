using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The ring-3 e1000 driver, started by init from /etc/net-services, and its clients (usertest
/// net-*) over its port and the shared rings. QEMU's user-mode network with restrict=on: the
/// only peer is slirp's gateway 10.0.2.2, which answers ARP itself; nothing leaves the machine.
/// One boot covers the ARP round trip, bad requests, a client that dies attached, and the
/// driver killed, restarted by init and attached to again. The 82574L (e1000e on q35) is covered with the whole stack
/// on it, in one boot: <see cref="NetStackTests.TheWholeStackRunsOnTheE1000eOnQ35"/>.
/// </summary>
public class NetDriverTests : BootTestBase
{
    private const string NetServices = "init=init,/etc/net-services";
    private const string SlirpGatewayMac = "52:55:0a:00:02:02";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    // Waits for the count-th match of pattern; returns that match.
    private Match ExpectNth(string pattern, int count)
    {
        var regex = new Regex(pattern);
        if (!Machine.WaitForMatches(regex, count, Step))
            Assert.Fail($"Expected {count} matches of /{pattern}/ on the serial console.");
        return regex.Matches(Machine.SerialLog)[count - 1];
    }

    private void ExpectScenario(string scenario, int count)
    {
        Match outcome = ExpectNth(Regex.Escape(scenario) + ": (ok|FAILED)", count);
        Assert.That(outcome.Groups[1].Value, Is.EqualTo("ok"), scenario + " reported a failure");
    }

    private void ArpRoundTrip(int count)
    {
        Machine.SendLine("usertest net-arp");
        ExpectScenario("net-arp", count);
        Match reply = ExpectNth(@"net-arp: 10\.0\.2\.2 is at ([0-9a-f:]{17})", count);
        Assert.That(reply.Groups[1].Value, Is.EqualTo(SlirpGatewayMac));
    }

    [Test]
    public void TheDriverCarriesArpToSlirpAndSurvivesClientsAndRestarts()
    {
        BootWith(NetServices, "pc", "-nic user,model=e1000,restrict=on");
        ExpectOutput("e1000: 82540EM, MAC 52:54:00:12:34:56, irq 11, serving 'e1000'");
        ExpectOutput("CosmosHybrid shell (ring 3, process 2)");
        ExpectOutput("e1000: link up, 1000 Mb/s", Step);

        // A client attaches, sends an ARP request for the gateway and reads slirp's reply.
        ArpRoundTrip(1);
        ExpectOutput("net-arp: attached; MAC 52:54:00:12:34:56");
        ExpectOutput("net: detached");

        // Malformed requests get error replies; the driver carries on.
        Machine.SendLine("usertest net-bad");
        ExpectScenario("net-bad", 1);

        // A client that ends while attached: the driver notices, and the next client attaches.
        Machine.SendLine("usertest net-attach-exit");
        ExpectScenario("net-attach-exit", 1);
        ExpectOutput("e1000: client gone; detached", Step);
        ArpRoundTrip(2);

        // The driver killed: init restarts it, and a client attaches to the new one.
        Machine.SendLine("kill 3");
        ExpectOutput("init: e1000 (process 3) ended with status -9", Step);
        Match restarted = ExpectMatch(@"init: restarted e1000 as process (\d+)", Step);
        ExpectNth(@"e1000: 82540EM, MAC 52:54:00:12:34:56", 2);
        ArpRoundTrip(3);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        Assert.That(Machine.SerialLog, Does.Not.Match(@"process \d+ \(e1000\) killed"), "the driver faulted");
        Assert.That(restarted.Groups[1].Value, Is.Not.EqualTo("3"));
    }

    [Test]
    public void FramesFlowBothWaysUnderLoadWithFewWakeups()
    {
        // -icount shift=0: the tick figures repeat from run to run (one instruction a tick).
        BootWith(NetServices, "pc", "-icount shift=0 -nic user,model=e1000,restrict=on");
        ExpectOutput("CosmosHybrid shell (ring 3, process 2)");
        ExpectOutput("e1000: link up, 1000 Mb/s", Step);
        Machine.SendLine("usertest net-bench 2000");
        ExpectScenario("net-bench", 1);
        Match figures = ExpectMatch(@"net-bench: (\d+) ARP requests, (\d+) replies, (\d+) frames received, (\d+) sent by the driver, in (\d+) ms; (\d+) kicks, (\d+) client sleeps, (\d+) driver wake-ups");
        Match driver = ExpectMatch(@"net-bench: driver ticks per received frame (\d+), per sent frame (\d+), per wake-up besides frames (\d+)");
        Match client = ExpectMatch(@"net-bench: client ring hand-off ticks per frame: publish (\d+), consume (\d+)");
        TestContext.Out.WriteLine(figures.Value + "\n" + driver.Value + "\n" + client.Value);
        Assert.That(int.Parse(figures.Groups[2].Value), Is.EqualTo(2000), "replies");
        Assert.That(int.Parse(figures.Groups[4].Value), Is.EqualTo(2000), "sent by the driver");
        Assert.That(int.Parse(figures.Groups[8].Value), Is.LessThan(2000), "fewer driver wake-ups than frames each way");
        Assert.That(int.Parse(driver.Groups[1].Value), Is.GreaterThan(0));
    }

    [Test]
    public void WithoutANicTheDriverStaysOffAndTheShellStarts()
    {
        BootWith(NetServices, "pc", "-nic none");
        ExpectOutput("CosmosHybrid shell (ring 3, process 2)");
        ExpectOutput("init: e1000: no device for it; not started");
        Machine.SendLine("usertest net-bad");
        ExpectOutput("the driver's port: failed", Step);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
