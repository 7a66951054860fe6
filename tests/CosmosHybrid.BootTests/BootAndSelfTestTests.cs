using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>The kernel boots from the hybrid image with BIOS and UEFI, and its in-kernel tests pass.</summary>
public class BootAndSelfTestTests : BootTestBase
{
    // QEMU's isa-debug-exit status: (value << 1) | 1 for the codes in Boot/Power.cs.
    private const int SelfTestPassedStatus = 33;

    [TestCase(Firmware.Bios)]
    [TestCase(Firmware.Uefi)]
    public void BannerShowsMemoryAndCommandLine(Firmware firmware)
    {
        Boot("selftest", firmware);

        ExpectOutput("selftest: starting");
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain("CosmosHybrid 0.1"));
        Assert.That(log, Does.Contain("command line: selftest"));
        Assert.That(log, Does.Contain("boot loader: GRUB"));
        Match memory = Regex.Match(log, @"memory: (\d+) MiB installed, (\d+) MiB managed, (\d+) MiB free, (\d+) KiB used");
        Assert.That(memory.Success, Is.True, "banner has the memory line");
        int installed = int.Parse(memory.Groups[1].Value);
        Assert.That(installed, Is.InRange(500, 512), "QEMU was given 512 MiB");
        Assert.That(int.Parse(memory.Groups[3].Value), Is.LessThanOrEqualTo(int.Parse(memory.Groups[2].Value)));
        Assert.That(log, Does.Contain("(symbols loaded)"));
        Assert.That(log, Does.Match(@"screen: framebuffer \d+x\d+x32"), "GRUB set up a framebuffer and the log is on screen too");
    }

    [TestCase(Firmware.Bios)]
    [TestCase(Firmware.Uefi)]
    public void SelfTestPassesAndPowersOff(Firmware firmware)
    {
        Boot("selftest", firmware);

        int status = ExpectExit();

        Match summary = Regex.Match(Machine.SerialLog, @"selftest: (\d+) passed, (\d+) failed");
        Assert.That(summary.Success, Is.True, "self-test summary line");
        Assert.That(int.Parse(summary.Groups[1].Value), Is.GreaterThan(50));
        Assert.That(summary.Groups[2].Value, Is.EqualTo("0"), "failed self-test checks");
        Assert.That(status, Is.EqualTo(SelfTestPassedStatus), "isa-debug-exit status");
    }

    [Test]
    public void SelfTestPassesOnACpuWithoutOptionalFeatures()
    {
        // qemu64: no SMEP, SMAP, PCID or XSAVE; every such feature must have its fallback.
        Boot("selftest", cpu: "qemu64");

        Assert.That(ExpectExit(), Is.EqualTo(SelfTestPassedStatus));
        Assert.That(Machine.SerialLog, Does.Contain("fxsave-only"));
        Assert.That(Machine.SerialLog, Does.Contain(" 0 failed"));
    }

    [Test]
    public void BootsFromTheImageAsAUsbStick()
    {
        Boot("selftest", Firmware.Bios, BootMedium.UsbStick);

        ExpectOutput("selftest: starting");
        Assert.That(ExpectExit(), Is.EqualTo(SelfTestPassedStatus));
    }
}
