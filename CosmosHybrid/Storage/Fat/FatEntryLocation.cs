namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Where a file's directory entry set is: its directory, the slot range (long-name slots
/// first, short entry last) and the sector holding the short entry, which is rewritten
/// whenever the file's size or first cluster changes.
/// </summary>
internal readonly struct FatEntryLocation
{
    public FatEntryLocation(uint directoryCluster, int firstSlot, int shortSlot, ulong sector, int offset)
    {
        DirectoryCluster = directoryCluster;
        FirstSlot = firstSlot;
        ShortSlot = shortSlot;
        Sector = sector;
        Offset = offset;
    }

    /// <summary>First cluster of the containing directory (0: the fixed FAT12/16 root).</summary>
    public uint DirectoryCluster { get; }

    /// <summary>Directory index of the first slot of the set (the short entry's when there is no long name).</summary>
    public int FirstSlot { get; }

    /// <summary>Directory index of the short entry.</summary>
    public int ShortSlot { get; }

    /// <summary>Logical sector holding the short entry.</summary>
    public ulong Sector { get; }

    /// <summary>Byte offset of the short entry in <see cref="Sector"/>.</summary>
    public int Offset { get; }

    /// <summary>A number unique to the short entry's slot on the volume (identifies open files).</summary>
    public ulong Key => (Sector << 7) | (uint)(Offset / FatShortEntry.Size);
}
