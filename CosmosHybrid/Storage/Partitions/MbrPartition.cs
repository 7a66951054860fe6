namespace CosmosHybrid.Storage.Partitions;

/// <summary>One primary partition of an MBR partition table.</summary>
public readonly struct MbrPartition
{
    /// <summary>Creates a partition record.</summary>
    public MbrPartition(int index, byte type, uint firstSector, uint sectorCount)
    {
        Index = index;
        Type = type;
        FirstSector = firstSector;
        SectorCount = sectorCount;
    }

    /// <summary>Slot in the table, 0-3 (partition number minus one).</summary>
    public int Index { get; }

    /// <summary>The system ID byte (0x0B/0x0C FAT32, 0x04/0x06/0x0E FAT16, 0x01 FAT12, ...).</summary>
    public byte Type { get; }

    /// <summary>First sector (LBA) on the disk.</summary>
    public uint FirstSector { get; }

    /// <summary>Length in sectors.</summary>
    public uint SectorCount { get; }

    /// <summary>True for the type IDs that mean a FAT file system.</summary>
    public bool IsFat => Type == 0x01 || Type == 0x04 || Type == 0x06 || Type == 0x0B || Type == 0x0C || Type == 0x0E;
}
