using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Steps through the raw 32-byte slots of one directory, a sector at a time: the fixed
/// root region on FAT12/16, a cluster chain otherwise. Slots can be modified in place
/// (<see cref="MarkDirty"/>); a changed sector is written back before the cursor leaves it.
/// </summary>
/// <remarks>
/// A directory may hold at most 65536 slots (FAT specification). A chain that goes on
/// longer, for instance a loop, is reported as <see cref="StorageError.Corrupt"/>.
/// </remarks>
internal sealed class FatDirectoryCursor
{
    /// <summary>Most slots a directory may have.</summary>
    public const int MaxSlots = 65536;

    private readonly FatSectorDevice _disk;
    private readonly FatBootSector _boot;
    private readonly FatTable _table;
    private readonly byte[] _sector;
    private readonly int _slotsPerSector;

    private uint _firstCluster;
    private bool _fixedRoot;
    private bool _started;
    private bool _atEnd;
    private bool _loaded;
    private bool _dirty;
    private int _index;
    private uint _cluster;
    private int _sectorInCluster;
    private ulong _lba;
    private int _offset;

    public FatDirectoryCursor(FatSectorDevice disk, FatBootSector boot, FatTable table)
    {
        _disk = disk;
        _boot = boot;
        _table = table;
        _sector = new byte[boot.BytesPerSector];
        _slotsPerSector = boot.BytesPerSector / FatShortEntry.Size;
    }

    /// <summary>Slots in one cluster.</summary>
    public int SlotsPerCluster => _slotsPerSector * _boot.SectorsPerCluster;

    /// <summary>Index of the current slot; after the end, the number of slots in the directory.</summary>
    public int Index => _index;

    /// <summary>Current cluster (0 in the fixed root); after the end, the directory's last cluster.</summary>
    public uint Cluster => _cluster;

    /// <summary>True when the directory is the fixed FAT12/16 root region, which cannot grow.</summary>
    public bool IsFixedRoot => _fixedRoot;

    /// <summary>Logical sector holding the current slot.</summary>
    public ulong Sector => _lba;

    /// <summary>Byte offset of the current slot within <see cref="Sector"/>.</summary>
    public int Offset => _offset;

    /// <summary>The current slot's 32 bytes (valid until the cursor moves).</summary>
    public Span<byte> Entry => new Span<byte>(_sector, _offset, FatShortEntry.Size);

    /// <summary>
    /// Positions the cursor before the first slot of the directory starting at
    /// <paramref name="directoryCluster"/> (0: the root directory).
    /// </summary>
    public void Start(uint directoryCluster)
    {
        _fixedRoot = directoryCluster == 0 && _boot.Type != FatType.Fat32;
        _firstCluster = directoryCluster == 0 && _boot.Type == FatType.Fat32 ? _boot.RootCluster : directoryCluster;
        _started = false;
        _atEnd = false;
        _loaded = false;
        _dirty = false;
        _index = -1;
        _cluster = 0;
    }

    /// <summary>
    /// Moves to the next slot; <paramref name="end"/> is set when the directory has no more
    /// slots (end of the root region or of the chain). Writes back a modified sector it leaves.
    /// </summary>
    public StorageError Next(out bool end)
    {
        end = _atEnd;
        if (_atEnd)
        {
            return StorageError.Ok;
        }

        if (!_started)
        {
            _started = true;
            _index = 0;
            return EnterFirstSlot(out end);
        }

        _index++;

        // The root region may end in the middle of its last sector.
        if (_fixedRoot && _index >= _boot.RootEntryCount)
        {
            end = _atEnd = true;
            return Flush();
        }

        _offset += FatShortEntry.Size;
        if (_offset < _boot.BytesPerSector)
        {
            return StorageError.Ok;
        }

        StorageError error = Flush();
        if (error != StorageError.Ok)
        {
            return error;
        }

        _offset = 0;
        if (_fixedRoot)
        {
            _lba++;
            return Load();
        }

        _sectorInCluster++;
        if (_sectorInCluster < _boot.SectorsPerCluster)
        {
            _lba++;
            return Load();
        }

        error = _table.GetNext(_cluster, out uint next);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (next == 0)
        {
            end = _atEnd = true;
            return StorageError.Ok;
        }

        if (_index >= MaxSlots)
        {
            return StorageError.Corrupt;
        }

        _cluster = next;
        _sectorInCluster = 0;
        _lba = _boot.GetClusterFirstSector(next);
        return Load();
    }

    /// <summary>
    /// Positions the cursor on slot <paramref name="slot"/>, which must exist, walking only
    /// the FAT (not the slots in between).
    /// </summary>
    public StorageError SeekTo(uint directoryCluster, int slot)
    {
        Start(directoryCluster);
        if (slot < 0 || slot >= MaxSlots)
        {
            return StorageError.InvalidArgument;
        }

        _started = true;
        _index = slot;
        int sectorIndex = slot / _slotsPerSector;
        _offset = (slot % _slotsPerSector) * FatShortEntry.Size;
        if (_fixedRoot)
        {
            if (slot >= _boot.RootEntryCount)
            {
                return StorageError.InvalidArgument;
            }

            _lba = _boot.RootDirectoryFirstSector + (uint)sectorIndex;
            return Load();
        }

        if (!_table.IsDataCluster(_firstCluster))
        {
            return StorageError.Corrupt;
        }

        uint cluster = _firstCluster;
        int clusterIndex = sectorIndex / _boot.SectorsPerCluster;
        for (int i = 0; i < clusterIndex; i++)
        {
            StorageError error = _table.GetNext(cluster, out uint next);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (next == 0)
            {
                return StorageError.Corrupt;
            }

            cluster = next;
        }

        _cluster = cluster;
        _sectorInCluster = sectorIndex % _boot.SectorsPerCluster;
        _lba = _boot.GetClusterFirstSector(cluster) + (uint)_sectorInCluster;
        return Load();
    }

    /// <summary>Records that the current slot was changed.</summary>
    public void MarkDirty() => _dirty = true;

    /// <summary>Writes the current sector back if it was changed.</summary>
    public StorageError Flush()
    {
        if (!_dirty || !_loaded)
        {
            return StorageError.Ok;
        }

        StorageError error = _disk.Write(_lba, _sector);
        if (error == StorageError.Ok)
        {
            _dirty = false;
        }

        return error;
    }

    private StorageError EnterFirstSlot(out bool end)
    {
        end = false;
        _offset = 0;
        _sectorInCluster = 0;
        if (_fixedRoot)
        {
            if (_boot.RootEntryCount == 0)
            {
                end = _atEnd = true;
                return StorageError.Ok;
            }

            _lba = _boot.RootDirectoryFirstSector;
            return Load();
        }

        if (!_table.IsDataCluster(_firstCluster))
        {
            return StorageError.Corrupt;
        }

        _cluster = _firstCluster;
        _lba = _boot.GetClusterFirstSector(_cluster);
        return Load();
    }

    private StorageError Load()
    {
        _loaded = false;
        StorageError error = _disk.Read(_lba, _sector);
        _loaded = error == StorageError.Ok;
        return error;
    }
}
