using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The BIOS parameter block of a FAT volume (sector 0) and the layout derived from it:
/// where the FATs, the fixed root directory and the data clusters are.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> accepts only self-consistent values, so the rest of the engine can
/// compute sector numbers from these properties without further range checks.
/// </remarks>
public sealed class FatBootSector
{
    // Cluster-count limits that decide the FAT type (Microsoft FAT specification).
    private const uint MaxFat12Clusters = 4084;
    private const uint MaxFat16Clusters = 65524;
    private const uint MaxFat32Clusters = 0x0FFFFFF5 - 2;

    private FatBootSector()
    {
    }

    /// <summary>FAT12, FAT16 or FAT32.</summary>
    public FatType Type { get; private set; }

    /// <summary>Bytes per logical sector: 512, 1024, 2048 or 4096.</summary>
    public int BytesPerSector { get; private set; }

    /// <summary>Sectors per cluster: a power of two from 1 to 128.</summary>
    public int SectorsPerCluster { get; private set; }

    /// <summary>Bytes per cluster.</summary>
    public int BytesPerCluster => BytesPerSector * SectorsPerCluster;

    /// <summary>Sectors before the first FAT (boot sector, FSInfo, backups).</summary>
    public uint ReservedSectorCount { get; private set; }

    /// <summary>Number of FAT copies.</summary>
    public int FatCount { get; private set; }

    /// <summary>Sectors in each FAT copy.</summary>
    public uint SectorsPerFat { get; private set; }

    /// <summary>Slots in the fixed root directory (FAT12/16); 0 on FAT32.</summary>
    public int RootEntryCount { get; private set; }

    /// <summary>Sectors of the volume.</summary>
    public uint TotalSectors { get; private set; }

    /// <summary>Media descriptor byte (0xF8 for fixed disks).</summary>
    public byte MediaDescriptor { get; private set; }

    /// <summary>First cluster of the root directory on FAT32; 0 on FAT12/16.</summary>
    public uint RootCluster { get; private set; }

    /// <summary>Sector of the FSInfo structure on FAT32; 0 when there is none.</summary>
    public uint FsInfoSector { get; private set; }

    /// <summary>False when FAT32 mirroring is disabled and only <see cref="ActiveFat"/> is used.</summary>
    public bool MirrorFats { get; private set; }

    /// <summary>The FAT copy that is read (0 unless FAT32 mirroring is disabled).</summary>
    public int ActiveFat { get; private set; }

    /// <summary>First sector of the first FAT.</summary>
    public uint FirstFatSector => ReservedSectorCount;

    /// <summary>First sector of the fixed root directory (FAT12/16).</summary>
    public uint RootDirectoryFirstSector { get; private set; }

    /// <summary>Sectors of the fixed root directory (0 on FAT32).</summary>
    public uint RootDirectorySectorCount { get; private set; }

    /// <summary>Sector of cluster 2, the first data cluster.</summary>
    public uint FirstDataSector { get; private set; }

    /// <summary>Number of data clusters; valid cluster numbers are 2 to <see cref="MaxCluster"/>.</summary>
    public uint ClusterCount { get; private set; }

    /// <summary>Highest valid cluster number.</summary>
    public uint MaxCluster => ClusterCount + 1;

    /// <summary>First sector of a data cluster.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong GetClusterFirstSector(uint cluster) =>
        FirstDataSector + (ulong)(cluster - 2) * (uint)SectorsPerCluster;

    /// <summary>
    /// Parses and validates a boot sector. Returns <see cref="StorageError.Corrupt"/> for
    /// anything that is not a consistent FAT volume fitting in <paramref name="deviceBytes"/>
    /// bytes (pass <see cref="ulong.MaxValue"/> when unknown).
    /// </summary>
    public static StorageError Parse(ReadOnlySpan<byte> sector, ulong deviceBytes, out FatBootSector bootSector)
    {
        bootSector = null;
        if (sector.Length < 512)
        {
            return StorageError.InvalidArgument;
        }

        // A jump instruction and the 0x55AA signature are what every FAT formatter writes;
        // requiring them rejects most non-FAT data before the arithmetic below.
        if ((sector[0] != 0xEB && sector[0] != 0xE9) || sector[510] != 0x55 || sector[511] != 0xAA)
        {
            return StorageError.Corrupt;
        }

        int bytesPerSector = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(11));
        int sectorsPerCluster = sector[13];
        uint reserved = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(14));
        int fatCount = sector[16];
        int rootEntryCount = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(17));
        uint totalSectors16 = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(19));
        byte media = sector[21];
        uint sectorsPerFat16 = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(22));
        uint totalSectors32 = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(32));

        if (bytesPerSector != 512 && bytesPerSector != 1024 && bytesPerSector != 2048 && bytesPerSector != 4096)
        {
            return StorageError.Corrupt;
        }

        if (sectorsPerCluster == 0 || (sectorsPerCluster & (sectorsPerCluster - 1)) != 0
            || bytesPerSector * sectorsPerCluster > 65536)
        {
            return StorageError.Corrupt;
        }

        if (reserved == 0 || fatCount == 0 || fatCount > 4 || (media != 0xF0 && media < 0xF8))
        {
            return StorageError.Corrupt;
        }

        uint totalSectors = totalSectors16 != 0 ? totalSectors16 : totalSectors32;
        if (totalSectors == 0 || (ulong)totalSectors * (uint)bytesPerSector > deviceBytes)
        {
            return StorageError.Corrupt;
        }

        var result = new FatBootSector
        {
            BytesPerSector = bytesPerSector,
            SectorsPerCluster = sectorsPerCluster,
            ReservedSectorCount = reserved,
            FatCount = fatCount,
            RootEntryCount = rootEntryCount,
            TotalSectors = totalSectors,
            MediaDescriptor = media,
            MirrorFats = true,
        };

        // Like Linux, a zero 16-bit FAT size means the FAT32 layout whatever the cluster count.
        bool fat32Layout = sectorsPerFat16 == 0;
        if (fat32Layout)
        {
            uint sectorsPerFat32 = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(36));
            ushort extendedFlags = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(40));
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(42));
            uint rootCluster = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(44));
            uint fsInfo = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(48));
            if (sectorsPerFat32 == 0 || rootEntryCount != 0 || version != 0)
            {
                return StorageError.Corrupt;
            }

            result.SectorsPerFat = sectorsPerFat32;
            result.RootCluster = rootCluster;
            result.FsInfoSector = fsInfo == 0xFFFF ? 0 : fsInfo;
            if ((extendedFlags & 0x80) != 0)
            {
                result.MirrorFats = false;
                result.ActiveFat = extendedFlags & 0x0F;
                if (result.ActiveFat >= fatCount)
                {
                    return StorageError.Corrupt;
                }
            }

            // FSInfo must lie in the reserved area and must not be the boot sector itself.
            if (result.FsInfoSector != 0 && result.FsInfoSector >= reserved)
            {
                return StorageError.Corrupt;
            }
        }
        else
        {
            if (rootEntryCount == 0)
            {
                return StorageError.Corrupt;
            }

            result.SectorsPerFat = sectorsPerFat16;
        }

        ulong rootSectors = ((ulong)rootEntryCount * 32 + (uint)bytesPerSector - 1) / (uint)bytesPerSector;
        ulong rootStart = reserved + (ulong)fatCount * result.SectorsPerFat;
        ulong firstData = rootStart + rootSectors;
        if (firstData >= totalSectors)
        {
            return StorageError.Corrupt;
        }

        ulong clusterCount = (totalSectors - firstData) / (uint)sectorsPerCluster;
        if (clusterCount == 0 || clusterCount > MaxFat32Clusters)
        {
            return StorageError.Corrupt;
        }

        result.RootDirectoryFirstSector = (uint)rootStart;
        result.RootDirectorySectorCount = (uint)rootSectors;
        result.FirstDataSector = (uint)firstData;
        result.ClusterCount = (uint)clusterCount;

        ulong fatBytesNeeded;
        if (fat32Layout)
        {
            result.Type = FatType.Fat32;
            fatBytesNeeded = (clusterCount + 2) * 4;
            if (result.RootCluster < 2 || result.RootCluster > result.MaxCluster)
            {
                return StorageError.Corrupt;
            }
        }
        else if (clusterCount <= MaxFat12Clusters)
        {
            result.Type = FatType.Fat12;
            fatBytesNeeded = ((clusterCount + 2) * 3 + 1) / 2;
        }
        else if (clusterCount <= MaxFat16Clusters)
        {
            result.Type = FatType.Fat16;
            fatBytesNeeded = (clusterCount + 2) * 2;
        }
        else
        {
            // Too many clusters for 16-bit entries but not laid out as FAT32.
            return StorageError.Corrupt;
        }

        if ((ulong)result.SectorsPerFat * (uint)bytesPerSector < fatBytesNeeded)
        {
            return StorageError.Corrupt;
        }

        bootSector = result;
        return StorageError.Ok;
    }
}
