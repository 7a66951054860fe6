namespace CosmosHybrid.Security;

/// <summary>
/// Whether one process descends from another: killing one's own descendants needs no
/// right, killing anyone else needs <c>KillAny</c>. The walk goes up through live processes
/// only, so an orphan (its parent ended) belongs to nobody but the holders of KillAny.
/// </summary>
internal static class ProcessLineage
{
    /// <summary>Longer chains than this are treated as "not a descendant" (a cycle cannot loop forever).</summary>
    public const int MaxDepth = 4096;

    /// <summary>True when <paramref name="candidate"/> is a child, grandchild... of <paramref name="ancestor"/> (never of itself).</summary>
    public static bool IsDescendant(IProcessParents parents, int ancestor, int candidate)
    {
        if (ancestor <= 0 || candidate == ancestor)
            return false;
        int current = candidate;
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (!parents.TryGetParent(current, out int parent) || parent <= 0)
                return false;
            if (parent == ancestor)
                return true;
            current = parent;
        }
        return false;
    }
}
