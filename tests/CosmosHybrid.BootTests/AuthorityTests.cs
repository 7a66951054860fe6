using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Authority and init: privileged calls without a right are Denied, reserved names belong
/// to the service the manifest names, init restarts services (and gives up on one that keeps
/// failing), a broken manifest line is reported and skipped, and quotas end in errors.
/// </summary>
public class AuthorityTests : BootTestBase
{
    private void BootToShell(string commandLine = "")
    {
        Boot(commandLine);
        ExpectOutput("CosmosHybrid shell (ring 3, process ");
        ExpectOutput("$ ");
    }

    [Test]
    public void WithoutRightsEveryPrivilegedCallIsDeniedAndReservedNamesStayTheServicesOwn()
    {
        BootToShell();
        // usertest started by the shell holds no authority: poweroff, kill of init, reserving,
        // registering the reserved name, opening a device: each Denied (one check per call).
        Machine.SendLine("run usertest no-rights 1");
        ExpectOutput("no-rights: all denied");
        // A second instance of the test service, without the reservation, cannot take its name.
        Machine.SendLine("run usertest reserved-service test-reserved");
        ExpectOutput("reserved-service: without the reservation denied, with it denied");
        Machine.SendLine("run usertest reserved-lookup test-reserved");
        ExpectOutput("reserved-lookup: 'test-reserved' is registered");
        Assert.That(Machine.SerialLog, Does.Not.Contain("powering off"));
        Assert.That(Machine.SerialLog, Does.Not.Match("(?i)panic|security|violation"), "nothing alarming logged");
    }

    [Test]
    public void InitRestartsAKilledServiceWhichGetsItsReservedNameAgain()
    {
        BootToShell();
        Machine.SendLine("ps");
        Match service = ExpectMatch(@"\s+(\d+) usertest\s+running\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+1\r?\n");
        string pid = service.Groups[1].Value;
        // The shell holds KillAny (manifest: rights poweroff killany), so it may end init's child.
        Machine.SendLine("kill " + pid);
        ExpectOutput("killed " + pid);
        ExpectOutput("init: testsvc (process " + pid + ") ended with status -9");
        Match restarted = ExpectMatch(@"init: restarted testsvc as process (\d+)");
        Assert.That(restarted.Groups[1].Value, Is.Not.EqualTo(pid));
        // The new instance registers the reserved name with the reservation init hands it again
        // (it may take a moment to get there: ask a few times).
        for (int attempt = 0; attempt < 10 && !Machine.SerialLog.Contains("reserved-lookup: 'test-reserved' is registered"); attempt++)
        {
            Machine.SendLine("run usertest reserved-lookup test-reserved");
            ExpectMatch(@"process \d+ exited with status");
        }
        Assert.That(Machine.SerialLog, Does.Contain("reserved-lookup: 'test-reserved' is registered"));
    }

    [Test]
    public void ABrokenManifestIsReportedLineByLineAndTheRestStarts()
    {
        BootToShell("init=init,/etc/test-services");
        Assert.That(Machine.SerialLog, Does.Contain("init: /etc/test-services line 7: unknown key 'colour'"));
        Assert.That(Machine.SerialLog, Does.Contain("init: /etc/test-services line 10: 'service' needs one name"));
        // A device the machine lacks: the service starts without it.
        Assert.That(Machine.SerialLog, Does.Contain("init: testsvc: no device matches pci=8086:ffff"));
        // A service that ends is restarted, and its new instance gets its device again.
        Match first = ExpectMatch(@"device-holder: process (\d+) has the i8042");
        ExpectMatch(@"device-holder: process (?!" + first.Groups[1].Value + @"\b)\d+ has the i8042", TimeSpan.FromSeconds(30));
        // A service that fails at once is restarted with a back-off, then given up on.
        ExpectOutput("init: crasher keeps failing; not restarting it", TimeSpan.FromSeconds(60));

        // This shell has poweroff but not killany: init is not its descendant.
        Machine.SendLine("kill 1");
        ExpectOutput("kill: denied");
        Machine.SendLine("run usertest reserved-lookup test-reserved");
        ExpectOutput("reserved-lookup: 'test-reserved' is registered");
        Machine.SendLine("poweroff");
        ExpectOutput("powering off");
    }

    [Test]
    public void RightsAreDuplicatedWithFewerRightsPassedAndClosed()
    {
        // usertest as the first program holds the root authority at handle 4.
        Boot("init=usertest,authority");
        ExpectOutput("authority: ok");
        ExpectOutput("powering off (requested by process 1)");
    }

    [Test]
    public void AHostileProgramReachesEveryQuotaAndGetsErrors()
    {
        BootToShell();
        Machine.SendLine("run usertest quotas 300");
        ExpectOutput("quotas: handles 1024 held, 1021 made (too many open handles)", TimeSpan.FromSeconds(60));
        ExpectOutput("quotas: handles usable again");
        // One process may have 64 children in the table (Process.MaxChildren): a spawn bomb's bound.
        ExpectOutput("quotas: processes 64 (too many processes)", TimeSpan.FromSeconds(120));
        ExpectOutput("quotas: processes usable again", TimeSpan.FromSeconds(60));
        ExpectOutput("quotas: threads 64 (too many threads)", TimeSpan.FromSeconds(60));
        ExpectOutput("quotas: done");
        Machine.SendLine("ps");
        ExpectMatch(@"\s+" + ShellProcessId + @" shell\s+running");
    }
}
