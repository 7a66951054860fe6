using System;
using System.Collections.Generic;
using System.IO;
using CosmosHybrid.Tools.PowerCut;
using CosmosHybrid.UnitTests.Storage;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Tools;

/// <summary>
/// tools/PowerCut: reading the workload's serial lines (only whole lines; the last completed
/// sync; operations after it), what each synced file is then owed, and the judge on images
/// made with mkfs.fat and mtools, which must notice a lost or stale file.
/// </summary>
[TestFixture]
public class PowerCutJudgeTests
{
    private static readonly byte[] One = { 1, 2, 3, 4, 5 };
    private static readonly byte[] Two = { 9, 8, 7 };

    [Test]
    public void TheLastWholeSyncedLineCountsWithTheOperationsAfterIt()
    {
        string serial = "powercut: start seed 5, 100 operations in /disk\r\n"
            + "powercut: op 1 write a0.bin\r\n"
            + "powercut: synced 1|a0.bin*5*" + Hex(One) + "\r\n"
            + "powercut: op 2 rename a0.bin|file one.dat\r\n"
            + "powercut: op 3 sync\r\n"
            + "powercut: synced 2|file one.dat*5*" + Hex(One);   // cut mid-line: not a completed sync

        WorkloadLog log = WorkloadLog.Parse(serial);

        Assert.That(log.Started, Is.True);
        Assert.That(log.Generation, Is.EqualTo(1));
        Assert.That(log.Synced, Is.EqualTo(new[] { new SyncedFile("a0.bin", 5, Fnv1a.Hash(One)) }));
        Assert.That(log.After.ConvertAll(o => o.Kind), Is.EqualTo(new[] { "rename", "sync" }));
        Assert.That(log.After[0].NewName, Is.EqualTo("file one.dat"));
        Assert.That(log.Operations, Is.EqualTo(3));
    }

    [Test]
    public void OperationsAfterTheSyncDecideWhatEachFileIsOwed()
    {
        var log = WorkloadLog.Parse(
            "powercut: synced 3|a*5*" + Hex(One) + "|b*3*" + Hex(Two) + "|c*3*" + Hex(Two) + "|d*3*" + Hex(Two) + "\n"
            + "powercut: op 9 append a\n"
            + "powercut: op 10 rename b|e\n"
            + "powercut: op 11 patch c\n"
            + "powercut: op 12 rename e|f\n"
            + "powercut: op 13 write g\n");
        var touched = new HashSet<string>();

        List<Expectation> owed = Expectation.From(log, touched);

        Assert.That(owed.ConvertAll(e => e.Kind), Is.EqualTo(new[]
        {
            ExpectationKind.Prefix, ExpectationKind.AnyName, ExpectationKind.Changed, ExpectationKind.Exact,
        }));
        Assert.That(owed[1].Names, Is.EqualTo(new[] { "b", "e", "f" }));
        Assert.That(touched, Is.EquivalentTo(new[] { "a", "b", "c", "e", "f", "g" }));
    }

    [Test]
    public void TheJudgeFindsLostAndStaleFilesAndPassesAnIntactDisk()
    {
        string directory = Path.Combine(Path.GetTempPath(), "cosmoshybrid-powercut-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string image = Path.Combine(directory, "disk.img");
            FatImageTools.Format(image, 34000);
            FatTools.Put(image, "/a0.bin", One);
            FatTools.Put(image, "/file one.dat", new byte[] { 1, 2, 3, 4, 5, 6, 7 });
            string synced = "powercut: synced 4|a0.bin*5*" + Hex(One) + "|file one.dat*5*" + Hex(One) + "\n";

            CutVerdict appended = CutJudge.Judge(image, WorkloadLog.Parse(synced + "powercut: op 7 append file one.dat\n"), 1);
            Assert.That(appended.Passed, Is.True, appended.ToString());
            Assert.That(appended.Clean, Is.True);
            Assert.That(appended.FilesChecked, Is.EqualTo(2));

            CutVerdict untouched = CutJudge.Judge(image, WorkloadLog.Parse(synced), 2);
            Assert.That(untouched.LostBytes, Is.EqualTo(5), "file one.dat was not appended to: 7 bytes is not what was synced");

            FatTools.Put(image, "/z7.bin", Two);
            CutVerdict stale = CutJudge.Judge(image, WorkloadLog.Parse(synced + "powercut: op 8 append file one.dat\n"), 3);
            Assert.That(stale.StaleFiles, Is.EqualTo(1));
            Assert.That(stale.Passed, Is.False);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static string Hex(byte[] data) => Fnv1a.Hash(data).ToString("x16");
}
