using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Operations on the entries of one directory: find a name, list, add an entry set (long
/// name slots + short entry, growing the directory if needed), remove one, and rewrite a
/// short entry in place. A directory is named by its first cluster; 0 is the root.
/// </summary>
internal sealed class FatDirectory
{
    private readonly FatSectorDevice _disk;
    private readonly FatBootSector _boot;
    private readonly FatTable _table;
    private readonly FatDirectoryCursor _cursor;
    private readonly FatDirectoryReader _reader;
    private readonly byte[] _entrySector;
    private readonly byte[] _zeroSector;
    private readonly FatAliasChooser _alias = new FatAliasChooser();

    public FatDirectory(FatSectorDevice disk, FatBootSector boot, FatTable table)
    {
        _disk = disk;
        _boot = boot;
        _table = table;
        _cursor = new FatDirectoryCursor(disk, boot, table);
        _reader = new FatDirectoryReader(_cursor, boot.Type == FatType.Fat32);
        _entrySector = new byte[boot.BytesPerSector];
        _zeroSector = new byte[boot.BytesPerSector];
    }

    /// <summary>First cluster of the root directory (0 on FAT12/16, where it is not in a cluster).</summary>
    public uint RootCluster => _boot.Type == FatType.Fat32 ? _boot.RootCluster : 0;

    /// <summary>
    /// Looks <paramref name="name"/> up (long or 8.3 name, ignoring case); copies its short
    /// entry to <paramref name="entry"/>. "." and ".." are never matched.
    /// </summary>
    public StorageError Find(uint directory, string name, Span<byte> entry, out FatEntryLocation location)
    {
        location = default;
        StorageError error = MoveReaderTo(directory, name);
        if (error == StorageError.Ok)
        {
            _reader.ShortEntry.CopyTo(entry);
            location = _reader.Location;
        }

        return error;
    }

    /// <summary>Looks <paramref name="name"/> up like <see cref="Find"/> and describes the entry.</summary>
    public StorageError Describe(uint directory, string name, out FatEntryInfo info) =>
        Describe(directory, name, out info, out _);

    /// <summary>Looks <paramref name="name"/> up like <see cref="Find"/>, describes the entry and says where it is.</summary>
    public StorageError Describe(uint directory, string name, out FatEntryInfo info, out FatEntryLocation location)
    {
        StorageError error = MoveReaderTo(directory, name);
        info = error == StorageError.Ok ? _reader.ToInfo() : default;
        location = error == StorageError.Ok ? _reader.Location : default;
        return error;
    }

    /// <summary>Appends the description of every entry except "." and ".." to <paramref name="entries"/>.</summary>
    public StorageError List(uint directory, List<FatEntryInfo> entries)
    {
        _reader.Start(directory);
        while (true)
        {
            StorageError error = _reader.Next(out bool end);
            if (error != StorageError.Ok || end)
            {
                return error;
            }

            if (!_reader.IsDotEntry)
            {
                entries.Add(_reader.ToInfo());
            }
        }
    }

    /// <summary>True when the directory holds nothing but "." and "..".</summary>
    public StorageError IsEmpty(uint directory, out bool empty)
    {
        empty = false;
        _reader.Start(directory);
        while (true)
        {
            StorageError error = _reader.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                empty = true;
                return StorageError.Ok;
            }

            if (!_reader.IsDotEntry)
            {
                return StorageError.Ok;
            }
        }
    }

    /// <summary>
    /// Reads the parent of a subdirectory from its ".." entry (the root is its own parent).
    /// </summary>
    public StorageError GetParent(uint directory, out uint parent)
    {
        parent = RootCluster;
        if (directory == RootCluster)
        {
            return StorageError.Ok;
        }

        StorageError error = FindDotDot(directory);
        if (error != StorageError.Ok)
        {
            return error;
        }

        uint cluster = FatShortEntry.GetFirstCluster(_cursor.Entry, _boot.Type == FatType.Fat32);
        if (cluster == 0)
        {
            return StorageError.Ok;
        }

        if (!_table.IsDataCluster(cluster))
        {
            return StorageError.Corrupt;
        }

        parent = cluster;
        return StorageError.Ok;
    }

    /// <summary>Points the ".." entry of a moved subdirectory at its new parent.</summary>
    public StorageError SetParent(uint directory, uint parent)
    {
        StorageError error = FindDotDot(directory);
        if (error != StorageError.Ok)
        {
            return error;
        }

        FatShortEntry.SetFirstCluster(_cursor.Entry, ToDotDotCluster(parent));
        _cursor.MarkDirty();
        return _cursor.Flush();
    }

    /// <summary>
    /// Adds an entry set named <paramref name="longName"/>. <paramref name="entry"/> holds
    /// the short entry to write (attributes, cluster, size, times); its name field is filled
    /// in here with a unique 8.3 alias. Grows the directory by zeroed clusters when no run of
    /// free slots is long enough.
    /// </summary>
    public StorageError Add(uint directory, string longName, Span<byte> entry, out FatEntryLocation location)
    {
        location = default;
        StorageError error = FatName.Validate(longName);
        if (error != StorageError.Ok)
        {
            return error;
        }

        Span<byte> shortName = stackalloc byte[FatShortName.Length];
        int longSlots = 0;
        if (!FatShortName.TryEncodeWithCase(longName, shortName, out byte caseFlags))
        {
            bool needsTail = FatShortName.CreateBasis(longName, shortName);
            error = ChooseAlias(directory, shortName, needsTail, longName);
            if (error != StorageError.Ok)
            {
                return error;
            }

            longSlots = FatLongNameEntry.EntriesNeeded(longName.Length);
        }

        FatShortEntry.SetName(entry, shortName);
        FatShortEntry.SetCaseFlags(entry, caseFlags);
        error = FindFreeSlots(directory, longSlots + 1, out int firstSlot, out bool pastEndMarker);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = _cursor.SeekTo(directory, firstSlot);
        if (error != StorageError.Ok)
        {
            return error;
        }

        // Long-name slots go first, highest ordinal (flagged last) at the lowest index.
        byte checksum = FatLongNameEntry.ComputeChecksum(shortName);
        for (int ordinal = longSlots; ordinal >= 1; ordinal--)
        {
            FatLongNameEntry.Write(_cursor.Entry, longName, ordinal, ordinal == longSlots, checksum);
            _cursor.MarkDirty();
            error = _cursor.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                return StorageError.Corrupt;
            }
        }

        entry.Slice(0, FatShortEntry.Size).CopyTo(_cursor.Entry);
        _cursor.MarkDirty();
        location = new FatEntryLocation(directory, firstSlot, _cursor.Index, _cursor.Sector, _cursor.Offset);

        if (pastEndMarker)
        {
            // The set took the end marker's place. Slots after an end marker count as free
            // whatever they hold, so make sure the slot after the set ends the directory.
            error = _cursor.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (!end && !FatShortEntry.IsEnd(_cursor.Entry))
            {
                _cursor.Entry[0] = FatShortEntry.EndMarker;
                _cursor.MarkDirty();
            }
        }

        return _cursor.Flush();
    }

    /// <summary>Marks every slot of an entry set deleted.</summary>
    public StorageError Remove(in FatEntryLocation location)
    {
        StorageError error = _cursor.SeekTo(location.DirectoryCluster, location.FirstSlot);
        while (error == StorageError.Ok)
        {
            _cursor.Entry[0] = FatShortEntry.DeletedMarker;
            _cursor.MarkDirty();
            if (_cursor.Index >= location.ShortSlot)
            {
                return _cursor.Flush();
            }

            error = _cursor.Next(out bool end);
            if (error == StorageError.Ok && end)
            {
                error = StorageError.Corrupt;
            }
        }

        return error;
    }

    /// <summary>Reads the short entry at <paramref name="location"/>.</summary>
    public StorageError ReadEntry(in FatEntryLocation location, Span<byte> entry)
    {
        StorageError error = _disk.Read(location.Sector, _entrySector);
        if (error == StorageError.Ok)
        {
            new Span<byte>(_entrySector, location.Offset, FatShortEntry.Size).CopyTo(entry);
        }

        return error;
    }

    /// <summary>Rewrites the short entry at <paramref name="location"/>.</summary>
    public StorageError WriteEntry(in FatEntryLocation location, ReadOnlySpan<byte> entry)
    {
        StorageError error = _disk.Read(location.Sector, _entrySector);
        if (error != StorageError.Ok)
        {
            return error;
        }

        entry.Slice(0, FatShortEntry.Size).CopyTo(new Span<byte>(_entrySector, location.Offset, FatShortEntry.Size));
        return _disk.Write(location.Sector, _entrySector);
    }

    /// <summary>
    /// Turns a freshly allocated cluster into an empty subdirectory of
    /// <paramref name="parent"/>: zeroed, with "." and ".." entries.
    /// </summary>
    public StorageError InitializeNew(uint cluster, uint parent, FatTimestamp now)
    {
        StorageError error = ZeroCluster(cluster);
        if (error != StorageError.Ok)
        {
            return error;
        }

        Span<byte> name = stackalloc byte[FatShortName.Length];
        Span<byte> sector = new Span<byte>(_entrySector);
        sector.Clear();

        name.Fill((byte)' ');
        name[0] = (byte)'.';
        Span<byte> dot = sector.Slice(0, FatShortEntry.Size);
        FatShortEntry.Initialize(dot, name, FatAttributes.Directory, now);
        FatShortEntry.SetFirstCluster(dot, cluster);

        name[1] = (byte)'.';
        Span<byte> dotDot = sector.Slice(FatShortEntry.Size, FatShortEntry.Size);
        FatShortEntry.Initialize(dotDot, name, FatAttributes.Directory, now);
        FatShortEntry.SetFirstCluster(dotDot, ToDotDotCluster(parent));

        return _disk.Write(_boot.GetClusterFirstSector(cluster), _entrySector);
    }

    private StorageError MoveReaderTo(uint directory, string name)
    {
        _reader.Start(directory);
        while (true)
        {
            StorageError error = _reader.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                return StorageError.NotFound;
            }

            if (!_reader.IsDotEntry && _reader.NameEquals(name))
            {
                return StorageError.Ok;
            }
        }
    }

    // ".." records the root as cluster 0, even on FAT32.
    private uint ToDotDotCluster(uint parent) => parent == RootCluster ? 0 : parent;

    private StorageError FindDotDot(uint directory)
    {
        _cursor.Start(directory);
        for (int i = 0; i < 2; i++)
        {
            StorageError error = _cursor.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                break;
            }

            if (FatShortEntry.IsDotDot(_cursor.Entry))
            {
                return StorageError.Ok;
            }
        }

        return StorageError.Corrupt;
    }

    // Makes 'basis' unique in the directory as Windows does (see FatAliasChooser).
    private StorageError ChooseAlias(uint directory, Span<byte> basis, bool needsTail, string longName)
    {
        _alias.Start(basis, needsTail, longName);
        _cursor.Start(directory);
        while (true)
        {
            StorageError error = _cursor.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                break;
            }

            ReadOnlySpan<byte> entry = _cursor.Entry;
            if (FatShortEntry.IsEnd(entry))
            {
                break;
            }

            if (!FatShortEntry.IsDeleted(entry) && !FatShortEntry.IsLongName(entry))
            {
                _alias.Observe(FatShortEntry.GetName(entry));
            }
        }

        _alias.Choose(basis);
        return StorageError.Ok;
    }

    // Finds 'count' consecutive free slots, growing the directory if necessary.
    // 'pastEndMarker' tells that the run reaches the end marker (or beyond).
    private StorageError FindFreeSlots(uint directory, int count, out int firstSlot, out bool pastEndMarker)
    {
        firstSlot = -1;
        pastEndMarker = false;
        int runStart = 0;
        int runLength = 0;
        _cursor.Start(directory);
        while (true)
        {
            StorageError error = _cursor.Next(out bool end);
            if (error != StorageError.Ok)
            {
                return error;
            }

            if (end)
            {
                break;
            }

            Span<byte> entry = _cursor.Entry;
            if (!pastEndMarker && FatShortEntry.IsEnd(entry))
            {
                pastEndMarker = true;
            }

            if (pastEndMarker || FatShortEntry.IsDeleted(entry))
            {
                if (runLength == 0)
                {
                    runStart = _cursor.Index;
                }

                runLength++;
                if (runLength == count)
                {
                    firstSlot = runStart;
                    return StorageError.Ok;
                }
            }
            else
            {
                runLength = 0;
            }
        }

        if (_cursor.IsFixedRoot)
        {
            return StorageError.NoSpace;
        }

        int slotCount = _cursor.Index;
        uint lastCluster = _cursor.Cluster;
        if (runLength == 0)
        {
            runStart = slotCount;
        }

        int slotsPerCluster = _cursor.SlotsPerCluster;
        uint newClusters = (uint)((count - runLength + slotsPerCluster - 1) / slotsPerCluster);
        if (slotCount + (long)newClusters * slotsPerCluster > FatDirectoryCursor.MaxSlots)
        {
            return StorageError.NoSpace;
        }

        StorageError allocateError = _table.Allocate(newClusters, out uint first, out _);
        if (allocateError != StorageError.Ok)
        {
            return allocateError;
        }

        // Zero the new clusters before linking them, so the directory never shows garbage.
        uint cluster = first;
        StorageError zeroError = StorageError.Ok;
        for (uint i = 0; i < newClusters && zeroError == StorageError.Ok; i++)
        {
            zeroError = ZeroCluster(cluster);
            if (zeroError == StorageError.Ok)
            {
                zeroError = _table.GetNext(cluster, out cluster);
            }
        }

        if (zeroError == StorageError.Ok)
        {
            zeroError = _table.WriteEntry(lastCluster, first);
        }

        if (zeroError != StorageError.Ok)
        {
            _table.FreeChain(first);
            return zeroError;
        }

        firstSlot = runStart;
        return StorageError.Ok;
    }

    private StorageError ZeroCluster(uint cluster)
    {
        ulong sector = _boot.GetClusterFirstSector(cluster);
        for (int i = 0; i < _boot.SectorsPerCluster; i++)
        {
            StorageError error = _disk.Write(sector + (uint)i, _zeroSector);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        return StorageError.Ok;
    }
}
