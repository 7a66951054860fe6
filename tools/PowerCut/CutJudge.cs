using System;
using System.Collections.Generic;
using System.IO;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>
/// Judges a FAT image after a power cut: records fsck.fat -n on it, repairs a copy with
/// fsck.fat -a (and checks that -n is then clean), and reads every synced file back from the
/// repaired copy with mtools against the workload's last completed sync. The image itself is
/// left as the cut left it.
/// </summary>
public static class CutJudge
{
    public static CutVerdict Judge(string image, WorkloadLog log, ulong seed)
    {
        (int checkExit, string report) = FatImageTools.Fsck(image, repair: false);
        bool clean = checkExit == 0;
        string repaired = image + ".repaired";
        File.Copy(image, repaired, overwrite: true);
        try
        {
            bool repairedClean = clean;
            if (!clean)
            {
                FatImageTools.Fsck(repaired, repair: true);
                repairedClean = FatImageTools.Fsck(repaired, repair: false).Exit == 0;
            }

            var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            List<Expectation> expectations = Expectation.From(log, touched);
            var problems = new List<string>();
            int checkedFiles = 0, changed = 0;
            long lost = 0;
            foreach (Expectation expectation in expectations)
            {
                if (expectation.Kind == ExpectationKind.Changed)
                {
                    changed++;
                    continue;
                }

                checkedFiles++;
                string problem = Check(repaired, expectation);
                if (problem != null)
                {
                    problems.Add(problem);
                    lost += expectation.File.Length;
                }
            }

            var synced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (SyncedFile file in log.Synced)
                synced.Add(file.Name);
            int stale = 0, recovered = 0;
            foreach (string name in FatImageTools.List(repaired))
            {
                if (IsRecoveredChain(name))
                {
                    recovered++;
                }
                else if (!synced.Contains(name) && !touched.Contains(name))
                {
                    stale++;
                    problems.Add($"{name}: on the disk, but deleted or renamed before the last sync");
                }
            }

            if (!repairedClean)
                problems.Add("fsck.fat -a left problems fsck.fat -n still reports");

            var verdict = new CutVerdict
            {
                Seed = seed,
                Generation = log.Generation,
                Operations = log.Operations,
                Clean = clean,
                Repaired = repairedClean,
                FilesChecked = checkedFiles,
                FilesChanged = changed,
                LostBytes = lost,
                StaleFiles = stale,
                RecoveredChains = recovered,
                WorkloadFailure = log.Failure,
                FsckReport = report,
            };
            verdict.Problems.AddRange(problems);
            return verdict;
        }
        finally
        {
            File.Delete(repaired);
        }
    }

    // fsck.fat -a saves the chains no entry uses as FSCKnnnn.REC in the root directory.
    private static bool IsRecoveredChain(string name) =>
        name.Length == 12 && name.StartsWith("FSCK", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".REC", StringComparison.OrdinalIgnoreCase);

    // Null when the disk keeps the promise for this file, else what is wrong.
    private static string Check(string image, Expectation expectation)
    {
        SyncedFile file = expectation.File;
        string found = null;
        foreach (string name in expectation.Names)
        {
            byte[] data = FatImageTools.Read(image, name);
            if (data == null)
            {
                found ??= $"{name}: missing";
                continue;
            }

            bool ok = expectation.Kind == ExpectationKind.Prefix
                ? data.Length >= file.Length && Fnv1a.Hash(data.AsSpan(0, (int)file.Length)) == file.Hash
                : data.Length == file.Length && Fnv1a.Hash(data) == file.Hash;
            if (ok)
                return null;
            found = $"{name}: {data.Length} bytes, synced {file.Length}" + (data.Length >= file.Length ? ", different bytes" : "");
        }

        return found + (expectation.Kind == ExpectationKind.AnyName ? $" (renamed since: {string.Join(", ", expectation.Names)})" : "")
            + (expectation.Kind == ExpectationKind.Prefix ? " (appended to since)" : "");
    }
}
