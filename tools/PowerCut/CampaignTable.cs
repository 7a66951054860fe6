using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>The campaign's figures: cuts, fsck.fat outcomes, synced files checked and synced bytes lost.</summary>
public static class CampaignTable
{
    public static string Format(IReadOnlyList<CutVerdict> verdicts)
    {
        int recovered = 0, clean = 0, repaired = 0, unrepaired = 0, files = 0, changed = 0, stale = 0, failed = 0, syncs = 0;
        long lost = 0, operations = 0;
        foreach (CutVerdict verdict in verdicts)
        {
            if (verdict.Clean)
                clean++;
            else if (verdict.Repaired)
                repaired++;
            else
                unrepaired++;
            files += verdict.FilesChecked;
            changed += verdict.FilesChanged;
            lost += verdict.LostBytes;
            stale += verdict.StaleFiles;
            recovered += verdict.RecoveredChains;
            operations += verdict.Operations;
            syncs += verdict.Generation;
            if (!verdict.Passed)
                failed++;
        }

        var table = new StringBuilder();
        table.AppendLine("| cuts | ops before the cuts | syncs | fsck -n clean | repaired by fsck -a | not repaired | synced files checked | changed after sync | lost synced bytes | stale files | chains fsck saved | failed cuts |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.AppendLine($"| {verdicts.Count} | {operations} | {syncs} | {clean} | {repaired} | {unrepaired} | {files} | {changed} | {lost} | {stale} | {recovered} | {failed} |");
        return table.ToString();
    }
}
