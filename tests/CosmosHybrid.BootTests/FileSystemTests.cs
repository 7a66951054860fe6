using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The file system from the ring-3 shell: the root RAM disk from the ISO, hard disks with
/// FAT made by mkfs.fat on IDE (whole disk and MBR partition) and AHCI, where a file written
/// in one boot is read in the next and the reference tools find the image clean, a full
/// disk, a damaged one, and a process killed in the middle of file system calls.
/// Every test of a hard disk runs twice (issue 14): with /disk served by the kernel's FAT
/// engine, and with the same engine in the ring-3 server `fs` behind the kernel's forwarding
/// mount (boot option <c>fs:/disk=ring3</c>). The root file system is the kernel's in both,
/// except in one test of the ring-3 placement that boots with / in ring 3 too (<c>fs:/=ring3</c>,
/// two fs processes).
/// </summary>
[TestFixture("kernel")]
[TestFixture("ring3")]
public class FileSystemTests : BootTestBase
{
    private readonly string _placement;

    public FileSystemTests(string placement)
    {
        _placement = placement;
    }

    private bool RingThree => _placement == "ring3";

    // The kernel command line that places /disk.
    private string DiskPlacement => "fs:/disk=" + _placement;

    private readonly List<FatDiskImage> _images = new();

    [TearDown]
    public void DeleteImages()
    {
        foreach (FatDiskImage image in _images)
            image.Dispose();
        _images.Clear();
    }

    [Test]
    public void RootFileSystemComesFromTheIso()
    {
        RootOnly();
        Boot("");
        ExpectOutput("vfs: / is ram0 (FAT16");
        ExpectOutput("$ ");

        Assert.That(Shell("ls /bin"), Does.Contain("usertest.elf").And.Contain("shell.elf"));
        Assert.That(Shell("cat /README.TXT"), Does.Contain("CosmosHybrid root file system"));
        Assert.That(Shell("run /bin/usertest exit 5"), Does.Match(@"process \d+ exited with status 5"));
        Assert.That(Shell("run /bin/usertest.elf count 2 dotted"), Does.Contain("dotted done"));
        Assert.That(Shell("cd /bin"), Is.Empty);
        Assert.That(Shell("pwd"), Is.EqualTo("/bin"));
        Assert.That(Shell("run ./usertest count 1 relative"), Does.Contain("relative done"), "relative to the working directory");
        Assert.That(Shell("run ../nowhere/x"), Does.Contain("not found"));
        Assert.That(Shell("cd /README.TXT"), Does.Contain("not a directory"));

        Assert.That(Shell("write /notes.txt first"), Does.Contain("wrote 6 bytes"));
        Assert.That(Shell("append /notes.txt second"), Does.Contain("wrote 7 bytes"));
        Assert.That(Shell("cat /notes.txt"), Is.EqualTo("first\r\nsecond"));
        Assert.That(Shell("mkdir /docs"), Is.Empty);
        Assert.That(Shell("mv /notes.txt /docs/notes.txt"), Is.Empty);
        Assert.That(Shell("ls /docs"), Does.Contain("13  notes.txt"));
        Assert.That(Shell("rm /docs"), Does.Contain("directory not empty"));
        Assert.That(Shell("rm /docs/notes.txt"), Is.Empty);
        Assert.That(Shell("rm /docs"), Is.Empty);
        Assert.That(Shell("ls /"), Does.Not.Contain("docs"));
        Assert.That(Shell("df"), Does.Match(@"/\s+ram0\s+FAT16\s+\d+"));

        string files = Shell("run /bin/usertest files /");
        Assert.That(files, Does.Match(@"files: (\d+) of \1 checks passed in /"));
        Assert.That(files, Does.Contain("exited with status 0"));

        // The kernel keeps a program read from a file for its next spawns only while nothing on its
        // volume is written: each version of /prog.elf runs as what the file holds now.
        Assert.That(Shell("mv /bin/usertest.elf /prog.elf"), Is.Empty);
        Assert.That(Shell("run /prog.elf exit 5"), Does.Match(@"process \d+ exited with status 5"));
        Assert.That(Shell("run /prog.elf exit 6"), Does.Match(@"process \d+ exited with status 6"), "the kept image");
        Assert.That(Shell("mv /prog.elf /bin/usertest.elf; mv /bin/true.elf /prog.elf"), Is.Empty);
        Assert.That(Shell("run /prog.elf exit 5"), Does.Match(@"process \d+ exited with status 0"), "true in usertest's place");
        Assert.That(Shell("mv /prog.elf /bin/true.elf; mv /bin/usertest.elf /prog.elf"), Is.Empty);
        Assert.That(Shell("run /prog.elf exit 7"), Does.Match(@"process \d+ exited with status 7"), "usertest back");
        Assert.That(Shell("write /prog.elf garbage"), Does.Contain("wrote 8 bytes"));
        Assert.That(Shell("run /prog.elf exit 7"), Does.Contain("spawn: /prog.elf exit 7: not a valid executable"), "overwritten in place");
        Assert.That(Shell("rm /prog.elf"), Is.Empty);
        Assert.That(Shell("run /prog.elf exit 7"), Does.Contain("not found"));
        Assert.That(Shell("run /bin/true.elf"), Does.Match(@"process \d+ exited with status 0"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void KilledProcessLeavesTheFileSystemUsableAndItsFilesClosed()
    {
        RootOnly();
        Boot("");
        ExpectOutput("$ ");

        Assert.That(Shell("run /bin/usertest leave-open /open.txt"), Does.Contain("is descriptor 0"));
        Assert.That(Shell("rm /open.txt"), Is.Empty, "the kernel closed the file when the process ended");

        for (int round = 0; round < 4; round++)
        {
            // Kills land at different points of the churn's file system calls.
            int from = Machine.SerialLog.Length;
            string started = Shell("spawn /bin/usertest churn /churn.bin");
            string pid = Regex.Match(started, @"started process (\d+)").Groups[1].Value;
            WaitFrom(from, "churn: started");
            Thread.Sleep(100 + 170 * round);
            Assert.That(Shell("write /alive.txt still here"), Does.Contain("wrote 11 bytes"), "file calls work beside the churn");
            Assert.That(Shell("kill " + pid), Does.Contain("killed " + pid));
            Shell("wait " + pid);   // returns once the process is gone (the shell words status -9 as an error code)
        }
        Assert.That(Shell("cat /alive.txt"), Is.EqualTo("still here"));
        Assert.That(Shell("rm /churn.bin"), Does.Not.Contain("busy"), "the killed process's file was closed");
        Assert.That(Shell("run /bin/usertest files /"), Does.Match(@"files: (\d+) of \1 checks passed"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [TestCase("ide", 0, TestName = "FileWrittenInOneBootIsReadInTheNext(IDE)")]
    [TestCase("ide", 2048, TestName = "FileWrittenInOneBootIsReadInTheNext(IDE, MBR partition)")]
    [TestCase("ahci", 0, TestName = "FileWrittenInOneBootIsReadInTheNext(AHCI)")]
    public void FileWrittenInOneBootIsReadInTheNext(string controller, int partitionStart)
    {
        FatDiskImage disk = Keep(FatDiskImage.Create("persist-" + controller, 32, 34000, partitionStart, "-s", "1"));
        disk.Put("/FROMHOST.TXT", Encoding.ASCII.GetBytes("made by mtools\n"));
        string source = (controller == "ide" ? "ata0" : "ahci0") + (partitionStart > 0 ? "p1" : "");

        BootDisk(controller, disk);
        ExpectOutput($"vfs: /disk is {source} (FAT32");
        ExpectOutput("$ ");
        Assert.That(Shell("cat /disk/FROMHOST.TXT"), Is.EqualTo("made by mtools"));
        Assert.That(Shell("write /disk/hello.txt Hello from the first boot"), Does.Contain("wrote 26 bytes"));
        Assert.That(Shell("mkdir /disk/Some.Directory"), Is.Empty);
        Assert.That(Shell("write /disk/Some.Directory/LongFileName.text nested"), Does.Contain("wrote 7 bytes"));
        Assert.That(Shell("sync"), Is.Empty);
        Assert.That(Shell("df"), Does.Match(@"/disk\s+" + source + @"\s+FAT32\s+\d+\s+\d+\s+\d+\s+" + (RingThree ? @"none  \(ring3\)" : @"\d+/2048 KiB, 0 dirty, \d+ hits, \d+ misses  \(kernel\)")));
        Assert.That(Shell("mounts"), Does.Contain(source + " on /disk type FAT32 served by " + _placement).And.Contain(" on / type FAT16 served by kernel"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/hello.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("Hello from the first boot\n")));
        Assert.That(disk.Get("/Some.Directory/LongFileName.text"), Is.EqualTo(Encoding.ASCII.GetBytes("nested\n")));

        BootDisk(controller, disk);
        ExpectOutput("$ ");
        Assert.That(Shell("cat /disk/hello.txt"), Is.EqualTo("Hello from the first boot"));
        Assert.That(Shell("append /disk/hello.txt and the second"), Does.Contain("wrote 15 bytes"));
        Assert.That(Shell("rm /disk/Some.Directory/LongFileName.text"), Is.Empty);
        Assert.That(Shell("mv /disk/Some.Directory /disk/Renamed"), Is.Empty);
        Assert.That(Shell("run /bin/usertest files /disk"), Does.Match(@"files: (\d+) of \1 checks passed in /disk"));
        PowerOff();   // no sync: power-off writes the cache back

        disk.AssertClean();
        Assert.That(disk.Get("/hello.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("Hello from the first boot\nand the second\n")));
        Assert.That(disk.Get("/FROMHOST.TXT"), Is.EqualTo(Encoding.ASCII.GetBytes("made by mtools\n")));
    }

    [Test]
    public void FullDiskSaysNoSpaceAndStaysClean()
    {
        FatDiskImage disk = Keep(FatDiskImage.Create("full", 12, 1024, 0, "-s", "1"));
        BootDisk("ide", disk);
        ExpectOutput("vfs: /disk is ata0 (FAT12");
        ExpectOutput("$ ");

        string fill = Shell("run /bin/usertest fill /disk/big.bin");
        Assert.That(fill, Does.Contain("then: no space left on the volume"));
        long written = long.Parse(Regex.Match(fill, @"fill: wrote (\d+) bytes").Groups[1].Value);
        Assert.That(written, Is.GreaterThan(900_000));
        Assert.That(Shell("write /disk/more.txt x"), Does.Contain("write: /disk/more.txt: no space left on the volume"));
        Assert.That(Shell("mkdir /disk/dir"), Does.Contain("no space left on the volume"));
        Assert.That(Shell("df"), Does.Match(@"/disk\s+ata0\s+FAT12\s+\d+\s+\d+\s+0\s"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/big.bin").Length, Is.EqualTo(written));

        BootDisk("ide", disk);
        ExpectOutput("$ ");
        Assert.That(Shell("rm /disk/big.bin"), Is.Empty);
        Assert.That(Shell("write /disk/more.txt room again"), Does.Contain("wrote 11 bytes"));
        PowerOff();
        disk.AssertClean();
        Assert.That(disk.Get("/more.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("room again\n")));
    }

    [Test]
    public void ReadsRacingRewritesAndTruncationsOnTheDiskStayWholeAndCurrent()
    {
        // Through the buffer cache: the kernel's placement answers cached reads from memory. A ring-3 server's: the
        // file-system lock is let go while it answers, so each read at the shared position takes its range first.
        FatDiskImage disk = Keep(FatDiskImage.Create("race", 32, 34000, 0, "-s", "8"));
        BootDisk("ide", disk);
        ExpectOutput("$ ");
        string race = Shell("run /bin/usertest read-race 10 /disk");
        Match match = Regex.Match(race, @"read-race: 10 rounds, (\d+) reads at the shared position, (\d+) reads at offsets during 40 rewrites and 20 truncations; (\d+) wrong");
        Assert.That(match.Success, Is.True, race);
        Assert.That(match.Groups[1].Value, Is.EqualTo("640"), "10 rounds of 64 blocks, each read exactly once");
        Assert.That(int.Parse(match.Groups[2].Value), Is.GreaterThan(0), "no read at an offset ran beside the rewrites");
        Assert.That(match.Groups[3].Value, Is.EqualTo("0"), "reads of a torn, stale or foreign block, or blocks read twice or never");
        PowerOff();
        disk.AssertClean();
    }

    [Test]
    public void DamagedDisksGiveErrorsNotPanics()
    {
        // ata0: a file whose cluster chain loops back on itself. ata1: no valid boot sector.
        FatDiskImage looped = Keep(FatDiskImage.Create("looped", 32, 34000, 0, "-s", "1"));
        looped.Put("/BROKEN.BIN", new byte[5000]);
        looped.Put("/GOOD.TXT", Encoding.ASCII.GetBytes("intact\n"));
        uint cluster = FirstCluster(looped, "BROKEN  BIN");
        long entry = FatOffset(looped) + cluster * 4L;
        Assert.That(BitConverter.ToUInt32(looped.ReadBytes(entry, 4)), Is.EqualTo(cluster + 1), "mcopy wrote a contiguous chain");
        looped.WriteBytes(entry, BitConverter.GetBytes(cluster));
        FatDiskImage garbage = Keep(FatDiskImage.Create("garbage", 12, 1024));
        garbage.WriteBytes(11, new byte[] { 0x00, 0x00, 0x00 });   // bytes per sector 0, sectors per cluster 0

        BootWith(DiskPlacement, "pc", looped.IdeArguments + $" -drive file=\"{garbage.Path}\",format=raw,if=ide,index=1");
        ExpectOutput("vfs: /disk is ata0 (FAT32");
        ExpectOutput("vfs: ata1: no FAT file system (file system damaged)");
        ExpectOutput("$ ");

        Assert.That(Shell("cat /disk/BROKEN.BIN"), Does.Contain("cat: /disk/BROKEN.BIN: file system damaged"));
        Assert.That(Shell("rm /disk/BROKEN.BIN"), Does.Contain("file system damaged"));
        Assert.That(Shell("run /bin/usertest.elf exit 3"), Does.Contain("exited with status 3"));
        Assert.That(Shell("ls /disk"), Does.Contain("BROKEN.BIN").And.Contain("GOOD.TXT"));
        Assert.That(Shell("cat /disk/GOOD.TXT"), Is.EqualTo("intact"));
        Assert.That(Shell("ls /disk1"), Does.Contain("not found"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        PowerOff();
    }

    [Test]
    public void ShellWordsQuotesGlobsStatusesAndMovesAcrossVolumes()
    {
        // ata0 (/disk): files made by mtools; ata1 (/disk1): a small FAT12 volume.
        FatDiskImage disk = Keep(FatDiskImage.Create("words", 32, 34000, 0, "-s", "1"));
        disk.Put("/a b.txt", Encoding.ASCII.GetBytes("spaced\n"));
        disk.Put("/file1.txt", Encoding.ASCII.GetBytes("one\n"));
        disk.Put("/file2.txt", Encoding.ASCII.GetBytes("two\n"));
        disk.Put("/other.log", Encoding.ASCII.GetBytes("log\n"));
        disk.MakeDirectory("/tree");
        disk.MakeDirectory("/tree/inner dir");
        disk.Put("/tree/inner dir/x.txt", Encoding.ASCII.GetBytes("deep\n"));
        disk.Put("/big.bin", new byte[1500 * 1024]);
        FatDiskImage small = Keep(FatDiskImage.Create("small", 12, 1024, 0, "-s", "1"));

        BootWith(DiskPlacement, "pc", disk.IdeArguments + $" -drive file=\"{small.Path}\",format=raw,if=ide,index=1");
        ExpectOutput("vfs: /disk is ata0 (FAT32");
        ExpectOutput("vfs: /disk1 is ata1 (FAT12");
        ExpectOutput("$ ");

        Assert.That(Shell("cat \"/disk/a b.txt\""), Is.EqualTo("spaced"));
        Assert.That(Shell("cat '/disk/a b.txt'"), Is.EqualTo("spaced"));
        Assert.That(Shell("cat /disk/a\\ b.txt"), Is.EqualTo("spaced"));
        Assert.That(Shell("write \"/disk/new file.txt\" hello   world"), Does.Contain("wrote 12 bytes to /disk/new file.txt"));
        Assert.That(Shell("cat '/disk/new file.txt'"), Is.EqualTo("hello world"));
        Assert.That(Shell("echo 'a  b' \"c\" d\\ e"), Is.EqualTo("a  b c d e"));
        Assert.That(Shell("echo /disk/file?.txt /disk/*.log /disk/[!f]*.txt"), Is.EqualTo("/disk/file1.txt /disk/file2.txt /disk/other.log /disk/a b.txt /disk/new file.txt"));
        Assert.That(Shell("echo /disk/*.none '/disk/*.txt'"), Is.EqualTo("/disk/*.none /disk/*.txt"));
        Assert.That(Shell("echo /disk/*/*/*.txt"), Is.EqualTo("/disk/tree/inner dir/x.txt"));
        Assert.That(Shell("cat /disk/file*.txt"), Is.EqualTo("one\r\ntwo"));
        Assert.That(Shell("false; echo $?"), Is.EqualTo("1"));
        Assert.That(Shell("true && echo yes || echo no"), Is.EqualTo("yes"));
        Assert.That(Shell("false && echo yes || echo no"), Is.EqualTo("no"));
        Assert.That(Shell("cat /disk/nothing.txt; echo \"status $?\""), Is.EqualTo("cat: /disk/nothing.txt: not found\r\nstatus 1"));
        Assert.That(Shell("frobnicate || echo $?"), Does.EndWith("127"));
        Assert.That(Shell("cat \"/disk/a b.txt"), Is.EqualTo("shell: unterminated quote (\")"));
        Assert.That(Shell("echo a | cat"), Is.EqualTo("a"), "pipes work since issue 11 (StandardIoTests has the rest)");

        Assert.That(Shell("mv /disk/file1.txt /disk1/moved.txt"), Is.Empty);
        Assert.That(Shell("cat /disk1/moved.txt"), Is.EqualTo("one"));
        Assert.That(Shell("mv /disk/tree /disk1"), Is.Empty, "into the existing directory /disk1");
        Assert.That(Shell("cat '/disk1/tree/inner dir/x.txt'"), Is.EqualTo("deep"));
        Assert.That(Shell("ls /disk"), Does.Not.Contain("file1.txt").And.Not.Contain("tree"));
        string failed = Shell("mv /disk/big.bin /disk1/big.bin");
        Assert.That(failed, Does.Contain("no space left on the volume").And.Contain("the source is unchanged"));
        Assert.That(Shell("ls /disk/big.bin"), Does.Contain("1536000  /disk/big.bin"));
        Assert.That(Shell("ls /disk1"), Does.Not.Contain("big.bin"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        PowerOff();

        disk.AssertClean();
        small.AssertClean();
        Assert.That(small.Get("/moved.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("one\n")));
        Assert.That(small.Get("/tree/inner dir/x.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("deep\n")));
        Assert.That(disk.Get("/new file.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("hello world\n")));
        Assert.That(disk.Get("/big.bin").Length, Is.EqualTo(1500 * 1024));
    }

    [Test]
    public void NamesInEveryScriptFromAnotherSystem()
    {
        // A disk made on Linux with mtools, names typed over the serial console as UTF-8.
        FatDiskImage disk = Keep(FatDiskImage.Create("scripts", 32, 34000, 0, "-s", "1"));
        disk.Put("/Über café.txt", Encoding.UTF8.GetBytes("latin\n"));
        disk.Put("/ελληνικά.txt", Encoding.UTF8.GetBytes("greek\n"));
        disk.Put("/Привет.txt", Encoding.UTF8.GetBytes("cyrillic\n"));
        disk.Put("/日本語.txt", Encoding.UTF8.GetBytes("cjk\n"));
        disk.Put("/a name with  spaces.and.dots.txt", Encoding.UTF8.GetBytes("spaces\n"));

        BootWith(DiskPlacement, "pc", disk.IdeArguments);
        ExpectOutput("vfs: /disk is ata0 (FAT32");
        ExpectOutput("$ ");

        string listing = Shell("ls /disk");
        foreach (string name in new[] { "Über café.txt", "ελληνικά.txt", "Привет.txt", "日本語.txt", "a name with  spaces.and.dots.txt" })
            Assert.That(listing, Does.Contain("  " + name + "\r\n").Or.EndWith("  " + name), name);
        Assert.That(listing, Does.Not.Contain("?"));
        Assert.That(Shell("cat '/disk/Über café.txt'"), Is.EqualTo("latin"));
        Assert.That(Shell("cat /disk/ελληνικά.txt"), Is.EqualTo("greek"));
        Assert.That(Shell("cat /disk/ПРИВЕТ.TXT"), Is.EqualTo("cyrillic"), "names compare case-insensitively over Unicode");
        Assert.That(Shell("cat /disk/日本*"), Is.EqualTo("cjk"));
        Assert.That(Shell("cat \"/disk/a name with  spaces.and.dots.txt\""), Is.EqualTo("spaces"));
        Assert.That(Shell("write \"/disk/νέο αρχείο.txt\" γεια σου"), Does.Contain("/disk/νέο αρχείο.txt"));
        Assert.That(Shell("cat '/disk/νέο αρχείο.txt'"), Is.EqualTo("γεια σου"));
        Assert.That(Shell("mv /disk/Привет.txt '/disk/Пока мир.txt'"), Is.Empty);
        Assert.That(Shell("rm /disk/Über*"), Is.Empty);
        Assert.That(Shell("write '/disk/a*b.txt' x"), Does.Contain("invalid name"));
        Assert.That(Shell("ls /disk"), Does.Contain("Пока мир.txt").And.Not.Contain("Über").And.Not.Contain("Привет"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/νέο αρχείο.txt"), Is.EqualTo(Encoding.UTF8.GetBytes("γεια σου\n")));
        Assert.That(disk.Get("/Пока мир.txt"), Is.EqualTo(Encoding.UTF8.GetBytes("cyrillic\n")));
    }

    [Test]
    public void KillingTheFileServerLosesNoSyncedDataAndNewOpensWork()
    {
        if (!RingThree)
            Assert.Ignore("no file server to kill: the kernel serves /disk");
        FatDiskImage disk = Keep(FatDiskImage.Create("killfs", 32, 34000, 0, "-s", "1"));
        disk.Put("/FROMHOST.TXT", Encoding.ASCII.GetBytes("made by mtools\n"));
        BootDisk("ide", disk);
        string server = ExpectMatch(@"vfs: /disk is ata0 \(FAT32, served in ring 3 by process (\d+)\)").Groups[1].Value;
        ExpectOutput("$ ");

        Assert.That(Shell("write /disk/synced.txt kept across the kill"), Does.Contain("wrote 21 bytes"));
        Assert.That(Shell("write /disk/held.txt prepared"), Does.Contain("wrote 9 bytes"));
        Assert.That(Shell("sync"), Is.Empty);
        int from = Machine.SerialLog.Length;
        // Traffic that allocates nothing after its sync (overwrites in place, reads back): what a
        // killed server had not written is data, not the volume's structures.
        string traffic = Regex.Match(Shell("spawn /bin/usertest rewrite /disk/rewrite.bin"), @"started process (\d+)").Groups[1].Value;
        WaitFrom(from, "rewrite: started (synced)");
        Shell("spawn /bin/usertest hold-open /disk/held.txt 8000");
        WaitFrom(from, "hold: opened /disk/held.txt");
        Thread.Sleep(300);

        Assert.That(Shell("kill " + server), Does.Contain("killed " + server), "file traffic is on when fs dies");
        string restarted = ExpectMatch(@"init: restarted fs as process (\d+)", TimeSpan.FromSeconds(60)).Groups[1].Value;
        ExpectOutput("served in ring 3 by process " + restarted + ")");
        WaitFrom(from, "hold: old descriptor: I/O error");
        WaitFrom(from, "hold: new descriptor: wrote 9 bytes");
        Assert.That(Shell("kill " + traffic), Does.Contain("killed " + traffic));
        Shell("wait " + traffic);

        Assert.That(Shell("cat /disk/synced.txt"), Is.EqualTo("kept across the kill"), "synced before the kill");
        Assert.That(Shell("cat /disk/FROMHOST.TXT"), Is.EqualTo("made by mtools"));
        Assert.That(Shell("write /disk/after.txt written after the restart"), Does.Contain("wrote 26 bytes"));
        Assert.That(Shell("mounts"), Does.Contain("ata0 on /disk type FAT32 served by ring3"));
        Assert.That(Shell("sync"), Is.Empty);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/synced.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("kept across the kill\n")));
        Assert.That(disk.Get("/after.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("written after the restart\n")));
        Assert.That(Encoding.ASCII.GetString(disk.Get("/held.txt")), Does.EndWith("reopened\n"));
        Assert.That(disk.Get("/rewrite.bin").Length, Is.EqualTo(256 * 1024));
    }

    [Test]
    public void RootAndDiskServedInRingThreeRunProgramsAndOutliveTheirServers()
    {
        if (!RingThree)
            Assert.Ignore("the ring-3 placement also boots with / in ring 3 (fs:/=ring3); the kernel's / is every other test's");
        // Both placements at once: two fs processes, fs-root for / and fs for /disk.
        FatDiskImage disk = Keep(FatDiskImage.Create("both-ring3", 32, 34000, 0, "-s", "1"));
        disk.Put("/FROMHOST.TXT", Encoding.ASCII.GetBytes("made by mtools\n"));
        BootWith("fs:/=ring3 " + DiskPlacement, "pc", disk.IdeArguments);
        ExpectOutput("vfs: / is ram0 (served in ring 3: handed to fs by block handle)");
        string server = ExpectMatch(@"vfs: / is ram0 \(FAT16, served in ring 3 by process (\d+)\)").Groups[1].Value;
        string diskServer = ExpectMatch(@"vfs: /disk is ata0 \(FAT32, served in ring 3 by process (\d+)\)").Groups[1].Value;
        Assert.That(diskServer, Is.Not.EqualTo(server), "two servers");
        ExpectOutput("$ ");

        Assert.That(Shell("mounts"), Does.Contain("ram0 on / type FAT16 served by ring3").And.Contain("ata0 on /disk type FAT32 served by ring3"));
        Assert.That(Shell("df"), Does.Match(@"/\s+ram0\s+FAT16\s+\d+.*\(ring3\)").And.Match(@"/disk\s+ata0\s+FAT32\s+\d+.*\(ring3\)"));
        Assert.That(Shell("ls /bin"), Does.Contain("usertest.elf").And.Contain("shell.elf"));
        Assert.That(Shell("run /bin/usertest count 2 rooted"), Does.Contain("rooted done"), "a program loaded through the ring-3 root");
        Assert.That(Shell("write /notes.txt on a ring-3 root"), Does.Contain("wrote 17 bytes"));
        Assert.That(Shell("cat /notes.txt"), Is.EqualTo("on a ring-3 root"));
        Assert.That(Shell("write /disk/both.txt on a ring-3 disk"), Does.Contain("wrote 17 bytes"));
        Assert.That(Shell("sync"), Is.Empty);

        int from = Machine.SerialLog.Length;
        Shell("spawn /bin/usertest hold-open /held.txt 8000");
        WaitFrom(from, "hold: opened /held.txt");
        Assert.That(Shell("kill " + server), Does.Contain("killed " + server));
        // Restarted from its boot module: the volume it served is down meanwhile.
        string restarted = ExpectMatch(@"init: restarted fs-root as process (\d+)", TimeSpan.FromSeconds(60)).Groups[1].Value;
        ExpectOutput("vfs: / is ram0 (FAT16, served in ring 3 by process " + restarted + ")");
        WaitFrom(from, "hold: old descriptor: I/O error");
        WaitFrom(from, "hold: new descriptor: wrote 9 bytes");

        Assert.That(Shell("cat /notes.txt"), Is.EqualTo("on a ring-3 root"), "synced before the kill");
        Assert.That(Shell("cat /disk/both.txt"), Is.EqualTo("on a ring-3 disk"), "the other server's volume is untouched");
        Assert.That(Shell("run /bin/usertest count 1 again"), Does.Contain("again done"));

        // Now the other server: / stays up, /disk comes back with its file.
        Assert.That(Shell("kill " + diskServer), Does.Contain("killed " + diskServer));
        string diskRestarted = ExpectMatch(@"init: restarted fs as process (\d+)", TimeSpan.FromSeconds(60)).Groups[1].Value;
        ExpectOutput("vfs: /disk is ata0 (FAT32, served in ring 3 by process " + diskRestarted + ")");
        Assert.That(Shell("cat /disk/both.txt"), Is.EqualTo("on a ring-3 disk"), "synced before the kill");
        Assert.That(Shell("cat /notes.txt"), Is.EqualTo("on a ring-3 root"), "the root's server is untouched");
        Assert.That(Shell("write /disk/after.txt after both kills"), Does.Contain("wrote 17 bytes"));
        Assert.That(Shell("mounts"), Does.Contain("ram0 on / type FAT16 served by ring3").And.Contain("ata0 on /disk type FAT32 served by ring3"));
        Assert.That(Shell("df"), Does.Match(@"/\s+ram0\s+FAT16\s+\d+"));
        Assert.That(Shell("sync"), Is.Empty);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/both.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("on a ring-3 disk\n")));
        Assert.That(disk.Get("/after.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("after both kills\n")));
    }

    [Test]
    public void ManifestLinePlacesTheDiskUnlessABootOptionDoes()
    {
        // init reads this manifest from /disk itself (closing it before it asks the kernel to let
        // the volume go), so the kernel must serve /disk at boot: the ring3 fixture boots without
        // any fs: option (the manifest line alone moves /disk), the kernel fixture with
        // fs:/disk=kernel (the boot option wins over the manifest).
        FatDiskImage disk = Keep(FatDiskImage.Create("manifest-place", 32, 34000, 0, "-s", "1"));
        disk.Put("/FROMHOST.TXT", Encoding.ASCII.GetBytes("made by mtools\n"));
        disk.Put("/services", Encoding.ASCII.GetBytes(
            "# Boot test: /disk in ring 3 by the manifest, not by a boot option.\n" +
            "fs:/disk=ring3\n" +
            "service fs\n  run fs /disk serve\n  device disk=/disk\n  needs-device yes\n  restart yes\n" +
            "service shell\n  run shell\n  rights poweroff killany\n  restart yes\n  after fs\n"));

        BootWith((RingThree ? "" : "fs:/disk=kernel ") + "init=init,/disk/services", "pc", disk.IdeArguments);
        ExpectOutput("vfs: /disk is ata0 (FAT32");
        if (RingThree)
        {
            ExpectOutput("vfs: /disk unmounted by the kernel (written back), its disk set aside for ring 3");
            ExpectOutput("init: /disk is placed in ring 3 (/disk/services line 2)");
            ExpectOutput("vfs: /disk is ata0 (FAT32, served in ring 3 by process ");
        }
        else
        {
            ExpectOutput("init: /disk/services line 2: fs:/disk=ring3 ignored: the boot options place /disk");
        }
        ExpectOutput("$ ");

        Assert.That(Shell("mounts"), Does.Contain("ata0 on /disk type FAT32 served by " + _placement).And.Contain(" on / type FAT16 served by kernel"));
        Assert.That(Shell("df"), Does.Match(@"/disk\s+ata0\s+FAT32\s+\d+\s+\d+\s+\d+\s+.*\(" + _placement + @"\)"));
        Assert.That(Shell("cat /disk/FROMHOST.TXT"), Is.EqualTo("made by mtools"));
        Assert.That(Shell("write /disk/placed.txt served by " + _placement), Does.Contain("wrote"));
        Assert.That(Shell("sync"), Is.Empty);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("not applied"));
        PowerOff();

        disk.AssertClean();
        Assert.That(disk.Get("/placed.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("served by " + _placement + "\n")));
    }

    [Test]
    public void AServerThatAnswersGarbageGivesIoErrors()
    {
        if (!RingThree)
            Assert.Ignore("no file server: the kernel serves /disk");
        FatDiskImage disk = Keep(FatDiskImage.Create("garbage-server", 32, 34000, 0, "-s", "1"));
        BootWith("init=usertest,bad-fs,garbage " + DiskPlacement, "pc", disk.IdeArguments);
        ExpectOutput("bad-fs: attached (ok)");
        ExpectOutput("bad-fs: stat /disk/any: I/O error");
        ExpectOutput("bad-fs: open /disk/any: I/O error");
        ExpectOutput("bad-fs: ls /disk: I/O error");
        ExpectOutput("bad-fs: mkdir /disk/d: I/O error");
        ExpectOutput("bad-fs: done");
        Assert.That(ExpectExit(), Is.EqualTo(0));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        disk.AssertClean();
    }

    [Test]
    public void ASilentServerTimesOutAndHoldsUpNoOtherVolume()
    {
        if (!RingThree)
            Assert.Ignore("no file server: the kernel serves /disk");
        FatDiskImage disk = Keep(FatDiskImage.Create("silent-server", 32, 34000, 0, "-s", "1"));
        BootWith("init=usertest,bad-fs,silent " + DiskPlacement, "pc", disk.IdeArguments);
        ExpectOutput("bad-fs: attached (ok)");
        Match root = ExpectMatch(@"bad-fs: / wrote ok \(5\) in (\d+) ms while /disk waited");
        Match timedOut = ExpectMatch(@"bad-fs: /disk call: I/O error after (\d+) ms");
        Match again = ExpectMatch(@"bad-fs: /disk again: I/O error in (\d+) ms");
        ExpectOutput("bad-fs: done");
        Assert.That(ExpectExit(), Is.EqualTo(0));
        Assert.That(int.Parse(timedOut.Groups[1].Value), Is.GreaterThanOrEqualTo(4000), "the kernel waits its time-out (5 s)");
        // "while /disk waited": the root write ended before the /disk call did (no timing involved).
        Assert.That(int.Parse(root.Groups[1].Value), Is.LessThan(int.Parse(timedOut.Groups[1].Value)));
        Assert.That(int.Parse(again.Groups[1].Value), Is.LessThan(4000), "a server that was late is not asked again (no second time-out)");
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    [Test]
    public void LentPagesReachTheServerOnlyForItsRequest()
    {
        if (!RingThree)
            Assert.Ignore("no file server: the kernel serves /disk");
        FatDiskImage disk = Keep(FatDiskImage.Create("lending-server", 32, 34000, 0, "-s", "1"));
        BootWith("init=usertest,bad-fs,lend " + DiskPlacement, "pc", disk.IdeArguments);
        ExpectOutput("bad-fs: attached (ok)");
        ExpectOutput("bad-fs: open /disk/lent.bin: ok");
        ExpectOutput("bad-fs: read whole pages: ok (8192), data ok, lent reachable while lent, unreachable after");
        ExpectOutput("bad-fs: read partial pages: ok (5000), data ok, bytes beside it untouched, lent unreachable after");
        ExpectOutput("bad-fs: write partial pages: ok (5000), server saw the data, lent unreachable after");
        ExpectOutput("bad-fs: read answered with too many bytes: I/O error, lent unreachable after");
        ExpectOutput("bad-fs: read never answered: I/O error, lent unreachable after", TimeSpan.FromSeconds(30));
        ExpectOutput("bad-fs: done");
        Assert.That(ExpectExit(), Is.EqualTo(0));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }

    // The root file system is the kernel's in both placements (init and fs itself load from it).
    private void RootOnly()
    {
        if (RingThree)
            Assert.Ignore("/ is served by the kernel in both placements; this test does not touch /disk");
    }

    private FatDiskImage Keep(FatDiskImage image)
    {
        _images.Add(image);
        return image;
    }

    private void BootDisk(string controller, FatDiskImage disk)
    {
        Machine?.Dispose();
        if (controller == "ide")
            BootWith(DiskPlacement, "pc", disk.IdeArguments);
        else
            BootWith(DiskPlacement, "q35", disk.AhciArguments);
        if (RingThree)
            ExpectOutput(", served in ring 3 by process "); // fs attached: /disk answers
    }

    private void PowerOff()
    {
        Machine.SendLine("poweroff");
        Assert.That(ExpectExit(), Is.EqualTo(0), "ACPI power-off");
    }

    // The FAT32 layout from the boot sector: reserved sectors, FAT size, sectors per cluster.
    private static long FatOffset(FatDiskImage image)
    {
        byte[] boot = image.ReadBytes(0, 512);
        return BitConverter.ToUInt16(boot, 14) * 512L;
    }

    private static uint FirstCluster(FatDiskImage image, string shortName)
    {
        byte[] boot = image.ReadBytes(0, 512);
        long reserved = BitConverter.ToUInt16(boot, 14);
        long fats = boot[16];
        long fatSectors = BitConverter.ToUInt32(boot, 36);
        long sectorsPerCluster = boot[13];
        uint rootCluster = BitConverter.ToUInt32(boot, 44);
        long root = (reserved + fats * fatSectors + (rootCluster - 2) * sectorsPerCluster) * 512;
        byte[] directory = image.ReadBytes(root, 512);
        for (int offset = 0; offset < directory.Length; offset += 32)
        {
            if (Encoding.ASCII.GetString(directory, offset, 11) == shortName)
                return (uint)(BitConverter.ToUInt16(directory, offset + 20) << 16 | BitConverter.ToUInt16(directory, offset + 26));
        }
        Assert.Fail(shortName + " not in the root directory");
        return 0;
    }
}
