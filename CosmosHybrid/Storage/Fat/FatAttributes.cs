using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>Attribute byte of a FAT directory entry.</summary>
[Flags]
public enum FatAttributes : byte
{
    /// <summary>No attribute set.</summary>
    None = 0,

    /// <summary>Writes are not expected (advisory; not enforced by this implementation).</summary>
    ReadOnly = 0x01,

    /// <summary>Hidden from normal listings.</summary>
    Hidden = 0x02,

    /// <summary>Belongs to the operating system.</summary>
    System = 0x04,

    /// <summary>The entry is the volume label, not a file.</summary>
    VolumeLabel = 0x08,

    /// <summary>The entry is a directory.</summary>
    Directory = 0x10,

    /// <summary>Modified since the last backup.</summary>
    Archive = 0x20,

    /// <summary>The combination that marks a long-file-name slot.</summary>
    LongName = ReadOnly | Hidden | System | VolumeLabel,
}
