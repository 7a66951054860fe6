using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>A ring-0 fault or an unhandled exception ends in a readable panic report, not a silent reset.</summary>
public class PanicReportTests : BootTestBase
{
    private const int PanicStatus = 37;

    [TestCase(Firmware.Bios)]
    [TestCase(Firmware.Uefi)]
    public void PageFaultReportNamesTheFaultingMethod(Firmware firmware)
    {
        Boot("panic-test exit-on-panic", firmware);

        Assert.That(ExpectExit(), Is.EqualTo(PanicStatus));
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain("*** KERNEL PANIC: Page fault (#PF), vector 14"));
        Assert.That(log, Does.Contain("error code 0x0000000000000002 (page not present, write, kernel mode)"));
        Assert.That(log, Does.Match(@"RIP 0xffffffff8[0-9a-f]{7} in CosmosHybrid\.Diagnostics\.PanicDemonstration\.WriteToUnmappedAddress\+0x"));
        Assert.That(log, Does.Contain("CR2 0x0000100000000010"));
        Assert.That(log, Does.Match(@"RAX 0x[0-9a-f]{16}  RBX 0x[0-9a-f]{16}  RCX 0x[0-9a-f]{16}"));
        Assert.That(log, Does.Match(@"#0 0x[0-9a-f]{16} CosmosHybrid\.Diagnostics\.PanicDemonstration\.WriteToUnmappedAddress"));
        Assert.That(log, Does.Match(@"#1 0x[0-9a-f]{16} CosmosHybrid\.Boot\.Kernel\.Main\+0x"), "the caller comes next in the trace");
        Assert.That(log, Does.Contain("System halted."));
    }

    [Test]
    public void UnhandledExceptionReportShowsTypeAndMessage()
    {
        Boot("panic-test=exception exit-on-panic");

        Assert.That(ExpectExit(), Is.EqualTo(PanicStatus));
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain("*** KERNEL PANIC: unhandled exception System.InvalidOperationException"));
        Assert.That(log, Does.Contain("message: panic-test: this exception is thrown on purpose"));
        Assert.That(log, Does.Contain("at CosmosHybrid.Diagnostics.PanicDemonstration.ThrowUnhandledException"), "the exception's own stack trace");
        Assert.That(log, Does.Contain("at CosmosHybrid.Boot.Kernel.Main"), "with its callers (PanicDemonstration.Run is inlined there)");
    }

    [Test]
    public void KernelStackOverflowHitsTheGuardAndIsNamed()
    {
        Boot("panic-test=stack-overflow exit-on-panic");

        Assert.That(ExpectExit(), Is.EqualTo(PanicStatus));
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain("*** KERNEL PANIC: Double fault (#DF)").Or.Contain("*** KERNEL PANIC: Page fault (#PF)"));
        Assert.That(log, Does.Contain("cause: kernel stack overflow"));
        Assert.That(log, Does.Contain("PanicDemonstration.Recurse"));
    }

    [Test]
    public void WithoutExitOnPanicTheMachineHaltsInsteadOfRebooting()
    {
        Boot("panic-test");

        ExpectOutput("System halted.");
        // -no-reboot would turn a triple fault (reset) into an exit: the machine must still be there.
        Assert.That(Machine.WaitForExit(System.TimeSpan.FromSeconds(3)), Is.Null, "QEMU should keep running, halted");
    }
}
