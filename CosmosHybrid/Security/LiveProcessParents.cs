using CosmosHybrid.Processes;

namespace CosmosHybrid.Security;

/// <summary>The process table as an <see cref="IProcessParents"/>: only live processes count.</summary>
internal sealed class LiveProcessParents : IProcessParents
{
    public static LiveProcessParents Instance { get; } = new LiveProcessParents();

    private LiveProcessParents()
    {
    }

    public bool TryGetParent(int processId, out int parentId)
    {
        Process process = ProcessTable.Find(processId);
        if (process == null || !process.IsAlive)
        {
            parentId = 0;
            return false;
        }
        parentId = process.ParentId;
        return true;
    }
}
