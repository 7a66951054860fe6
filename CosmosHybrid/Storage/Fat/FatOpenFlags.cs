using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>How <see cref="FatVolume.Open"/> treats a missing or existing file.</summary>
[Flags]
public enum FatOpenFlags
{
    /// <summary>Open an existing file; fail with NotFound otherwise.</summary>
    None = 0,

    /// <summary>Create the file if it does not exist.</summary>
    Create = 1,

    /// <summary>With <see cref="Create"/>: fail with Exists if the file exists.</summary>
    Exclusive = 2,

    /// <summary>Truncate an existing file to length 0.</summary>
    Truncate = 4,

    /// <summary>Every write goes to the current end of the file.</summary>
    Append = 8,
}
