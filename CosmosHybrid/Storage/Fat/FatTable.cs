using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The file allocation table: one entry per data cluster, linking clusters into chains.
/// Reads and writes entries through a one-sector cache that is written back to every
/// FAT copy, allocates and frees chains, and keeps the free-cluster count (and FSInfo).
/// </summary>
/// <remarks>
/// Every chain walk is bounded by the number of clusters, so a loop or a stray link in a
/// damaged FAT ends in <see cref="StorageError.Corrupt"/> instead of a hang.
/// </remarks>
internal sealed class FatTable
{
    private readonly FatSectorDevice _disk;
    private readonly FatBootSector _boot;
    private readonly byte[] _sector;
    private readonly byte[] _fsInfoSector;
    private readonly uint _endOfChainThreshold;
    private readonly uint _endOfChainMark;
    private readonly uint _badClusterMark;

    // Index (within one FAT copy) of the sector held in _sector, or -1.
    private long _cachedSector = -1;
    private bool _cachedSectorDirty;

    private bool _freeCountKnown;
    private uint _freeCount;
    private uint _nextFreeHint;

    // What FSInfo says on disk, so it is rewritten only when our values differ.
    private bool _hasFsInfo;
    private uint _fsInfoFreeCount = FatFsInfo.Unknown;
    private uint _fsInfoNextFree = FatFsInfo.Unknown;

    public FatTable(FatSectorDevice disk, FatBootSector boot)
    {
        _disk = disk;
        _boot = boot;
        _sector = new byte[boot.BytesPerSector];
        _fsInfoSector = new byte[boot.BytesPerSector];
        _nextFreeHint = 2;
        switch (boot.Type)
        {
            case FatType.Fat12:
                _endOfChainThreshold = 0xFF8;
                _endOfChainMark = 0xFFF;
                _badClusterMark = 0xFF7;
                break;
            case FatType.Fat16:
                _endOfChainThreshold = 0xFFF8;
                _endOfChainMark = 0xFFFF;
                _badClusterMark = 0xFFF7;
                break;
            default:
                _endOfChainThreshold = 0x0FFFFFF8;
                _endOfChainMark = 0x0FFFFFFF;
                _badClusterMark = 0x0FFFFFF7;
                break;
        }
    }

    /// <summary>Number of data clusters.</summary>
    public uint ClusterCount => _boot.ClusterCount;

    /// <summary>True for numbers of data clusters (2 to MaxCluster).</summary>
    public bool IsDataCluster(uint cluster) => cluster >= 2 && cluster <= _boot.MaxCluster;

    /// <summary>
    /// Takes the FSInfo hints read at mount. The free count is not trusted (it may be stale);
    /// it is only used to decide whether FSInfo needs rewriting once the FAT has been counted.
    /// </summary>
    public void SetFsInfo(uint freeCount, uint nextFree)
    {
        _hasFsInfo = true;
        _fsInfoFreeCount = freeCount;
        _fsInfoNextFree = nextFree;
        if (IsDataCluster(nextFree))
        {
            _nextFreeHint = nextFree;
        }
    }

    /// <summary>Reads the raw entry of a data cluster (28 bits on FAT32).</summary>
    public StorageError ReadEntry(uint cluster, out uint value)
    {
        value = 0;
        if (!IsDataCluster(cluster))
        {
            return StorageError.Corrupt;
        }

        StorageError error;
        switch (_boot.Type)
        {
            case FatType.Fat12:
            {
                uint offset = cluster + cluster / 2;
                error = ReadByte(offset, out byte low);
                if (error != StorageError.Ok)
                {
                    return error;
                }

                error = ReadByte(offset + 1, out byte high);
                if (error != StorageError.Ok)
                {
                    return error;
                }

                uint pair = (uint)(low | (high << 8));
                value = (cluster & 1) != 0 ? pair >> 4 : pair & 0xFFF;
                return StorageError.Ok;
            }

            case FatType.Fat16:
            {
                error = Locate(cluster * 2, out int index);
                if (error == StorageError.Ok)
                {
                    value = BinaryPrimitives.ReadUInt16LittleEndian(new Span<byte>(_sector, index, 2));
                }

                return error;
            }

            default:
            {
                error = Locate(cluster * 4, out int index);
                if (error == StorageError.Ok)
                {
                    value = BinaryPrimitives.ReadUInt32LittleEndian(new Span<byte>(_sector, index, 4)) & 0x0FFFFFFF;
                }

                return error;
            }
        }
    }

    /// <summary>Sets the entry of a data cluster (keeping the 4 reserved bits on FAT32).</summary>
    public StorageError WriteEntry(uint cluster, uint value)
    {
        if (!IsDataCluster(cluster))
        {
            return StorageError.Corrupt;
        }

        StorageError error;
        switch (_boot.Type)
        {
            case FatType.Fat12:
            {
                uint offset = cluster + cluster / 2;
                error = ReadByte(offset, out byte low);
                if (error != StorageError.Ok)
                {
                    return error;
                }

                error = ReadByte(offset + 1, out byte high);
                if (error != StorageError.Ok)
                {
                    return error;
                }

                // Two 12-bit entries share three bytes: keep the neighbour's nibble.
                if ((cluster & 1) != 0)
                {
                    low = (byte)((low & 0x0Fu) | ((value << 4) & 0xF0u));
                    high = (byte)(value >> 4);
                }
                else
                {
                    low = (byte)value;
                    high = (byte)((high & 0xF0u) | ((value >> 8) & 0x0Fu));
                }

                error = WriteByte(offset, low);
                return error != StorageError.Ok ? error : WriteByte(offset + 1, high);
            }

            case FatType.Fat16:
            {
                error = Locate(cluster * 2, out int index);
                if (error == StorageError.Ok)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(new Span<byte>(_sector, index, 2), (ushort)value);
                    _cachedSectorDirty = true;
                }

                return error;
            }

            default:
            {
                error = Locate(cluster * 4, out int index);
                if (error == StorageError.Ok)
                {
                    Span<byte> entry = new Span<byte>(_sector, index, 4);
                    uint reserved = BinaryPrimitives.ReadUInt32LittleEndian(entry) & 0xF0000000;
                    BinaryPrimitives.WriteUInt32LittleEndian(entry, reserved | (value & 0x0FFFFFFF));
                    _cachedSectorDirty = true;
                }

                return error;
            }
        }
    }

    /// <summary>
    /// Follows one link of a chain. <paramref name="next"/> is 0 at the end of the chain.
    /// A link to a free, reserved, bad or out-of-range cluster is <see cref="StorageError.Corrupt"/>.
    /// </summary>
    public StorageError GetNext(uint cluster, out uint next)
    {
        StorageError error = ReadEntry(cluster, out uint value);
        next = 0;
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (value >= _endOfChainThreshold)
        {
            return StorageError.Ok;
        }

        if (value == _badClusterMark || !IsDataCluster(value))
        {
            return StorageError.Corrupt;
        }

        next = value;
        return StorageError.Ok;
    }

    /// <summary>Counts the clusters of a chain and finds its last cluster.</summary>
    public StorageError MeasureChain(uint first, out uint length, out uint last) => MeasureChain(first, out length, out last, out _);

    /// <summary>
    /// Counts the clusters of a chain and finds its last cluster, and how many clusters from its
    /// start follow each other on the disk (<paramref name="firstRun"/>: first, first + 1, ...).
    /// </summary>
    public StorageError MeasureChain(uint first, out uint length, out uint last, out uint firstRun)
    {
        length = 0;
        last = 0;
        firstRun = 0;
        bool inRun = true;
        uint cluster = first;
        while (cluster != 0)
        {
            // A chain cannot be longer than the volume: anything longer is a loop.
            if (length >= ClusterCount)
            {
                return StorageError.Corrupt;
            }

            StorageError error = GetNext(cluster, out uint next);
            if (error != StorageError.Ok)
            {
                return error;
            }

            length++;
            if (inRun)
            {
                firstRun++;
                inRun = next == cluster + 1;
            }

            last = cluster;
            cluster = next;
        }

        return StorageError.Ok;
    }

    /// <summary>
    /// Allocates <paramref name="count"/> free clusters as a new chain ending in an
    /// end-of-chain mark. The caller links it afterwards, so a failure here leaves every
    /// existing chain untouched; on failure the clusters taken so far are released again.
    /// </summary>
    public StorageError Allocate(uint count, out uint first, out uint last)
    {
        first = 0;
        last = 0;
        if (count == 0)
        {
            return StorageError.InvalidArgument;
        }

        StorageError error = EnsureFreeCount();
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (count > _freeCount)
        {
            return StorageError.NoSpace;
        }

        uint previous = 0;
        for (uint i = 0; i < count; i++)
        {
            error = FindFree(out uint cluster);
            if (error == StorageError.Ok)
            {
                error = WriteEntry(cluster, _endOfChainMark);
            }

            if (error == StorageError.Ok && previous != 0)
            {
                error = WriteEntry(previous, cluster);
            }

            if (error != StorageError.Ok)
            {
                if (first != 0)
                {
                    FreeChain(first);
                }

                first = 0;
                last = 0;
                return error;
            }

            if (first == 0)
            {
                first = cluster;
            }

            previous = cluster;
            _freeCount--;
            _nextFreeHint = cluster < _boot.MaxCluster ? cluster + 1 : 2;
        }

        last = previous;
        return StorageError.Ok;
    }

    /// <summary>Marks <paramref name="cluster"/> as the last of its chain.</summary>
    public StorageError MarkEndOfChain(uint cluster) => WriteEntry(cluster, _endOfChainMark);

    /// <summary>
    /// Releases a whole chain. The chain is walked once before anything is changed, so a
    /// damaged chain is reported as <see cref="StorageError.Corrupt"/> and left alone.
    /// </summary>
    public StorageError FreeChain(uint first)
    {
        // Count first: a count taken later would be right, but FSInfo must not be
        // rewritten from a count that missed this release.
        StorageError error = EnsureFreeCount();
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = MeasureChain(first, out uint length, out _);
        if (error != StorageError.Ok)
        {
            return error;
        }

        uint cluster = first;
        for (uint i = 0; i < length; i++)
        {
            error = GetNext(cluster, out uint next);
            if (error == StorageError.Ok)
            {
                error = WriteEntry(cluster, 0);
            }

            if (error != StorageError.Ok)
            {
                return error;
            }

            if (_freeCountKnown)
            {
                _freeCount++;
            }

            cluster = next;
        }

        return StorageError.Ok;
    }

    /// <summary>Returns the number of free clusters, counting the FAT the first time.</summary>
    public StorageError GetFreeCount(out uint freeCount)
    {
        StorageError error = EnsureFreeCount();
        freeCount = _freeCount;
        return error;
    }

    /// <summary>
    /// Counts free clusters by scanning the FAT unless already known. FSInfo is never
    /// trusted for this: a stale value there would make allocation fail or overcommit.
    /// </summary>
    public StorageError EnsureFreeCount()
    {
        if (_freeCountKnown)
        {
            return StorageError.Ok;
        }

        uint free = 0;
        for (uint cluster = 2; cluster <= _boot.MaxCluster; cluster++)
        {
            StorageError error = ReadEntry(cluster, out uint value);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (value == 0)
            {
                free++;
            }
        }

        _freeCount = free;
        _freeCountKnown = true;
        return StorageError.Ok;
    }

    /// <summary>Writes the cached FAT sector to every FAT copy and brings FSInfo up to date.</summary>
    public StorageError Flush()
    {
        StorageError error = FlushCachedSector();
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (!_hasFsInfo || !_freeCountKnown)
        {
            return StorageError.Ok;
        }

        if (_freeCount == _fsInfoFreeCount && _nextFreeHint == _fsInfoNextFree)
        {
            return StorageError.Ok;
        }

        // Read-modify-write: FSInfo shares its sector with nothing else we own, and
        // rereading keeps whatever a formatter put in the reserved bytes.
        byte[] buffer = _fsInfoSector;
        error = _disk.Read(_boot.FsInfoSector, buffer);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (!FatFsInfo.IsValid(buffer))
        {
            // Signatures vanished since mount: do not write into an unknown structure.
            _hasFsInfo = false;
            return StorageError.Ok;
        }

        FatFsInfo.Set(buffer, _freeCount, _nextFreeHint);
        error = _disk.Write(_boot.FsInfoSector, buffer);
        if (error == StorageError.Ok)
        {
            _fsInfoFreeCount = _freeCount;
            _fsInfoNextFree = _nextFreeHint;
        }

        return error;
    }

    private StorageError FindFree(out uint found)
    {
        found = 0;
        uint cluster = IsDataCluster(_nextFreeHint) ? _nextFreeHint : 2;
        for (uint i = 0; i < ClusterCount; i++)
        {
            StorageError error = ReadEntry(cluster, out uint value);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (value == 0)
            {
                found = cluster;
                return StorageError.Ok;
            }

            cluster = cluster < _boot.MaxCluster ? cluster + 1 : 2;
        }

        return StorageError.NoSpace;
    }

    // Brings the FAT sector holding byte 'offset' (of one FAT copy) into the cache.
    private StorageError Locate(uint offset, out int index)
    {
        uint sectorIndex = offset / (uint)_boot.BytesPerSector;
        index = (int)(offset % (uint)_boot.BytesPerSector);
        if (sectorIndex == _cachedSector)
        {
            return StorageError.Ok;
        }

        StorageError error = FlushCachedSector();
        if (error != StorageError.Ok)
        {
            return error;
        }

        ulong lba = _boot.FirstFatSector + (ulong)_boot.ActiveFat * _boot.SectorsPerFat + sectorIndex;
        error = _disk.Read(lba, _sector);
        _cachedSector = error == StorageError.Ok ? sectorIndex : -1;
        return error;
    }

    private StorageError ReadByte(uint offset, out byte value)
    {
        StorageError error = Locate(offset, out int index);
        value = error == StorageError.Ok ? _sector[index] : (byte)0;
        return error;
    }

    private StorageError WriteByte(uint offset, byte value)
    {
        StorageError error = Locate(offset, out int index);
        if (error == StorageError.Ok)
        {
            _sector[index] = value;
            _cachedSectorDirty = true;
        }

        return error;
    }

    private StorageError FlushCachedSector()
    {
        if (!_cachedSectorDirty)
        {
            return StorageError.Ok;
        }

        for (int copy = 0; copy < _boot.FatCount; copy++)
        {
            if (!_boot.MirrorFats && copy != _boot.ActiveFat)
            {
                continue;
            }

            ulong lba = _boot.FirstFatSector + (ulong)copy * _boot.SectorsPerFat + (ulong)_cachedSector;
            StorageError error = _disk.Write(lba, _sector);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        _cachedSectorDirty = false;
        return StorageError.Ok;
    }
}
