using System.Collections.Generic;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>What the disk must show for one synced file, given what the workload did to it after the sync.</summary>
public enum ExpectationKind
{
    /// <summary>Not touched since: the same name, length and bytes.</summary>
    Exact,

    /// <summary>Only appended to since: at least the synced length, the synced bytes first.</summary>
    Prefix,

    /// <summary>Only renamed since: the same bytes under the synced name or one it was renamed to.</summary>
    AnyName,

    /// <summary>Rewritten, patched or deleted since: nothing is promised.</summary>
    Changed,
}

/// <summary>One synced file and what the disk must show for it.</summary>
public sealed class Expectation
{
    public Expectation(SyncedFile file)
    {
        File = file;
        Names.Add(file.Name);
    }

    public SyncedFile File { get; }

    public ExpectationKind Kind { get; set; } = ExpectationKind.Exact;

    /// <summary>Names the file may be found under (the synced one, then rename targets).</summary>
    public List<string> Names { get; } = new();

    /// <summary>
    /// The expectation for each synced file after the operations announced since the sync, and
    /// the names those operations touched (a name neither synced nor touched must not exist).
    /// </summary>
    public static List<Expectation> From(WorkloadLog log, ISet<string> touched)
    {
        var expectations = new List<Expectation>();
        var at = new Dictionary<string, Expectation>(System.StringComparer.OrdinalIgnoreCase);
        foreach (SyncedFile file in log.Synced)
        {
            var expectation = new Expectation(file);
            expectations.Add(expectation);
            at[file.Name] = expectation;
        }

        foreach (WorkloadOperation op in log.After)
        {
            if (op.Name == null || op.Name.Length == 0)
            {
                continue;
            }

            touched.Add(op.Name);
            at.TryGetValue(op.Name, out Expectation owner);
            switch (op.Kind)
            {
                case "append":
                    if (owner != null)
                        owner.Kind = owner.Kind == ExpectationKind.Exact || owner.Kind == ExpectationKind.Prefix ? ExpectationKind.Prefix : ExpectationKind.Changed;
                    break;
                case "rename":
                    touched.Add(op.NewName);
                    at.Remove(op.Name);
                    if (owner != null)
                    {
                        owner.Kind = owner.Kind == ExpectationKind.Exact || owner.Kind == ExpectationKind.AnyName ? ExpectationKind.AnyName : ExpectationKind.Changed;
                        owner.Names.Add(op.NewName);
                        at[op.NewName] = owner;
                    }
                    break;
                default:
                    // write, patch, delete: the synced bytes may be gone.
                    if (owner != null)
                        owner.Kind = ExpectationKind.Changed;
                    at.Remove(op.Name);
                    break;
            }
        }

        return expectations;
    }
}
