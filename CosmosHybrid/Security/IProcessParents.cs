namespace CosmosHybrid.Security;

/// <summary>Who started whom, as far as the live processes tell: what <see cref="ProcessLineage"/> walks.</summary>
internal interface IProcessParents
{
    /// <summary>False when no live process has that id; otherwise its parent's id (0 for the first program).</summary>
    bool TryGetParent(int processId, out int parentId);
}
