using System.Collections.Generic;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>What one power cut left on the disk, judged against the workload's last completed sync.</summary>
public sealed class CutVerdict
{
    /// <summary>The cut's seed (the workload's seed; the cut moment derives from it too).</summary>
    public ulong Seed { get; init; }

    /// <summary>The last completed sync's number (0: none).</summary>
    public int Generation { get; init; }

    /// <summary>Operations the workload announced before the cut.</summary>
    public int Operations { get; init; }

    /// <summary>fsck.fat -n found nothing to repair.</summary>
    public bool Clean { get; init; }

    /// <summary>After fsck.fat -a, fsck.fat -n found nothing more (true also when it was clean).</summary>
    public bool Repaired { get; init; }

    /// <summary>Synced files with a promise (untouched, only appended or only renamed since) that were checked.</summary>
    public int FilesChecked { get; init; }

    /// <summary>Synced files changed after the sync (rewritten, patched, deleted): nothing to check.</summary>
    public int FilesChanged { get; init; }

    /// <summary>Synced bytes not read back as synced: the whole synced length of each file that failed its check.</summary>
    public long LostBytes { get; init; }

    /// <summary>Files on the disk the last sync does not have and no later operation named.</summary>
    public int StaleFiles { get; init; }

    /// <summary>Chains no entry used, which fsck.fat -a saved as FSCKnnnn.REC (data of unsynced changes: not stale).</summary>
    public int RecoveredChains { get; init; }

    /// <summary>The workload's own failure before the cut, if any.</summary>
    public string WorkloadFailure { get; init; }

    /// <summary>One line per problem found.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>fsck.fat -n's report on the image as the cut left it.</summary>
    public string FsckReport { get; init; }

    public bool Passed => Repaired && LostBytes == 0 && StaleFiles == 0 && WorkloadFailure == null;

    public override string ToString() =>
        $"seed {Seed}: sync {Generation} after {Operations} ops, fsck -n {(Clean ? "clean" : Repaired ? "repaired by -a" : "NOT REPAIRED")}, "
        + $"{FilesChecked} synced files checked ({FilesChanged} changed since), lost {LostBytes} synced bytes, {StaleFiles} stale files, "
        + $"{RecoveredChains} chains recovered by fsck"
        + (WorkloadFailure != null ? ", workload: " + WorkloadFailure : "")
        + (Problems.Count > 0 ? "; " + string.Join("; ", Problems) : "");
}
