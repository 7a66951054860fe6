namespace CosmosHybrid.Storage.Vfs;

/// <summary>What a seek offset is relative to (the same values as the system-call ABI's).</summary>
public enum VfsSeekOrigin
{
    /// <summary>The start of the file.</summary>
    Begin = 0,

    /// <summary>The current position.</summary>
    Current = 1,

    /// <summary>The end of the file.</summary>
    End = 2,
}
