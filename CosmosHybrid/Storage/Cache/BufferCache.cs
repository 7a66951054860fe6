using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Cache;

/// <summary>
/// A write-back block cache in front of a block device, itself a block device: file
/// systems mount on it unchanged. The device is divided into blocks of
/// <see cref="BlockSize"/> bytes (whole sectors); at most <see cref="Capacity"/> of them are
/// held in memory, and the least recently used one makes room for a new one.
/// </summary>
/// <remarks>
/// <para>Writes only change cached blocks (marking them dirty); dirty blocks reach the device
/// all together, on <see cref="Sync"/> or <see cref="WriteBack"/>, or when a dirty block is
/// evicted: ordered by the rank <see cref="WriteOrder"/> gives them (a file system's safe
/// order), then by block number, runs of consecutive dirty blocks of a rank in one request.
/// A block is never written on its own ahead of the others, so a power cut in the middle of
/// a write-back finds the lower ranks written and the higher ones not yet. A block that could
/// not be written back stays cached and dirty: dirty data is never dropped. Its error is returned by the next <see cref="Sync"/>, and meanwhile the
/// operation that needed room falls back to an uncached transfer.</para>
/// <para>Reads of whole blocks missing from the cache go to the device in one request straight
/// into the caller's buffer, and are then copied into the cache. A read that misses the block
/// right after the previous miss (a sequential reader: a file read in small or unaligned
/// pieces) reads ahead instead: up to <see cref="ReadAheadBytes"/> of uncached blocks in one
/// request, into the cache, so the next pieces are hits. A read-ahead that fails is dropped;
/// the wanted blocks are then read on their own, so only their own errors are reported.</para>
/// <para>Not thread-safe: the file system layer above serialises calls.</para>
/// </remarks>
public sealed class BufferCache : IBlockDevice, IMemoryBlockRead
{
    /// <summary>Block size used unless the device's sectors are larger: a page.</summary>
    public const int DefaultBlockSize = 4096;

    /// <summary>The longest run of dirty blocks written back in one device request.</summary>
    public const int MaxWriteBackBlocks = 16;

    /// <summary>How far a sequential reader is read ahead, in one device request.</summary>
    public const int ReadAheadBytes = 128 * 1024;

    private readonly IBlockDevice _device;
    private readonly int _sectorSize;
    private readonly int _sectorsPerBlock;
    private readonly BlockTable _blocks;
    private readonly CacheBlock[] _allocatedBlocks;
    private readonly RecencyList _recency = new RecencyList();
    private readonly Stack<CacheBlock> _spare = new Stack<CacheBlock>();
    private readonly CacheBlock[] _run;
    private readonly ulong[] _writeBackOrder;
    private readonly byte[] _staging;
    private readonly int _readAheadBlocks;
    private byte[] _readAhead;
    private ulong _nextSequentialBlock = ulong.MaxValue;
    private int _allocated;
    private int _dirty;
    private StorageError _pendingError;
    private CacheStatistics _statistics;

    /// <summary>
    /// Caches <paramref name="device"/> in blocks of <paramref name="blockSize"/> bytes (rounded
    /// down to whole sectors, at least one), holding at most <paramref name="capacity"/> blocks
    /// (at least one). Block memory is allocated as it is first needed.
    /// </summary>
    public BufferCache(IBlockDevice device, int blockSize = DefaultBlockSize, int capacity = 256)
    {
        _device = device;
        _sectorSize = device.SectorSize;
        _sectorsPerBlock = Math.Max(1, blockSize / _sectorSize);
        BlockSize = _sectorsPerBlock * _sectorSize;
        Capacity = Math.Max(1, capacity);
        _blocks = new BlockTable(Capacity);
        _allocatedBlocks = new CacheBlock[Capacity];
        int runBlocks = Math.Min(MaxWriteBackBlocks, Capacity);
        _run = new CacheBlock[runBlocks];
        _staging = new byte[runBlocks * BlockSize];
        _writeBackOrder = new ulong[Capacity];
        // At most half the cache, so read-ahead never pushes out everything a reader had.
        _readAheadBlocks = Math.Min(Math.Max(1, ReadAheadBytes / BlockSize), Capacity / 2);
    }

    /// <summary>Ranks dirty blocks for write-back (lower ranks first); null: block order only.</summary>
    public IWriteOrder WriteOrder { get; set; }

    /// <summary>Bytes per cached block.</summary>
    public int BlockSize { get; }

    /// <summary>The most blocks held at once.</summary>
    public int Capacity { get; }

    /// <summary>Blocks held now.</summary>
    public int CachedBlocks => _blocks.Count;

    /// <summary>Blocks holding writes the device has not seen.</summary>
    public int DirtyBlocks => _dirty;

    /// <summary>Hit, miss, eviction and device request counters.</summary>
    public CacheStatistics Statistics => _statistics;

    /// <inheritdoc/>
    public int SectorSize => _sectorSize;

    /// <inheritdoc/>
    public ulong SectorCount => _device.SectorCount;

    /// <inheritdoc/>
    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (TryReadWithinCachedBlock(lba, buffer))
        {
            return StorageError.Ok;
        }

        StorageError error = Check(lba, buffer.Length, out ulong end);
        ulong position = lba;
        int offset = 0;
        while (error == StorageError.Ok && position < end)
        {
            ulong number = Locate(position, end, out int inBlock, out int blockSectors, out int count);
            int bytes = count * _sectorSize;

            CacheBlock block = _blocks.Find(number);
            if (block == null && number == _nextSequentialBlock && (end - position) / (uint)_sectorsPerBlock < (uint)_readAheadBlocks)
            {
                ReadAhead(number);
                block = _blocks.Find(number);
            }

            if (block != null)
            {
                _statistics.Hits++;
                _recency.Touch(block);
                new ReadOnlySpan<byte>(block.Data, inBlock * _sectorSize, bytes).CopyTo(buffer.Slice(offset, bytes));
            }
            else if (inBlock == 0 && count == blockSectors)
            {
                error = ReadMissingRun(number, end, buffer.Slice(offset), out count);
                bytes = count * _sectorSize;
            }
            else
            {
                error = ReadPartialMiss(number, buffer.Slice(offset, bytes), inBlock);
            }

            position += (uint)count;
            offset += bytes;
        }

        return error;
    }

    /// <inheritdoc/>
    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = Check(lba, buffer.Length, out ulong end);
        ulong position = lba;
        int offset = 0;
        while (error == StorageError.Ok && position < end)
        {
            ulong number = Locate(position, end, out int inBlock, out int blockSectors, out int count);
            int bytes = count * _sectorSize;
            ReadOnlySpan<byte> part = buffer.Slice(offset, bytes);

            CacheBlock block = _blocks.Find(number);
            if (block != null)
            {
                _statistics.Hits++;
                _recency.Touch(block);
            }
            else
            {
                block = Acquire(number);
                if (block != null && count != blockSectors)
                {
                    // Part of a block: the rest must come from the device first.
                    error = ReadDevice(number * (uint)_sectorsPerBlock, new Span<byte>(block.Data, 0, blockSectors * _sectorSize));
                    _statistics.Misses++;
                    if (error != StorageError.Ok)
                    {
                        Discard(block);
                        break;
                    }
                }
            }

            if (block != null)
            {
                part.CopyTo(new Span<byte>(block.Data, inBlock * _sectorSize, bytes));
                MarkDirty(block);
            }
            else
            {
                error = WriteThrough(number, inBlock, part);
            }

            position += (uint)count;
            offset += bytes;
        }

        return error;
    }

    /// <summary>Writes every dirty block back (then flushes the device); same as <see cref="Sync"/>.</summary>
    public StorageError Flush() => Sync();

    /// <summary>
    /// Writes every dirty block to the device in write-back order (<see cref="WriteOrder"/>'s
    /// ranks, then block order), then flushes the device's own cache. Stops at the first device
    /// error and returns it (also an earlier write-back error not yet reported); the blocks not
    /// written stay dirty for a later attempt.
    /// </summary>
    public StorageError Sync()
    {
        StorageError error = _pendingError;
        _pendingError = StorageError.Ok;
        StorageError writeError = WriteBack();
        if (writeError != StorageError.Ok)
        {
            return writeError;
        }

        StorageError flushError = _device.Flush();
        return error != StorageError.Ok ? error : flushError;
    }

    /// <summary>
    /// Writes every dirty block to the device in write-back order, without flushing the
    /// device: a barrier between what was written before and what is written after it.
    /// </summary>
    public StorageError WriteBack()
    {
        // Sort keys: rank in the top byte, block number below (block numbers stay far under 2^56).
        int count = 0;
        for (int i = 0; i < _allocated && count < _writeBackOrder.Length; i++)
        {
            CacheBlock candidate = _allocatedBlocks[i];
            if (candidate.InUse && candidate.Dirty)
            {
                _writeBackOrder[count++] = ((ulong)(uint)RankOf(candidate) << 56) | candidate.Number;
            }
        }

        Array.Sort(_writeBackOrder, 0, count);
        for (int i = 0; i < count; i++)
        {
            CacheBlock block = _blocks.Find(_writeBackOrder[i] & 0x00FF_FFFF_FFFF_FFFFUL);
            if (block != null && block.Dirty)
            {
                StorageError runError = WriteBackRun(block);
                if (runError != StorageError.Ok)
                {
                    return runError;
                }
            }
        }

        return StorageError.Ok;
    }

    /// <summary>A hit inside one cached block (counted as a hit, the block made the most recent); false on anything else.</summary>
    public bool TryReadFromMemory(ulong lba, Span<byte> buffer) => TryReadWithinCachedBlock(lba, buffer);

    // The common small read: whole sectors inside one cached block. A cached block lies on the
    // device, so the request needs no range check beyond the block's own sectors.
    private bool TryReadWithinCachedBlock(ulong lba, Span<byte> buffer)
    {
        ulong number = lba / (uint)_sectorsPerBlock;
        CacheBlock block = _blocks.Find(number);
        if (block == null)
        {
            return false;
        }

        int start = (int)(lba - number * (uint)_sectorsPerBlock) * _sectorSize;
        int length = buffer.Length;
        if (length <= 0 || length % _sectorSize != 0 || length > block.Sectors * _sectorSize - start)
        {
            return false;
        }

        _statistics.Hits++;
        _recency.Touch(block);
        new ReadOnlySpan<byte>(block.Data, start, length).CopyTo(buffer);
        return true;
    }

    private StorageError Check(ulong lba, int length, out ulong end)
    {
        end = lba;
        if (length <= 0 || length % _sectorSize != 0)
        {
            return StorageError.InvalidArgument;
        }

        ulong sectors = (ulong)(length / _sectorSize);
        ulong total = _device.SectorCount;
        if (lba >= total || sectors > total - lba)
        {
            return StorageError.InvalidArgument;
        }

        end = lba + sectors;
        return StorageError.Ok;
    }

    // Sectors in block 'number': a full block except perhaps the device's last one.
    // The block holding sector 'position', where in it that sector is, the block's size, and how
    // many sectors of [position, end) it holds.
    private ulong Locate(ulong position, ulong end, out int inBlock, out int blockSectors, out int count)
    {
        ulong number = position / (uint)_sectorsPerBlock;
        inBlock = (int)(position - number * (uint)_sectorsPerBlock);
        blockSectors = SectorsIn(number);
        count = (int)Math.Min((ulong)(blockSectors - inBlock), end - position);
        return number;
    }

    private int SectorsIn(ulong number)
    {
        ulong first = number * (uint)_sectorsPerBlock;
        return (int)Math.Min((ulong)_sectorsPerBlock, _device.SectorCount - first);
    }

    // Reads the whole, uncached blocks from 'number' on (as many as the request covers
    // entirely) in one device request into 'destination', then caches copies of them.
    private StorageError ReadMissingRun(ulong number, ulong end, Span<byte> destination, out int sectors)
    {
        ulong first = number * (uint)_sectorsPerBlock;
        ulong last = number;
        sectors = SectorsIn(number);
        while (true)
        {
            ulong next = last + 1;
            ulong nextFirst = next * (uint)_sectorsPerBlock;
            if (nextFirst >= end || _blocks.Find(next) != null)
            {
                break;
            }

            int nextSectors = SectorsIn(next);
            if (nextFirst + (uint)nextSectors > end)
            {
                break;
            }

            last = next;
            sectors += nextSectors;
        }

        Span<byte> run = destination.Slice(0, sectors * _sectorSize);
        StorageError error = ReadDevice(first, run);
        if (error != StorageError.Ok)
        {
            return error;
        }

        _nextSequentialBlock = last + 1;

        int offset = 0;
        for (ulong block = number; block <= last; block++)
        {
            _statistics.Misses++;
            int bytes = SectorsIn(block) * _sectorSize;
            CacheBlock slot = Acquire(block);
            if (slot != null)
            {
                run.Slice(offset, bytes).CopyTo(slot.Data);
            }

            offset += bytes;
        }

        return StorageError.Ok;
    }

    // Part of an uncached block: the whole block is read (into the cache, or into the
    // staging buffer when no room can be made) and the wanted sectors copied out.
    private StorageError ReadPartialMiss(ulong number, Span<byte> destination, int inBlock)
    {
        _statistics.Misses++;
        int blockBytes = SectorsIn(number) * _sectorSize;
        CacheBlock slot = Acquire(number);
        byte[] target = slot != null ? slot.Data : _staging;
        StorageError error = ReadDevice(number * (uint)_sectorsPerBlock, new Span<byte>(target, 0, blockBytes));
        if (error != StorageError.Ok)
        {
            if (slot != null)
            {
                Discard(slot);
            }

            return error;
        }

        _nextSequentialBlock = number + 1;
        new ReadOnlySpan<byte>(target, inBlock * _sectorSize, destination.Length).CopyTo(destination);
        return StorageError.Ok;
    }

    // Reads the uncached blocks from 'number' on (up to the read-ahead size, the next cached
    // block or the device's end) in one request, into the cache. It has its own buffer: making
    // room may write dirty blocks back through the staging buffer. A failure caches nothing.
    private void ReadAhead(ulong number)
    {
        ulong deviceBlocks = (_device.SectorCount + (uint)_sectorsPerBlock - 1) / (uint)_sectorsPerBlock;
        int blocks = 0;
        int sectors = 0;
        while (blocks < _readAheadBlocks && number + (uint)blocks < deviceBlocks && _blocks.Find(number + (uint)blocks) == null)
        {
            sectors += SectorsIn(number + (uint)blocks);
            blocks++;
        }

        _readAhead ??= new byte[_readAheadBlocks * BlockSize];
        if (ReadDevice(number * (uint)_sectorsPerBlock, new Span<byte>(_readAhead, 0, sectors * _sectorSize)) != StorageError.Ok)
        {
            return;
        }

        _nextSequentialBlock = number + (uint)blocks;
        for (int i = 0; i < blocks; i++)
        {
            _statistics.Misses++;
            CacheBlock slot = Acquire(number + (uint)i);
            if (slot == null)
            {
                return;
            }

            new ReadOnlySpan<byte>(_readAhead, i * BlockSize, slot.Sectors * _sectorSize).CopyTo(slot.Data);
        }
    }

    // No room in the cache (write-back failing): the sectors go to the device at once,
    // a partial block by read-modify-write through the staging buffer.
    private StorageError WriteThrough(ulong number, int inBlock, ReadOnlySpan<byte> part)
    {
        ulong first = number * (uint)_sectorsPerBlock;
        int blockSectors = SectorsIn(number);
        if (inBlock == 0 && part.Length == blockSectors * _sectorSize)
        {
            return WriteDevice(first, part);
        }

        Span<byte> block = new Span<byte>(_staging, 0, blockSectors * _sectorSize);
        StorageError error = ReadDevice(first, block);
        if (error != StorageError.Ok)
        {
            return error;
        }

        part.CopyTo(block.Slice(inBlock * _sectorSize));
        return WriteDevice(first, block);
    }

    // A block for 'number' (not cached yet), registered as most recently used and clean,
    // with undefined contents; null when the cache is full of blocks that cannot be written back.
    private CacheBlock Acquire(ulong number)
    {
        CacheBlock block;
        if (_spare.Count > 0)
        {
            block = _spare.Pop();
        }
        else if (_allocated < Capacity)
        {
            block = new CacheBlock(BlockSize);
            _allocatedBlocks[_allocated++] = block;
        }
        else
        {
            block = Evict();
            if (block == null)
            {
                return null;
            }
        }

        block.Number = number;
        block.Sectors = SectorsIn(number);
        block.Dirty = false;
        block.InUse = true;
        _blocks.Add(block);
        _recency.AddNewest(block);
        return block;
    }

    // Frees the least recently used block, writing it back first if it is dirty. When that
    // write fails the block stays (dirty) and the least recently used clean block goes
    // instead; null when there is none.
    private CacheBlock Evict()
    {
        CacheBlock victim = _recency.Oldest;
        if (victim == null)
        {
            return null;
        }

        if (victim.Dirty)
        {
            // Never this block alone: everything dirty goes, in write-back order.
            StorageError error = WriteBack();
            if (error != StorageError.Ok || victim.Dirty)
            {
                if (error != StorageError.Ok)
                {
                    _pendingError = error;
                }

                victim = victim.Newer;
                while (victim != null && victim.Dirty)
                {
                    victim = victim.Newer;
                }

                if (victim == null)
                {
                    return null;
                }
            }
        }

        Forget(victim);
        _statistics.Evictions++;
        return victim;
    }

    // Writes 'first' and the cached dirty blocks of its rank right after it on the device (up
    // to MaxWriteBackBlocks) in one request; marks them clean only if the write succeeded.
    private StorageError WriteBackRun(CacheBlock first)
    {
        int count = 0;
        int sectors = 0;
        int rank = RankOf(first);
        CacheBlock block = first;
        while (block != null && block.Dirty && count < _run.Length && (count == 0 || RankOf(block) == rank))
        {
            _run[count++] = block;
            sectors += block.Sectors;
            if (block.Sectors < _sectorsPerBlock)
            {
                break;
            }

            block = _blocks.Find(block.Number + 1);
        }

        ulong lba = first.Number * (uint)_sectorsPerBlock;
        StorageError error;
        if (count == 1)
        {
            error = WriteDevice(lba, new ReadOnlySpan<byte>(first.Data, 0, sectors * _sectorSize));
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                new ReadOnlySpan<byte>(_run[i].Data, 0, _run[i].Sectors * _sectorSize).CopyTo(new Span<byte>(_staging, i * BlockSize, _run[i].Sectors * _sectorSize));
            }

            error = WriteDevice(lba, new ReadOnlySpan<byte>(_staging, 0, sectors * _sectorSize));
        }

        for (int i = 0; i < count; i++)
        {
            if (error == StorageError.Ok)
            {
                _run[i].Dirty = false;
                _dirty--;
                _statistics.BlocksWrittenBack++;
            }

            _run[i] = null;
        }

        return error;
    }

    private int RankOf(CacheBlock block)
    {
        IWriteOrder order = WriteOrder;
        return order == null ? 0 : Math.Clamp(order.RankOf(block.Number * (uint)_sectorsPerBlock, block.Sectors), 0, 255);
    }

    private void MarkDirty(CacheBlock block)
    {
        if (!block.Dirty)
        {
            block.Dirty = true;
            _dirty++;
        }
    }

    // Takes a block out of the lookup table and the recency list (its contents are dropped).
    private void Forget(CacheBlock block)
    {
        _blocks.Remove(block);
        _recency.Remove(block);
        block.InUse = false;
    }

    // Undoes Acquire for a block whose contents could not be read.
    private void Discard(CacheBlock block)
    {
        Forget(block);
        _spare.Push(block);
    }

    private StorageError ReadDevice(ulong lba, Span<byte> buffer)
    {
        _statistics.DeviceReads++;
        return _device.Read(lba, buffer);
    }

    private StorageError WriteDevice(ulong lba, ReadOnlySpan<byte> buffer)
    {
        _statistics.DeviceWrites++;
        return _device.Write(lba, buffer);
    }
}
