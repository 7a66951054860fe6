using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>Access rights of a segment: the p_flags bits PF_X, PF_W and PF_R.</summary>
[Flags]
public enum ElfSegmentFlags : uint
{
    /// <summary>No access (a reserved, inaccessible range).</summary>
    None = 0,

    /// <summary>PF_X: instructions may be fetched.</summary>
    Execute = 1,

    /// <summary>PF_W: may be written.</summary>
    Write = 2,

    /// <summary>PF_R: may be read.</summary>
    Read = 4,
}
