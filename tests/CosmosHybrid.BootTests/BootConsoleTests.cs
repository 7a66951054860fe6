using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>The ring-0 boot console (kernel command line <c>kernel-console</c>, or when no shell can run).</summary>
public class BootConsoleTests : BootTestBase
{
    [Test]
    public void AnswersCommandsAndPowersOff()
    {
        Boot("kernel-console");
        ExpectOutput("kernel> ");

        Machine.SendLine("help");
        ExpectOutput("commands: help, mem, uptime, bench, panic, poweroff");
        Machine.SendLine("uptime");
        ExpectOutput("up ");
        Machine.SendLine("mem");
        ExpectOutput(" managed (4 KiB each)");
        ExpectOutput(" KiB allocated since boot");
        Machine.SendLine("frobnicate");
        ExpectOutput("unknown command: frobnicate (try 'help')");
        Machine.SendLine("poweroff");
        ExpectOutput("powering off");

        Assert.That(ExpectExit(), Is.EqualTo(0), "ACPI power-off ends QEMU normally");
    }
}
