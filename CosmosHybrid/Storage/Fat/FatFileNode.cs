using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The shared state of an open file (one per file, however many handles): where its entry
/// is, its first cluster and size, and a cached position in its cluster chain. Does the
/// data transfers: reads, writes (growing the chain first) and truncation.
/// </summary>
/// <remarks>
/// Growth allocates the whole new tail of the chain before linking it to the file, and
/// the directory entry is updated last, so a full disk (<see cref="StorageError.NoSpace"/>)
/// leaves the file and the FAT exactly as they were.
/// </remarks>
internal sealed class FatFileNode
{
    private readonly FatVolume _volume;
    private readonly FatTable _table;
    private readonly FatBootSector _boot;
    private readonly FatSectorDevice _disk;
    private readonly uint _clusterSize;
    // Sector and cluster sizes are powers of two: a cached read's offsets are split by shifts, not divisions.
    private readonly int _sectorShift;
    private readonly int _clusterShift;

    // Last cluster visited: index in the chain and cluster number.
    private bool _cursorValid;
    private uint _cursorIndex;
    private uint _cursorCluster;

    // A stretch of the chain known (from the FAT) to be physically consecutive: the clusters at
    // positions _runIndex .. _runIndex + _runLength - 1 are _runCluster, _runCluster + 1, ...
    // A transfer inside it needs no FAT lookups. Only truncation changes links already read
    // (growth links the last cluster, which no run vouches for), so ResetChainCache empties it.
    private uint _runIndex;
    private uint _runCluster;
    private uint _runLength;

    // Length and last cluster of the chain, once measured.
    private bool _chainKnown;
    private uint _chainLength;
    private uint _lastCluster;

    public FatFileNode(FatVolume volume, in FatEntryLocation location, uint firstCluster, uint size, FatTimestamp modified)
    {
        _volume = volume;
        _table = volume.Table;
        _boot = volume.BootSector;
        _disk = volume.Disk;
        _clusterSize = (uint)_boot.BytesPerCluster;
        _sectorShift = ShiftOf((uint)_boot.BytesPerSector);
        _clusterShift = ShiftOf(_clusterSize);
        Location = location;
        FirstCluster = firstCluster;
        Size = size;
        Modified = modified;
    }

    /// <summary>Where the file's entry is (changes when the file is renamed).</summary>
    public FatEntryLocation Location { get; set; }

    /// <summary>First cluster, 0 while the file is empty.</summary>
    public uint FirstCluster { get; private set; }

    /// <summary>Size in bytes.</summary>
    public uint Size { get; private set; }

    /// <summary>Last modification time, as written to the entry.</summary>
    public FatTimestamp Modified { get; private set; }

    /// <summary>Number of open handles.</summary>
    public int OpenCount { get; set; }

    /// <summary>
    /// Checks the chain when the file is opened: it must end properly within the volume
    /// (no loop, no stray link) and hold at least <see cref="Size"/> bytes.
    /// </summary>
    public StorageError Validate()
    {
        StorageError error = MeasureChain();
        if (error != StorageError.Ok)
        {
            return error;
        }

        return _chainLength < ClustersFor(Size) ? StorageError.Corrupt : StorageError.Ok;
    }

    /// <summary>
    /// Reads from <paramref name="offset"/>; stops at the end of the file. A chain shorter
    /// than the size is <see cref="StorageError.Corrupt"/>.
    /// </summary>
    public StorageError Read(ulong offset, Span<byte> destination, out int bytesRead)
    {
        bytesRead = 0;
        if (offset >= Size || destination.Length == 0)
        {
            return StorageError.Ok;
        }

        int count = (int)Math.Min((ulong)destination.Length, Size - offset);
        if (TryReadWithinRun(offset, destination.Slice(0, count), out StorageError runError))
        {
            bytesRead = runError == StorageError.Ok ? count : 0;
            return runError;
        }

        // A read to the end of a file mostly ends inside a sector: its whole sectors may still be one
        // device read inside the run, and only the tail goes through the chain.
        int tail = (int)((offset + (ulong)count) % (uint)_boot.BytesPerSector);
        if (tail != 0 && count > tail && TryReadWithinRun(offset, destination.Slice(0, count - tail), out runError))
        {
            if (runError != StorageError.Ok)
            {
                return runError;
            }

            StorageError tailError = Transfer(offset + (ulong)(count - tail), destination.Slice(count - tail, tail), default, false, out int tailRead);
            bytesRead = tailError == StorageError.Ok ? count - tail + tailRead : 0;
            return tailError;
        }

        StorageError error = Transfer(offset, destination.Slice(0, count), default, false, out bytesRead);
        return error;
    }

    /// <summary>
    /// As <see cref="Read"/>, only when it needs no FAT lookup and the device holds the sectors in
    /// memory (a RAM disk, a cache hit): nothing waits and nothing but the cache's recency changes.
    /// False, with nothing read, otherwise.
    /// </summary>
    public bool TryReadFromMemory(ulong offset, Span<byte> destination, out int bytesRead)
    {
        bytesRead = 0;
        if (offset >= Size || destination.Length == 0)
        {
            return true;
        }

        ulong left = Size - offset;
        int count = left < (ulong)destination.Length ? (int)left : destination.Length;
        if (!SectorWithinRun(offset, count, out ulong sector) || !_disk.TryReadFromMemory(sector, destination.Slice(0, count)))
        {
            return false;
        }

        bytesRead = count;
        return true;
    }

    // Whole sectors inside the known run of consecutive clusters: the one device read Transfer
    // would make, without its walk. False when the read does not fit (Transfer does it then).
    private bool TryReadWithinRun(ulong offset, Span<byte> destination, out StorageError error)
    {
        error = StorageError.Ok;
        if (!SectorWithinRun(offset, destination.Length, out ulong sector))
        {
            return false;
        }

        error = _disk.Read(sector, destination);
        return true;
    }

    // The first sector of [offset, offset + length) when that is whole sectors inside the known run,
    // or inside the one cluster the cursor knows (a cluster out of the run's line, read before).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool SectorWithinRun(ulong offset, int length, out ulong sector)
    {
        sector = 0;
        ulong end = offset + (ulong)length;
        ulong sectorMask = (1UL << _sectorShift) - 1;
        if (((offset | end) & sectorMask) != 0 || length <= 0)
        {
            return false;
        }

        uint firstIndex = (uint)(offset >> _clusterShift);
        uint lastIndex = (uint)((end - 1) >> _clusterShift);
        uint first = firstIndex - _runIndex; // wraps to a huge value before the run
        uint cluster;
        if (first < _runLength && lastIndex - _runIndex < _runLength)
        {
            cluster = _runCluster + first;
        }
        else if (_cursorValid && firstIndex == _cursorIndex && lastIndex == firstIndex)
        {
            cluster = _cursorCluster;
        }
        else
        {
            return false;
        }

        sector = _boot.GetClusterFirstSector(cluster) + (uint)((offset & (_clusterSize - 1)) >> _sectorShift);
        return true;
    }

    /// <summary>
    /// Writes at <paramref name="offset"/>, growing the file (zero-filling any gap between
    /// the old end and <paramref name="offset"/>). All or nothing as far as space goes.
    /// </summary>
    public StorageError Write(ulong offset, ReadOnlySpan<byte> source, out int bytesWritten)
    {
        bytesWritten = 0;
        ulong end = offset + (ulong)source.Length;
        if (offset > uint.MaxValue || end > uint.MaxValue)
        {
            return StorageError.FileTooLarge;
        }

        if (source.Length == 0)
        {
            return StorageError.Ok;
        }

        StorageError error = Grow((uint)Math.Max(end, Size), (uint)offset);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = Transfer(offset, default, source, true, out bytesWritten);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (end > Size)
        {
            Size = (uint)end;
        }

        return UpdateEntry();
    }

    /// <summary>Sets the size: frees clusters past the new end, or zero-fills up to it.</summary>
    public StorageError SetLength(ulong length)
    {
        if (length > uint.MaxValue)
        {
            return StorageError.FileTooLarge;
        }

        if (length == Size)
        {
            return StorageError.Ok;
        }

        if (length > Size)
        {
            StorageError growError = Grow((uint)length, (uint)length);
            if (growError != StorageError.Ok)
            {
                return growError;
            }

            Size = (uint)length;
            return UpdateEntry();
        }

        StorageError error = MeasureChain();
        if (error != StorageError.Ok)
        {
            return error;
        }

        uint keep = ClustersFor((uint)length);
        if (keep >= _chainLength)
        {
            Size = (uint)length;
            return UpdateEntry();
        }

        // The rest of the chain was validated by MeasureChain, so freeing it cannot fail
        // half-way on a bad link; the entry shrinks first so it never points past its chain.
        if (keep == 0)
        {
            uint first = FirstCluster;
            FirstCluster = 0;
            Size = 0;
            ResetChainCache(0, 0);
            error = UpdateEntry();
            return error != StorageError.Ok ? error : _table.FreeChain(first);
        }

        error = SeekCluster(keep - 1, out uint last);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = _table.GetNext(last, out uint rest);
        if (error != StorageError.Ok)
        {
            return error;
        }

        Size = (uint)length;
        ResetChainCache(keep, last);
        error = UpdateEntry();
        if (error == StorageError.Ok)
        {
            error = _table.MarkEndOfChain(last);
        }

        return error != StorageError.Ok || rest == 0 ? error : _table.FreeChain(rest);
    }

    /// <summary>Writes size, first cluster and modification time to the directory entry.</summary>
    public StorageError UpdateEntry()
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = _volume.Directory.ReadEntry(Location, entry);
        if (error != StorageError.Ok)
        {
            return error;
        }

        FatShortEntry.SetFirstCluster(entry, FirstCluster);
        FatShortEntry.SetFileSize(entry, Size);
        Modified = _volume.Now;
        FatShortEntry.SetModified(entry, Modified);
        FatShortEntry.SetAttributes(entry, FatShortEntry.GetAttributes(entry) | FatAttributes.Archive);
        return _volume.Directory.WriteEntry(Location, entry);
    }

    // Makes the chain long enough for 'newSize' bytes and zero-fills from the current size
    // up to 'fillEnd' (the write offset), so a gap never exposes old disk contents.
    private StorageError Grow(uint newSize, uint fillEnd)
    {
        StorageError error = MeasureChain();
        if (error != StorageError.Ok)
        {
            return error;
        }

        uint needed = ClustersFor(newSize);
        if (needed > _chainLength)
        {
            error = _table.Allocate(needed - _chainLength, out uint first, out uint last);
            if (error != StorageError.Ok)
            {
                return error;
            }

            error = _chainLength == 0 ? StorageError.Ok : _table.WriteEntry(_lastCluster, first);
            if (error != StorageError.Ok)
            {
                _table.FreeChain(first);
                return error;
            }

            if (_chainLength == 0)
            {
                FirstCluster = first;
            }

            _chainLength = needed;
            _lastCluster = last;

            // The FAT reaches the disk before any entry points at the new clusters.
            error = _table.Flush();
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        while (fillEnd > Size)
        {
            uint chunk = Math.Min(fillEnd - Size, (uint)_volume.Zeros.Length);
            error = Transfer(Size, default, new ReadOnlySpan<byte>(_volume.Zeros).Slice(0, (int)chunk), true, out _);
            if (error != StorageError.Ok)
            {
                return error;
            }

            Size += chunk;
        }

        return StorageError.Ok;
    }

    // Moves bytes between the file at 'offset' and 'destination' (read) or 'source' (write).
    // Whole sectors go straight to or from the caller's buffer, merged across physically
    // consecutive clusters; partial sectors go through a scratch sector.
    private StorageError Transfer(
        ulong offset, Span<byte> destination, ReadOnlySpan<byte> source, bool write, out int transferred)
    {
        transferred = 0;
        int total = write ? source.Length : destination.Length;
        uint bytesPerSector = (uint)_boot.BytesPerSector;
        uint sectorsPerCluster = (uint)_boot.SectorsPerCluster;
        uint clusterIndex = (uint)(offset / _clusterSize);
        uint inCluster = (uint)(offset % _clusterSize);
        StorageError error = SeekCluster(clusterIndex, out uint cluster);
        if (error != StorageError.Ok)
        {
            return error;
        }

        while (transferred < total)
        {
            if (inCluster == _clusterSize)
            {
                error = AdvanceCluster(ref cluster, ref clusterIndex);
                if (error != StorageError.Ok)
                {
                    return error;
                }

                inCluster = 0;
            }

            uint sectorInCluster = inCluster / bytesPerSector;
            uint inSector = inCluster % bytesPerSector;
            ulong sector = _boot.GetClusterFirstSector(cluster) + sectorInCluster;
            int remaining = total - transferred;

            if (inSector == 0 && remaining >= bytesPerSector)
            {
                uint wanted = (uint)remaining / bytesPerSector;
                uint run = Math.Min(wanted, sectorsPerCluster - sectorInCluster);
                uint endInCluster = sectorInCluster + run;

                // Extend the run over following clusters while they are physically adjacent.
                while (run < wanted && endInCluster == sectorsPerCluster)
                {
                    error = NextCluster(cluster, clusterIndex, out uint next);
                    if (error != StorageError.Ok)
                    {
                        return error;
                    }

                    if (next != cluster + 1 || clusterIndex + 1 >= _table.ClusterCount)
                    {
                        break;
                    }

                    cluster = next;
                    clusterIndex++;
                    uint more = Math.Min(wanted - run, sectorsPerCluster);
                    run += more;
                    endInCluster = more;
                }

                int bytes = (int)(run * bytesPerSector);
                error = write
                    ? _disk.Write(sector, source.Slice(transferred, bytes))
                    : _disk.Read(sector, destination.Slice(transferred, bytes));
                if (error != StorageError.Ok)
                {
                    return error;
                }

                transferred += bytes;
                inCluster = endInCluster * bytesPerSector;
                continue;
            }

            byte[] scratch = _volume.DataSector;
            error = _disk.Read(sector, scratch);
            if (error != StorageError.Ok)
            {
                return error;
            }

            int chunk = (int)Math.Min((uint)remaining, bytesPerSector - inSector);
            if (write)
            {
                source.Slice(transferred, chunk).CopyTo(new Span<byte>(scratch, (int)inSector, chunk));
                error = _disk.Write(sector, scratch);
                if (error != StorageError.Ok)
                {
                    return error;
                }
            }
            else
            {
                new Span<byte>(scratch, (int)inSector, chunk).CopyTo(destination.Slice(transferred, chunk));
            }

            transferred += chunk;
            inCluster += (uint)chunk;
        }

        _cursorValid = true;
        _cursorIndex = clusterIndex;
        _cursorCluster = cluster;
        return StorageError.Ok;
    }

    // Finds the cluster at position 'index' of the chain, starting from the cached cursor
    // when it is not past it.
    private StorageError SeekCluster(uint index, out uint cluster)
    {
        cluster = 0;
        if (index >= _table.ClusterCount)
        {
            return StorageError.Corrupt;
        }

        uint position;
        if (index - _runIndex < _runLength)
        {
            cluster = _runCluster + (index - _runIndex);
            _cursorValid = true;
            _cursorIndex = index;
            _cursorCluster = cluster;
            return StorageError.Ok;
        }

        if (_cursorValid && _cursorIndex <= index)
        {
            position = _cursorIndex;
            cluster = _cursorCluster;
        }
        else
        {
            position = 0;
            cluster = FirstCluster;
            if (!_table.IsDataCluster(cluster))
            {
                return StorageError.Corrupt;
            }
        }

        while (position < index)
        {
            StorageError error = AdvanceCluster(ref cluster, ref position);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        _cursorValid = true;
        _cursorIndex = index;
        _cursorCluster = cluster;
        return StorageError.Ok;
    }

    private StorageError AdvanceCluster(ref uint cluster, ref uint index)
    {
        StorageError error = NextCluster(cluster, index, out uint next);
        if (error != StorageError.Ok)
        {
            return error;
        }

        // The chain ends before the data does, or is longer than the volume (a loop).
        if (next == 0 || index + 1 >= _table.ClusterCount)
        {
            return StorageError.Corrupt;
        }

        cluster = next;
        index++;
        return StorageError.Ok;
    }

    // The cluster after 'cluster' (at chain position 'index'), 0 at the end of the chain: from the
    // known run when it covers the next position, else from the FAT, growing the run (or starting
    // a new one) when the two are physically adjacent.
    private StorageError NextCluster(uint cluster, uint index, out uint next)
    {
        uint inRun = index - _runIndex; // wraps to a huge value before the run
        if (inRun < _runLength && inRun + 1 < _runLength && cluster == _runCluster + inRun)
        {
            next = cluster + 1;
            return StorageError.Ok;
        }

        StorageError error = _table.GetNext(cluster, out next);
        if (error == StorageError.Ok && next == cluster + 1)
        {
            if (inRun < _runLength && inRun + 1 == _runLength && cluster == _runCluster + inRun)
            {
                _runLength++;
            }
            else
            {
                _runIndex = index;
                _runCluster = cluster;
                _runLength = 2;
            }
        }

        return error;
    }

    private StorageError MeasureChain()
    {
        if (_chainKnown)
        {
            return StorageError.Ok;
        }

        StorageError error = _table.MeasureChain(FirstCluster, out uint length, out uint last, out uint firstRun);
        if (error == StorageError.Ok)
        {
            _chainKnown = true;
            _chainLength = length;
            _lastCluster = last;
            // The walk has just read these links: the chain's first run is known (reads inside it need no lookups).
            if (_runLength == 0 && firstRun >= 2)
            {
                _runIndex = 0;
                _runCluster = FirstCluster;
                _runLength = firstRun;
            }
        }

        return error;
    }

    private void ResetChainCache(uint length, uint last)
    {
        _cursorValid = false;
        _runLength = 0;
        _chainKnown = true;
        _chainLength = length;
        _lastCluster = last;
    }

    private static int ShiftOf(uint powerOfTwo)
    {
        int shift = 0;
        while ((1u << shift) < powerOfTwo)
        {
            shift++;
        }

        return shift;
    }

    private uint ClustersFor(uint size) => (uint)(((ulong)size + _clusterSize - 1) / _clusterSize);
}
