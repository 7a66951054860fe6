using CosmosHybrid.Storage.Cache;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// FAT's safe write-back order for a cached volume: the data region first (file data, and on
/// FAT32 the directories), then the FAT12/16 root directory, then the FATs, and the reserved
/// sectors (boot sector, FSInfo) last.
/// </summary>
/// <remarks>
/// A cut during a write-back then leaves an entry whose size or chain runs ahead of the FAT
/// (fsck.fat trims the file to its chain: the bytes written before stay), freed chains still
/// marked in use (fsck.fat reclaims them) and a stale FSInfo free count, never a FAT chain or
/// entry pointing at data that was not written. A cache block that straddles two regions
/// takes the rank of its last sector, the one written earlier.
/// </remarks>
internal sealed class FatWriteOrder : IWriteOrder
{
    /// <summary>File data and FAT32 directories.</summary>
    public const int DataRank = 0;

    /// <summary>The fixed root directory of FAT12/16.</summary>
    public const int RootDirectoryRank = 1;

    /// <summary>Every FAT copy.</summary>
    public const int FatRank = 2;

    /// <summary>Boot sector, FSInfo and the other reserved sectors.</summary>
    public const int ReservedRank = 3;

    private readonly ulong _fatStart;
    private readonly ulong _rootStart;
    private readonly ulong _dataStart;

    public FatWriteOrder(FatBootSector boot, int deviceSectorSize)
    {
        ulong scale = (ulong)(boot.BytesPerSector / deviceSectorSize);
        _fatStart = boot.FirstFatSector * scale;
        _rootStart = (boot.FirstFatSector + (ulong)boot.FatCount * boot.SectorsPerFat) * scale;
        _dataStart = (ulong)boot.FirstDataSector * scale;
    }

    /// <inheritdoc/>
    public int RankOf(ulong lba, int sectors)
    {
        ulong last = lba + (ulong)(sectors > 0 ? sectors - 1 : 0);
        return last >= _dataStart ? DataRank
            : last >= _rootStart ? RootDirectoryRank
            : last >= _fatStart ? FatRank
            : ReservedRank;
    }
}
