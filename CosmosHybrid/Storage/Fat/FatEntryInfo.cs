using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// What <see cref="FatVolume.Stat"/> and <see cref="FatVolume.ReadDirectory"/> report
/// about a file or directory.
/// </summary>
public readonly struct FatEntryInfo
{
    internal FatEntryInfo(
        string name,
        string shortName,
        FatAttributes attributes,
        uint size,
        uint firstCluster,
        FatTimestamp created,
        FatTimestamp modified,
        ushort accessedDate)
    {
        Name = name;
        ShortName = shortName;
        Attributes = attributes;
        Size = size;
        FirstCluster = firstCluster;
        Created = created;
        Modified = modified;
        AccessedDate = accessedDate;
    }

    /// <summary>The long name as written, or the 8.3 name when there is none ("" for the root).</summary>
    public string Name { get; }

    /// <summary>The 8.3 alias, e.g. "LONGFI~1.TXT" ("" for the root).</summary>
    public string ShortName { get; }

    /// <summary>Attribute flags.</summary>
    public FatAttributes Attributes { get; }

    /// <summary>True for directories.</summary>
    public bool IsDirectory => (Attributes & FatAttributes.Directory) != 0;

    /// <summary>Size in bytes (0 for directories).</summary>
    public uint Size { get; }

    /// <summary>First cluster of the data (0 for an empty file).</summary>
    public uint FirstCluster { get; }

    /// <summary>Creation date and time.</summary>
    public FatTimestamp Created { get; }

    /// <summary>Last modification date and time.</summary>
    public FatTimestamp Modified { get; }

    /// <summary>Last access date (raw FAT date word).</summary>
    public ushort AccessedDate { get; }

    /// <summary>The entry as the virtual file system reports it.</summary>
    internal FileEntry ToFileEntry() =>
        new FileEntry(Name, IsDirectory, IsDirectory ? 0 : Size, Modified.Date, Modified.Time);
}
