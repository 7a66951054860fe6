using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The block drivers against disks QEMU emulates: ATA by bus-master DMA (and by PIO,
/// forced or as the fallback) on the pc machine's IDE channels, AHCI on q35 (the built-in ICH9 controller and an added one), and the RAM
/// disk over a boot module. The kernel's <c>disktest</c> option reads sectors and prints
/// checksums, which must match the image the test made; it writes a pattern and flushes,
/// and after QEMU has exited the image file must hold exactly that pattern there and
/// nothing else changed.
/// </summary>
public class StorageTests : BootTestBase
{
    private const string Model = "QEMU HARDDISK";
    private const long SmallDiskSectors = 16L * 1024 * 1024 / DiskImage.SectorSize;

    /// <summary>2^28 sectors: the last one a 28-bit command can address is one less.</summary>
    private const long Lba28Limit = 1L << 28;

    private readonly List<DiskImage> _images = new();

    [TearDown]
    public void DeleteImages()
    {
        foreach (DiskImage image in _images)
            image.Dispose();
        _images.Clear();
    }

    [Test]
    public void IdeMasterAndSlaveAreReadAndWrittenWithDma()
    {
        DiskImage master = Keep(DiskImage.CreateFilled("ide-master", SmallDiskSectors));
        DiskImage slave = Keep(DiskImage.CreateFilled("ide-slave", SmallDiskSectors / 2));
        var reads = new[] { (0L, 1), (SmallDiskSectors - 1, 1), (100L, 300) };
        var masterBefore = Snapshot(master, reads);
        var slaveReads = new[] { (0L, 1), (SmallDiskSectors / 2 - 1, 1), (100L, 300) };
        var slaveBefore = Snapshot(slave, slaveReads);

        // 300 sectors from a heap buffer: one READ/WRITE DMA EXT whose 150 KiB cross at least two
        // 64 KiB boundaries of physical memory, so the PRD table cuts them; the stack read-back bounces.
        BootWith("disktest=read:0,read:last,read:100+300,write:2048+300,bench:4", "pc",
            $"-boot order=d -drive file=\"{master.Path}\",format=raw,if=ide,index=0 -drive file=\"{slave.Path}\",format=raw,if=ide,index=1");

        ExpectOutput("ata0 ata-dma 'QEMU HARDDISK' 16 MiB (32768 x 512 B) at ide primary master");
        ExpectOutput("ata1 ata-dma 'QEMU HARDDISK' 8192 KiB (16384 x 512 B) at ide primary slave");
        ExpectDiskTest("ata0", "ata-dma", master, masterBefore, 2048, 300);
        ExpectDiskTest("ata1", "ata-dma", slave, slaveBefore, 2048, 300);
        ExpectOutput("disktest: ata1 bench read 4096 KiB in 64 KiB requests: ");
        ExpectOutput("disktest: done");
        ExpectAtaTransfers("ata0", dma: true);
        ExpectAtaTransfers("ata1", dma: true);
        Assert.That(ExpectExit(), Is.EqualTo(33));
        ExpectWritten(master, 2048, 300);
        ExpectWritten(slave, 2048, 300);
    }

    [Test]
    public void AtaPioBootOptionMovesIdeDataByProgrammedIo()
    {
        DiskImage disk = Keep(DiskImage.CreateFilled("ide-pio", SmallDiskSectors));
        var reads = new[] { (0L, 1), (SmallDiskSectors - 1, 1), (100L, 300) };
        var before = Snapshot(disk, reads);

        BootWith("ata=pio disktest=read:0,read:last,read:100+300,write:2048+300", "pc", IdeArguments(disk));

        ExpectOutput("ata0 ata-pio 'QEMU HARDDISK' 16 MiB (32768 x 512 B) at ide primary master");
        ExpectDiskTest("ata0", "ata-pio", disk, before, 2048, 300);
        ExpectOutput("disktest: done");
        ExpectAtaTransfers("ata0", dma: false);
        Assert.That(ExpectExit(), Is.EqualTo(33));
        ExpectWritten(disk, 2048, 300);
    }

    [TestCase(false, Firmware.Bios, TestName = "AhciDiskOnAddedControllerUsesDmaAndInterrupts(BIOS)")]
    [TestCase(true, Firmware.Bios, TestName = "AhciDiskOnBuiltInIch9UsesDmaAndInterrupts(BIOS)")]
    [TestCase(false, Firmware.Uefi, TestName = "AhciDiskOnAddedControllerUsesDmaAndInterrupts(UEFI)")]
    public void AhciDiskUsesDmaAndInterrupts(bool builtInController, Firmware firmware)
    {
        DiskImage disk = Keep(DiskImage.CreateFilled("ahci", SmallDiskSectors));
        var reads = new[] { (0L, 1), (SmallDiskSectors - 1, 1), (100L, 300) };
        var before = Snapshot(disk, reads);

        BootWith("disktest=read:0,read:last,read:100+300,write:2048+300,bench:16", "q35", AhciArguments(disk, builtInController), firmware);

        // q35: the VGA is 00:01.0 and boot tests add no NIC, so the added controller is the next slot.
        ExpectOutput(builtInController ? "at ahci 00:1f.2 port 0" : "at ahci 00:02.0 port 0");
        ExpectDiskTest("ahci0", "ahci", disk, before, 2048, 300);
        ExpectOutput("disktest: ahci0 bench read 16384 KiB in 64 KiB requests: ");
        ExpectOutput("disktest: done");
        ExpectInterrupts("ahci0");
        Assert.That(ExpectExit(), Is.EqualTo(33));
        ExpectWritten(disk, 2048, 300);
    }

    [TestCase("ide")]
    [TestCase("ahci")]
    public void SectorsBeyondTheLba28LimitUseLba48(string controller)
    {
        // 128 GiB + 1 MiB, sparse: only the sectors read are filled.
        long sectors = Lba28Limit + 2048;
        DiskImage disk = Keep(DiskImage.CreateSparse("lba48-" + controller, sectors, 0, Lba28Limit + 5, sectors - 1));
        var reads = new[] { (0L, 1), (Lba28Limit + 5, 1), (sectors - 1, 1) };
        var before = Snapshot(disk, reads);
        long write = Lba28Limit - 100;   // 200 sectors straddling the limit: 28-bit and 48-bit commands

        string name = controller == "ide" ? "ata0" : "ahci0";
        BootWith($"disktest=read:0,read:{Lba28Limit + 5},read:last,write:{write}+200", controller == "ide" ? "pc" : "q35",
            controller == "ide" ? IdeArguments(disk) : AhciArguments(disk, builtIn: false));

        ExpectDiskTest(name, controller == "ide" ? "ata-dma" : "ahci", disk, before, write, 200);
        ExpectOutput("disktest: done");
        Assert.That(ExpectExit(), Is.EqualTo(33));
        ExpectWritten(disk, write, 200);
    }

    [TestCase("ide")]
    [TestCase("ahci")]
    public void DeviceErrorsAreReportedAndTheDiskRecovers(string controller)
    {
        DiskImage disk = Keep(DiskImage.CreateFilled("errors-" + controller, SmallDiskSectors));
        // QEMU's blkdebug layer fails every read that touches sector 4096 with EIO.
        string config = disk.Path + ".blkdebug";
        File.WriteAllText(config, "[inject-error]\nevent = \"read_aio\"\nerrno = \"5\"\nsector = \"4096\"\n");
        string drive = $"driver=raw,file.driver=blkdebug,file.config={config},file.image.filename={disk.Path},rerror=report,werror=report";
        string arguments = controller == "ide"
            ? $"-boot order=d -drive {drive},if=ide"
            : $"-drive id=d0,{drive},if=none -device ahci,id=ahci -device ide-hd,drive=d0,bus=ahci.0";
        string name = controller == "ide" ? "ata0" : "ahci0";
        try
        {
            BootWith("disktest=read:4096,read:0,read:4090+10,read:last", controller == "ide" ? "pc" : "q35", arguments);

            ExpectOutput($"disktest: {name} read 4096+1: IoError");
            ExpectOutput($"disktest: {name} read 0+1: ok {DiskImage.Summary(DiskImage.Original(0))}");
            ExpectOutput($"disktest: {name} read 4090+10: IoError");
            ExpectOutput($"disktest: {name} read {SmallDiskSectors - 1}+1: ok {DiskImage.Summary(DiskImage.Original(SmallDiskSectors - 1))}");
            if (controller == "ahci")
                ExpectOutput("errors=2");
            ExpectOutput("disktest: done");
            if (controller == "ide")
            {
                // Both failed reads went by DMA first, then were retried by PIO, which failed too.
                string line = AtaTransferLine(name);
                Assert.That(line, Does.Contain(" fallbacks=2"), line);
                Assert.That(Field(line, "dma-commands"), Is.GreaterThan(0), "the disk recovered and went on by DMA: " + line);
            }
            Assert.That(ExpectExit(), Is.EqualTo(33));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Test]
    public void RamDiskServesTheRootModule()
    {
        // The module must be named rootfs.img; its own directory keeps test runs apart.
        string directory = Path.Combine(BuildOutput.Directory, "test-disks", "ramdisk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string module = Path.Combine(directory, "rootfs.img");
        try
        {
            File.WriteAllBytes(module, DiskImage.Concat(DiskImage.Original, 0, 2048));
            BootWith("disktest=read:0,read:last,read:10+20,write:100+3", "pc", null, extraModule: module);

            ExpectOutput("ram0 ramdisk 'rootfs.img' 1024 KiB (2048 x 512 B) at module rootfs.img");
            ExpectOutput($"disktest: ram0 read 0+1: ok {DiskImage.Summary(DiskImage.Original(0))}");
            ExpectOutput($"disktest: ram0 read 2047+1: ok {DiskImage.Summary(DiskImage.Original(2047))}");
            ExpectOutput($"disktest: ram0 read 10+20: ok {DiskImage.Summary(DiskImage.Concat(DiskImage.Original, 10, 20))}");
            ExpectOutput($"disktest: ram0 write 100+3: ok {DiskImage.Summary(DiskImage.Concat(DiskImage.Written, 100, 3))}");
            ExpectOutput("disktest: ram0 readback heap: match");
            ExpectOutput("disktest: ram0 readback stack: match");
            ExpectOutput("disktest: done");
            Assert.That(ExpectExit(), Is.EqualTo(33));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("pc", "00:01.1 0101.80 8086:7010 IDE interface, Intel")]
    [TestCase("q35", "00:1f.2 0106.01 8086:2922 SATA controller (AHCI), Intel, irq ")]
    public void LspciListsTheStorageController(string machine, string line)
    {
        BootWith("kernel-console", machine, null);
        ExpectOutput("pci: ");
        ExpectOutput("kernel> ");

        Machine.SendLine("lspci");
        ExpectOutput(line);
        ExpectOutput(" PCI functions");
        Machine.SendLine("lspci -v");
        ExpectOutput("BAR");
        Machine.SendLine("poweroff");
        ExpectOutput("powering off");
        Assert.That(ExpectExit(), Is.EqualTo(0));
    }

    private DiskImage Keep(DiskImage image)
    {
        _images.Add(image);
        return image;
    }

    private static string IdeArguments(DiskImage disk) => $"-boot order=d -drive file=\"{disk.Path}\",format=raw,if=ide";

    // The added controller is an extra ICH9 AHCI function (00:02.0 when no NIC is added); the built-in one is 00:1f.2, where QEMU also puts the CD.
    private static string AhciArguments(DiskImage disk, bool builtIn) => builtIn
        ? $"-drive id=d0,file=\"{disk.Path}\",format=raw,if=none -device ide-hd,drive=d0,bus=ide.0"
        : $"-drive id=d0,file=\"{disk.Path}\",format=raw,if=none -device ahci,id=ahci -device ide-hd,drive=d0,bus=ahci.0";

    private static List<(long Lba, int Count, byte[] Data)> Snapshot(DiskImage disk, (long Lba, int Count)[] reads)
    {
        var snapshot = new List<(long, int, byte[])>();
        foreach (var (lba, count) in reads)
            snapshot.Add((lba, count, disk.Read(lba, count)));
        return snapshot;
    }

    // The lines disktest prints for one disk, in order, with the values the image dictates.
    private void ExpectDiskTest(string name, string driver, DiskImage disk, List<(long Lba, int Count, byte[] Data)> reads, long writeLba, int writeCount)
    {
        string prefix = "disktest: " + name + " ";
        ExpectOutput(prefix + $"driver={driver} model='{Model}' sectors={disk.Sectors} sector-size=512");
        foreach (var (lba, count, data) in reads)
            ExpectOutput(prefix + $"read {lba}+{count}: ok {DiskImage.Summary(data)}");
        ExpectOutput(prefix + "read past end: InvalidArgument");
        ExpectOutput(prefix + $"write {writeLba}+{writeCount}: ok {DiskImage.Summary(DiskImage.Concat(DiskImage.Written, writeLba, writeCount))}");
        ExpectOutput(prefix + "flush: ok");
        ExpectOutput(prefix + "readback heap: match");
        ExpectOutput(prefix + "readback stack: match");
    }

    // The AHCI line "irq=N interrupts=M errors=0": a routed IRQ and completions that came by interrupt.
    // Called once "disktest: done" is in, so the line is complete.
    private void ExpectInterrupts(string name)
    {
        string prefix = "disktest: " + name + " irq=";
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain(prefix));
        int start = log.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        string line = log.Substring(start, log.IndexOf('\n', start) - start).Trim();
        string[] fields = line.Split(' ');
        Assert.That(int.Parse(fields[0]), Is.InRange(1, 15), "the controller's INTx is routed to an 8259 line: " + line);
        Assert.That(long.Parse(fields[1].Substring("interrupts=".Length)), Is.GreaterThan(0), "commands completed by interrupt: " + line);
        Assert.That(fields[2], Is.EqualTo("errors=0"), line);
    }

    // The IDE line "mode=udma5 irq=14 interrupts=N dma-commands=N pio-commands=M fallbacks=0": with DMA, every data
    // command went by DMA and ended by interrupt; with ata=pio, none did. Called once "disktest: done" is in.
    private void ExpectAtaTransfers(string name, bool dma)
    {
        string line = AtaTransferLine(name);
        Assert.That(line, Does.EndWith(" fallbacks=0"), line);
        if (dma)
        {
            Assert.That(line, Does.Match("^mode=(udma|mwdma)[0-7] "), "a DMA mode was chosen: " + line);
            Assert.That(Field(line, "irq"), Is.EqualTo(name == "ata0" || name == "ata1" ? 14 : 15), line);
            Assert.That(Field(line, "dma-commands"), Is.GreaterThan(0), line);
            // A command QEMU ends before the thread sleeps is seen by its status bit, the rest wake by interrupt.
            Assert.That(Field(line, "interrupts"), Is.GreaterThan(0), "DMA commands ended by interrupt: " + line);
            Assert.That(Field(line, "pio-commands"), Is.EqualTo(0), line);
        }
        else
        {
            Assert.That(line, Does.StartWith("mode=pio irq=-1 interrupts=0 dma-commands=0 "), line);
            Assert.That(Field(line, "pio-commands"), Is.GreaterThan(0), line);
        }
    }

    private string AtaTransferLine(string name)
    {
        string prefix = "disktest: " + name + " mode=";
        string log = Machine.SerialLog;
        Assert.That(log, Does.Contain(prefix));
        int start = log.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length - "mode=".Length;
        return log.Substring(start, log.IndexOf('\n', start) - start).Trim();
    }

    private static long Field(string line, string name)
    {
        foreach (string field in line.Split(' '))
        {
            if (field.StartsWith(name + "=", StringComparison.Ordinal))
                return long.Parse(field.Substring(name.Length + 1));
        }
        throw new AssertionException("no field " + name + " in: " + line);
    }

    // After power-off: the written range holds the pattern; its neighbours are untouched.
    private static void ExpectWritten(DiskImage disk, long lba, int count)
    {
        Assert.That(disk.Read(lba, count), Is.EqualTo(DiskImage.Concat(DiskImage.Written, lba, count)), "written sectors reached the image");
        Assert.That(disk.Read(lba - 1, 1), Is.EqualTo(ExpectedUntouched(disk, lba - 1)), "the sector before is unchanged");
        Assert.That(disk.Read(lba + count, 1), Is.EqualTo(ExpectedUntouched(disk, lba + count)), "the sector after is unchanged");
    }

    // Filled images hold the pattern everywhere; sparse ones are zeros outside the few filled sectors.
    private static byte[] ExpectedUntouched(DiskImage disk, long lba) =>
        disk.Sectors > Lba28Limit ? new byte[DiskImage.SectorSize] : DiskImage.Original(lba);
}
