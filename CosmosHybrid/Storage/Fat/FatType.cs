namespace CosmosHybrid.Storage.Fat;

/// <summary>Width of the file allocation table entries, which also fixes the volume layout.</summary>
public enum FatType
{
    /// <summary>12-bit entries, fixed root directory (fewer than 4085 clusters).</summary>
    Fat12,

    /// <summary>16-bit entries, fixed root directory (fewer than 65525 clusters).</summary>
    Fat16,

    /// <summary>28-bit entries, root directory in a cluster chain, FSInfo sector.</summary>
    Fat32,
}
