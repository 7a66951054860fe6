using System.Linq;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Init.Manifest;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Init;

public class ManifestParserTests
{
    private const string Good =
        "# the services init starts\n" +
        "service echo\n" +
        "  run echo reserved   # a comment\n" +
        "  name echo echo-bulk\n" +
        "  restart yes\n" +
        "  threads 8\n" +
        "\n" +
        "service net\n" +
        "  run netd --verbose\n" +
        "  device class=0200 pci=8086:100e\n" +
        "  after echo\n" +
        "  handles 4096\n" +
        "service shell\n" +
        "\trun shell\n" +
        "  rights poweroff killany\n" +
        "  device i8042 framebuffer\n" +
        "  after net echo\n";

    [Test]
    public void AGoodManifestGivesEveryServiceAndNoErrors()
    {
        ServiceManifest manifest = ManifestParser.Parse(Good);
        Assert.That(manifest.Errors, Is.Empty);
        Assert.That(manifest.Services.Select(s => s.Name), Is.EqualTo(new[] { "echo", "net", "shell" }));

        ServiceEntry echo = manifest.Find("echo");
        Assert.That(echo.CommandLine, Is.EqualTo("echo reserved"));
        Assert.That(echo.Names, Is.EqualTo(new[] { "echo", "echo-bulk" }));
        Assert.That(echo.Restart, Is.True);
        Assert.That(echo.ThreadLimit, Is.EqualTo(8));
        Assert.That(echo.Rights, Is.EqualTo(HandleRights.None));

        ServiceEntry net = manifest.Find("net");
        Assert.That(net.CommandLine, Is.EqualTo("netd --verbose"));
        Assert.That(net.Restart, Is.False);
        Assert.That(net.HandleLimit, Is.EqualTo(4096));
        Assert.That(net.Devices.Select(d => d.ToString()), Is.EqualTo(new[] { "class=0200", "pci=8086:100e" }));
        Assert.That(net.Devices[0].ClassCode, Is.EqualTo(2));
        Assert.That(net.Devices[0].Subclass, Is.EqualTo(0));
        Assert.That(net.Devices[1].VendorId, Is.EqualTo(0x8086));
        Assert.That(net.Devices[1].DeviceId, Is.EqualTo(0x100e));

        ServiceEntry shell = manifest.Find("shell");
        Assert.That(shell.Rights, Is.EqualTo(HandleRights.PowerOff | HandleRights.KillAny));
        Assert.That(shell.Devices.Select(d => d.Kind), Is.EqualTo(new[] { DeviceSelectorKind.Legacy, DeviceSelectorKind.Legacy }));
        Assert.That(shell.After, Is.EqualTo(new[] { "net", "echo" }));
    }

    [Test]
    public void TheInputDriverEntryGetsTheConsoleInputRightItsNameAndTheI8042()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "service input\n  run input de\n  rights consoleinput\n  name input\n  device i8042\n  restart yes\n");
        Assert.That(manifest.Errors, Is.Empty);
        ServiceEntry input = manifest.Find("input");
        Assert.That(input.CommandLine, Is.EqualTo("input de"));
        Assert.That(input.Rights, Is.EqualTo(HandleRights.ConsoleInput));
        Assert.That(input.Names, Is.EqualTo(new[] { "input" }));
        Assert.That(input.Devices.Select(d => d.ToString()), Is.EqualTo(new[] { "i8042" }));
        Assert.That((HandleRights.RootAuthority & HandleRights.ConsoleInput) != 0, Is.True, "init can hand it on");
    }

    [Test]
    public void MalformedLinesAreReportedByNumberAndSkipped()
    {
        const string text =
            "run orphan\n" +              // 1: outside a service
            "service a\n" +               // 2
            "  run a-prog\n" +            // 3
            "  rights poweroff fly\n" +   // 4: unknown right
            "  device pci=80861:00e\n" +  // 5: bad selector
            "  threads lots\n" +          // 6: not a number
            "  colour blue\n" +           // 7: unknown key
            "  restart maybe\n" +         // 8
            "  device class=02\n" +       // 9: fine
            "service b c\n" +             // 10: two names
            "  run b\n" +                 // 11: belongs to the skipped entry: silent
            "service d\n" +               // 12: no run line
            "service a\n" +               // 13: listed twice
            "service e\n" +               // 14
            "  run e\n" +                 // 15
            "  handles 0\n";              // 16: out of range
        ServiceManifest manifest = ManifestParser.Parse(text);
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 1, 4, 5, 6, 7, 8, 10, 12, 13, 16 }));
        Assert.That(manifest.Errors[1].ToString(), Does.StartWith("line 4: unknown right 'fly'"));
        Assert.That(manifest.Services.Select(s => s.Name), Is.EqualTo(new[] { "a", "e" }));
        ServiceEntry a = manifest.Find("a");
        Assert.That(a.Rights, Is.EqualTo(HandleRights.None), "a rejected line changes nothing");
        Assert.That(a.Devices.Select(d => d.ToString()), Is.EqualTo(new[] { "class=02" }));
        Assert.That(a.ThreadLimit, Is.EqualTo(0));
    }

    [Test]
    public void ADriverCanAskToStartOnlyWithItsDevice()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "service e1000\n run e1000\n device pci=8086:100e pci=8086:10d3\n needs-device yes\n" +
            "service other\n run other\n needs-device maybe\n");
        ServiceEntry driver = manifest.Find("e1000");
        Assert.That(driver.NeedsDevice, Is.True);
        Assert.That(driver.Devices.Select(d => d.ToString()), Is.EqualTo(new[] { "pci=8086:100e", "pci=8086:10d3" }));
        Assert.That(manifest.Find("other").NeedsDevice, Is.False);
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 7 }));
    }

    [Test]
    public void AFileServerNamesTheDiskOfAMountPoint()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "service fs\n run fs /disk serve\n device disk=/disk\n needs-device yes\n" +
            "service bad\n run bad\n device disk=/\n device disk=/a/b\n");
        ServiceEntry server = manifest.Find("fs");
        Assert.That(server.Devices.Select(d => d.Kind), Is.EqualTo(new[] { DeviceSelectorKind.Disk }));
        Assert.That(server.Devices[0].LegacyName, Is.EqualTo("/disk"));
        Assert.That(server.Devices[0].ToString(), Is.EqualTo("disk=/disk"));
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 7, 8 }), "a root or nested mount point is no disk selector");
    }

    [Test]
    public void WindowsLineEndsAndEmptyTextAreFine()
    {
        Assert.That(ManifestParser.Parse("").Services, Is.Empty);
        ServiceManifest manifest = ManifestParser.Parse("service x\r\n  run x 1\r\n");
        Assert.That(manifest.Errors, Is.Empty);
        Assert.That(manifest.Find("x").CommandLine, Is.EqualTo("x 1"));
    }

    [Test]
    public void StartOrderPutsDependenciesFirstAndDropsCyclesAndUnknowns()
    {
        const string text =
            "service shell\n run shell\n after echo\n" +
            "service echo\n run echo\n" +
            "service p\n run p\n after q\n" +
            "service q\n run q\n after p\n" +
            "service lost\n run lost\n after nowhere\n";
        ServiceManifest manifest = ManifestParser.Parse(text);
        var order = StartOrder.Compute(manifest);
        Assert.That(order.Select(s => s.Name), Is.EqualTo(new[] { "echo", "shell" }));
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 6, 9, 12 }));
        Assert.That(manifest.Errors[2].Message, Does.Contain("unknown service 'nowhere'"));
        Assert.That(manifest.Errors[0].Message, Does.Contain("cycle"));
    }

    [Test]
    public void APingLineTurnsOnTheLivenessCheckAndTheFaultInjectRightParses()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "service echo\n  run echo\n  ping echo 2000\n" +
            "service campaign\n  run faultinject serve\n  rights faultinject\n" +
            "service bad\n  run x\n  ping echo\n  ping echo 10\n  ping bad/port 500\n");
        Assert.That(manifest.Find("echo").PingPort, Is.EqualTo("echo"));
        Assert.That(manifest.Find("echo").PingTimeoutMilliseconds, Is.EqualTo(2000));
        Assert.That(manifest.Find("campaign").PingPort, Is.Null);
        Assert.That(manifest.Find("campaign").Rights, Is.EqualTo(HandleRights.FaultInject));
        Assert.That(manifest.Find("bad").PingPort, Is.Null);
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 9, 10, 11 }));
        Assert.That(manifest.Errors[1].Message, Does.Contain("time-out"));
    }

    [Test]
    public void TheShippedFaultManifestPingsEchoAndGivesTheCampaignItsRight()
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory,
            "../../../../../Services/Init/fault-services"));
        ServiceManifest manifest = ManifestParser.Parse(text);
        Assert.That(manifest.Errors, Is.Empty);
        Assert.That(manifest.Find("echo").PingPort, Is.EqualTo("echo"));
        Assert.That(manifest.Find("echo").Restart, Is.True);
        Assert.That(manifest.Find("faultinject").Rights, Is.EqualTo(HandleRights.FaultInject));
        Assert.That(manifest.Find("shell").Rights & HandleRights.FaultInject, Is.EqualTo(HandleRights.None));
    }

    [Test]
    public void PlacementLinesStandOnTheirOwnAnywhere()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "fs:/disk=ring3   # the second hard disk stays in the kernel\n" +
            "fs:/disk1=kernel\n" +
            "service shell\n" +
            "  run shell\n" +
            "fs:/data/archive=ring3\n" +
            "  restart yes\n");

        Assert.That(manifest.Errors, Is.Empty);
        Assert.That(manifest.Placements.Select(p => p.Path), Is.EqualTo(new[] { "/disk", "/disk1", "/data/archive" }));
        Assert.That(manifest.Placements.Select(p => p.RingThree), Is.EqualTo(new[] { true, false, true }));
        Assert.That(manifest.Placements.Select(p => p.Line), Is.EqualTo(new[] { 1, 2, 5 }));
        Assert.That(manifest.Find("shell").Restart, Is.True, "a placement line does not end the service around it");
    }

    [Test]
    public void BadPlacementLinesAreReportedAndSkipped()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "fs:/disk=ring3\n" +
            "fs:/disk=kernel\n" +          // 2: the same path again
            "fs:/disk1=ring0\n" +          // 3: no such placement
            "fs:disk1=ring3\n" +           // 4: not absolute
            "fs:/disk1/=ring3\n" +         // 5: trailing '/'
            "fs://disk1=ring3\n" +         // 6: empty part
            "fs:/a/../disk1=ring3\n" +     // 7: '..'
            "fs:/disk1=ring3 now\n" +      // 8: more than one word
            "fs:=ring3\n" +                // 9: no path
            "fs:/=ring3\n");               // 10: the root is a path like any other here

        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 2, 3, 4, 5, 6, 7, 8, 9 }));
        Assert.That(manifest.Errors[0].Message, Does.Contain("a second placement for /disk (line 1 stands)"));
        Assert.That(manifest.Placements.Select(p => p.Path), Is.EqualTo(new[] { "/disk", "/" }));
        Assert.That(manifest.Placements[0].RingThree, Is.True, "the first line stands");
        Assert.That(manifest.Services, Is.Empty);
    }

    [Test]
    public void ARootPlacementTheKernelRefusesPointsToTheBootOption()
    {
        ServiceManifest manifest = ManifestParser.Parse("fs:/=ring3\nfs:/disk=ring3\n");
        string root = PlacementWording.NotApplied(manifest.Placements[0], "/etc/services", "not supported");
        Assert.That(root, Does.StartWith("/etc/services line 1: fs:/=ring3 not applied"));
        Assert.That(root, Does.Contain("use the boot option fs:/=ring3"));
        string disk = PlacementWording.NotApplied(manifest.Placements[1], "/etc/services", "not found");
        Assert.That(disk, Is.EqualTo("/etc/services line 2: fs:/disk=ring3 not applied (not found)"), "any other refusal names its error");
    }

    [Test]
    public void AKeyLineNamesTheSecretAServiceShares()
    {
        ServiceManifest manifest = ManifestParser.Parse(
            "service driver\n  run e1000\n  key nic\n" +
            "service stack\n  run net\n  key nic\n" +
            "service bad\n  run x\n  key\n  key a b\n  key bad/name\n  key one\n  key two\n");
        Assert.That(manifest.Find("driver").KeyName, Is.EqualTo("nic"));
        Assert.That(manifest.Find("stack").KeyName, Is.EqualTo("nic"));
        Assert.That(manifest.Find("driver").CommandLine, Is.EqualTo("e1000"), "the key is no part of the written command line");
        Assert.That(manifest.Find("bad").KeyName, Is.EqualTo("one"));
        Assert.That(manifest.Errors.Select(e => e.Line), Is.EqualTo(new[] { 9, 10, 11, 13 }));
        Assert.That(manifest.Errors[3].Message, Does.Contain("second 'key'"));
    }
}
