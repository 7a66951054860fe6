using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>The words a boot test uses for a QEMU that ended early (no boot: QEMU's log lines as QEMU 7.2 writes them).</summary>
public class QemuExitTests
{
    private const string PowerOnLog =
        "CPU Reset (CPU 0)\nEAX=00000000 EBX=00000000 ECX=00000000 EDX=00000000\nEIP=00000000 EFL=00000000 [-------] CPL=0 II=0 A20=0 SMM=0 HLT=0\n" +
        "CR0=00000000 CR2=00000000 CR3=00000000 CR4=00000000\nXMM00=0000000000000000 0000000000000000 XMM01=0000000000000000 0000000000000000\n" +
        "CPU Reset (CPU 0)\nEAX=00000000 EBX=00000000 ECX=00000000 EDX=00060fb1\nEIP=0000fff0 EFL=00000002 [-------] CPL=0 II=0 A20=1 SMM=0 HLT=0\n";

    [Test]
    public void ATripleFaultIsNamed()
    {
        string report = QemuExit.Describe(0, PowerOnLog + "Triple fault\n");
        Assert.That(report, Does.StartWith("QEMU exited with status 0 (a triple fault"));
        Assert.That(report, Does.Contain("QEMU's log: Triple fault"));
    }

    [Test]
    public void AQuietExitWithStatusZeroIsAResetOrPowerOffTheGuestAskedFor()
    {
        Assert.That(QemuExit.Describe(0, PowerOnLog), Is.EqualTo(
            "QEMU exited with status 0 (the guest reset or powered off the machine (-no-reboot ends QEMU on a reset))"));
    }

    [Test]
    public void DebugExitCodesAndSignalsAreTold()
    {
        Assert.That(QemuExit.Describe(37, PowerOnLog), Does.Contain("isa-debug-exit code 0x12"));
        Assert.That(QemuExit.Describe(33, ""), Does.Contain("isa-debug-exit code 0x10"));
        Assert.That(QemuExit.Describe(137, PowerOnLog), Does.Contain("killed by signal 9"));
    }

    [Test]
    public void GuestErrorsAndLaterResetsAreListed()
    {
        string report = QemuExit.Describe(0, PowerOnLog + "unsupported keyboard cmd=0xee\nCPU Reset (CPU 0)\nEAX=00000000\n");
        Assert.That(report, Does.Contain("1 CPU reset(s) after power-on"));
        Assert.That(report, Does.Contain("QEMU's log: unsupported keyboard cmd=0xee"));
    }
}
