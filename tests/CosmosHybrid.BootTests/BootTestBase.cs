using System;
using System.Text.RegularExpressions;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Boots one QEMU per test and, when the test fails, prints the whole serial log
/// so the failure can be understood from the test output alone.
/// </summary>
public abstract class BootTestBase
{
    /// <summary>Generous: CI machines run TCG slower than a developer's, and UEFI firmware takes a while.</summary>
    protected static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(150);

    /// <summary>
    /// The kernel starts init (process 1); init starts /etc/services in order: testsvc (2), the input driver (3), the shell,
    /// the window server `ui` (which starts a terminal that starts its own shell), then (with a NIC) the e1000 driver and the
    /// network stack `net`. Later pids depend on timing: tests read them from the output.
    /// </summary>
    protected const int ShellProcessId = 4;

    /// <summary>The input driver's process (/etc/services).</summary>
    protected const int InputProcessId = 3;

    /// <summary>The window server after a boot.</summary>
    protected const int UiProcessId = ShellProcessId + 1;

    /// <summary>
    /// The kernel starts init (process 1); init starts /etc/services in order: testsvc (2), the input driver (3), the shell,
    /// the window server `ui` (which starts a terminal that starts its own shell), then (with a NIC) the e1000 driver and the
    /// network stack `net`. Later pids depend on timing: tests read them from the output.
    /// </summary>
    /// <summary>
    /// The same services without the terminal window (/etc/console-services), for checks that count the machine's free
    /// frames: the terminal and its shell start at a time that depends on timing and would move the count.
    /// </summary>
    protected const string WithoutTerminal = "init=init,/etc/console-services";

    /// <summary>The shell's banner after a boot.</summary>
    protected static readonly string ShellBanner = "CosmosHybrid shell (ring 3, process " + ShellProcessId + ")";

    protected QemuMachine Machine { get; private set; }

    /// <param name="videoMode">A screen mode for GRUB to set instead of the kernel's 1024x768x32 (gfxpayload, e.g. "800x600x32").</param>
    protected QemuMachine Boot(string commandLine, Firmware firmware = Firmware.Bios, BootMedium medium = BootMedium.Cdrom, string cpu = "max",
        string videoMode = null)
    {
        Machine = QemuMachine.Boot(BootImage.WithCommandLine(commandLine, videoMode: videoMode), firmware, medium, cpu: cpu);
        return Machine;
    }

    /// <summary>Boots a given machine type with extra QEMU options (disks, controllers) and optionally one more GRUB module.</summary>
    protected QemuMachine BootWith(string commandLine, string machine, string extraQemuArguments, Firmware firmware = Firmware.Bios, string extraModule = null)
    {
        Machine = QemuMachine.Boot(BootImage.WithCommandLine(commandLine, extraModule), firmware, machine: machine, extraArguments: extraQemuArguments);
        return Machine;
    }

    /// <summary>Waits for <paramref name="text"/> on the serial line; fails with the log if it never comes.</summary>
    protected void ExpectOutput(string text, TimeSpan? timeout = null)
    {
        if (!Machine.WaitFor(text, timeout ?? BootTimeout))
            Assert.Fail($"Expected \"{text}\" on the serial console; it did not appear ({HowTheWaitEnded()}).");
    }

    /// <summary>
    /// Waits until <paramref name="pattern"/> matches the serial log and returns the match. Waiting for
    /// a line's start is not enough: the serial reader may deliver the rest of the line later.
    /// </summary>
    protected Match ExpectMatch(string pattern, TimeSpan? timeout = null)
    {
        var regex = new Regex(pattern);
        if (!Machine.WaitForMatches(regex, 1, timeout ?? BootTimeout))
            Assert.Fail($"Expected a match for /{pattern}/ on the serial console; none appeared ({HowTheWaitEnded()}).");
        return regex.Match(Machine.SerialLog);
    }

    /// <summary>How long one shell command may take in <see cref="Shell"/>.</summary>
    protected static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Types a command at the shell and returns what it printed: the text between the echo
    /// of the command and the next prompt, trimmed.
    /// </summary>
    protected string Shell(string command)
    {
        int start = Machine.SerialLog.Length;
        Machine.SendLine(command);
        int output = WaitFrom(start, command + "\r\n") + command.Length + 2;
        int prompt = WaitFrom(output, "$ ");
        return Machine.SerialLog.Substring(output, prompt - output).Trim();
    }

    /// <summary>Waits for <paramref name="text"/> at or after <paramref name="from"/> in the serial log; returns where it starts.</summary>
    protected int WaitFrom(int from, string text)
    {
        int index = -1;
        bool found = Machine.WaitUntil(log => (index = log.IndexOf(text, Math.Min(from, log.Length), StringComparison.Ordinal)) >= 0, CommandTimeout);
        Assert.That(found, Is.True, $"\"{text}\" did not appear on the serial console ({HowTheWaitEnded()})");
        return index;
    }

    /// <summary>Why a wait for output failed: a time-out, a halted kernel, or how QEMU ended.</summary>
    private string HowTheWaitEnded() => Machine.ExitReport ?? "time-out, or the kernel halted";

    protected int ExpectExit(TimeSpan? timeout = null)
    {
        int? status = Machine.WaitForExit(timeout ?? BootTimeout);
        if (status == null)
            Assert.Fail("QEMU did not exit in time.");
        return status.Value;
    }

    [TearDown]
    public void StopMachine()
    {
        if (Machine == null)
            return;
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            TestContext.Out.WriteLine("----- serial log -----\n" + Machine.SerialLog + "\n----- end of serial log -----");
            if (Machine.ExitReport is string exit)
                TestContext.Out.WriteLine(exit);
        }
        Machine.Dispose();
        Machine = null;
    }
}
