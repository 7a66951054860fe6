using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Ring-3 drivers through device handles. usertest runs as the first program (`init=`), so
/// it holds the root authority at handle 4. QEMU gets an e1000 with no network peer: it
/// answers and DMAs, but nothing leaves the machine. One boot runs the e1000 scenarios
/// (each a child given the authority); a q35 boot puts the NIC on the AHCI controller's line.
/// </summary>
public class DeviceTests : BootTestBase
{
    // No default NIC (it would have a user-mode network peer): our e1000 has no peer at all.
    private const string E1000 = "-nic none -device e1000";

    private void ExpectScenario(string scenario)
    {
        Match outcome = ExpectMatch(Regex.Escape(scenario) + ": (ok|FAILED)");
        Assert.That(outcome.Groups[1].Value, Is.EqualTo("ok"), scenario + " reported a failure");
    }

    [Test]
    public void ARing3DriverDrivesTheE1000AndNothingElse()
    {
        BootWith("init=usertest,devices-suite", "pc", E1000);

        // Registers, MAC, DMA write-back, interrupt, I/O ports through the bitmap, bad input.
        ExpectScenario("devices-e1000");
        ExpectOutput("e1000: MAC from RAL/RAH 52:54:00:12:34:56");
        ExpectOutput("e1000: MAC from the EEPROM 52:54:00:12:34:56");
        ExpectOutput("e1000: transmit descriptor written back by DMA");
        ExpectOutput("e1000: I/O ports ");

        // The framebuffer, write-combining through the PAT.
        ExpectScenario("devices-framebuffer");
        ExpectOutput("framebuffer: mapped WC");

        // Without the Devices right: Denied for every device and every way of asking.
        ExpectScenario("devices-denied");
        ExpectScenario("devices-unprivileged");

        // A driver killed while its NIC transmits from 8 MiB of DMA memory: every page comes back.
        ExpectScenario("devices-kill");
        Match round = ExpectMatch(@"devices-kill: round 1: free pages (\d+) -> (\d+) \(driver running\) -> (\d+) \(this process's own pages \+(\d+)\)");
        Assert.That(long.Parse(round.Groups[3].Value) + long.Parse(round.Groups[4].Value), Is.EqualTo(long.Parse(round.Groups[1].Value)),
            "free pages after the kill (the scenario's own new heap pages apart)");
        Assert.That(long.Parse(round.Groups[2].Value), Is.LessThan(long.Parse(round.Groups[1].Value) - 2048), "the driver held its DMA memory");

        // An out to a port the device does not own: #GP, the process is ended with a report.
        ExpectOutput("devices-port-fault: own port read ");
        ExpectMatch(@"process \d+ \(usertest\) killed: General protection fault");
        ExpectScenario("devices-suite");
        Assert.That(Machine.SerialLog, Does.Not.Contain("still alive after an out"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void ASharedLineServesTheKernelsAhciDriverAndARing3NicDriver()
    {
        // On q35 an e1000 in slot 5 shares irq 10 with the built-in AHCI controller (see qemu-facts).
        FatDiskImage disk = FatDiskImage.Create("shared-irq", 32, 34000, 0, "-s", "1");
        try
        {
            BootWith("init=usertest,devices-shared,25", "q35",
                $"-boot order=d -drive id=d0,file=\"{disk.Path}\",format=raw,if=none -device ide-hd,drive=d0,bus=ide.0 -nic none -device e1000,addr=0x5");
            ExpectScenario("devices-shared");
            ExpectOutput("devices-shared: 25 of 25 NIC interrupts in ring 3, 25 of 25 AHCI file round trips");
            Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        }
        finally
        {
            disk.Dispose();
        }
    }

    [Test]
    public void TheShellListsDevicesWithOwnersRegionsAndLines()
    {
        BootWith("", "pc", E1000);
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
        // The NIC driver (/etc/services) owns the e1000 once it serves: its BAR mapped uncached, bus mastering, its IRQ, DMA memory.
        ExpectOutput("serving 'e1000'");
        Machine.SendLine("devices");
        ExpectMatch(@"e1000\s+00:03\.0\s+8086:100e\s+11\s+pid \d+\s+mem 0x[0-9a-f]+ 128K UC, io 0x[0-9a-f]+ 64, busmaster irq-bound dma");
        // The input driver (/etc/services) owns the i8042: its ports in its I/O bitmap, both lines bound.
        ExpectMatch(@"i8042\s+legacy\s+-\s+1,12\s+pid " + InputProcessId + @"\s+io 0x60 1, io 0x64 1, ports irq-bound");
        ExpectMatch(@"ide\s+00:01\.1\s+8086:7010\s+-\s+kernel");
        // The window server (/etc/services) has the framebuffer: init opened it (pid 1) and ui maps it (WC through the PAT).
        ExpectMatch(@"framebuffer\s+legacy\s+-\s+-\s+pid \d+\s+mem 0x[0-9a-f]+ 3M( WC| UC)?\r?\n");
        ExpectMatch(@"\d+ devices");
    }
}
