using System;
using System.Threading;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// A disk held in RAM: the physical memory of a GRUB boot module (the root
/// filesystem image), reached through the direct map. It is 512-byte sectors over
/// the module's bytes, read-write; writes last until power-off. This lets a USB stick
/// boot the whole system, root filesystem included, without a USB driver.
/// </summary>
/// <remarks>
/// The disk may be larger than the module (<see cref="RamDiskSize"/>: the build trims the image's empty
/// tail so GRUB reads less). Past the module, sectors read as zeros until written; a write there takes
/// a zeroed chunk of kernel pages, so the tail costs memory only where files are written.
/// </remarks>
internal sealed unsafe class RamDisk : IBlockDevice, IMemoryBlockRead
{
    public const int BytesPerSector = 512;

    private const ulong ChunkPages = 16;
    private const ulong ChunkBytes = ChunkPages * KernelPages.PageSize;

    private readonly byte* _data;
    private readonly ulong _moduleBytes;
    private readonly ulong _sectors;
    // The tail past the module, chunk by chunk: a direct-map address, or 0 while the chunk reads as zeros.
    private readonly nint[] _tail;

    /// <summary>
    /// Covers <paramref name="diskBytes"/> (whole sectors; at least the module's) over the module at
    /// [<paramref name="physicalStart"/>, +<paramref name="length"/>); a partial last module sector is left out.
    /// </summary>
    public RamDisk(ulong physicalStart, ulong length, ulong diskBytes)
    {
        _data = (byte*)AddressSpaceLayout.PhysicalToVirtual(physicalStart);
        _moduleBytes = length / BytesPerSector * BytesPerSector;
        _sectors = Math.Max(diskBytes / BytesPerSector, length / BytesPerSector);
        ulong tailBytes = _sectors * BytesPerSector - _moduleBytes;
        _tail = new nint[(tailBytes + ChunkBytes - 1) / ChunkBytes];
    }

    public int SectorSize => BytesPerSector;

    public ulong SectorCount => _sectors;

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, BytesPerSector, _sectors, out _);
        if (error != StorageError.Ok)
            return error;
        ulong offset = lba * BytesPerSector;
        while (buffer.Length > 0)
        {
            byte* bytes = BytesAt(offset, buffer.Length, out int count);
            if (bytes == null)
                buffer.Slice(0, count).Clear(); // a tail chunk never written
            else
                new ReadOnlySpan<byte>(bytes, count).CopyTo(buffer);
            buffer = buffer.Slice(count);
            offset += (ulong)count;
        }
        return StorageError.Ok;
    }

    /// <summary>Every sector is in memory (a tail chunk never written reads as zeros): false only for a bad request.</summary>
    public bool TryReadFromMemory(ulong lba, Span<byte> buffer) => Read(lba, buffer) == StorageError.Ok;

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, BytesPerSector, _sectors, out _);
        if (error != StorageError.Ok)
            return error;
        ulong offset = lba * BytesPerSector;
        while (buffer.Length > 0)
        {
            byte* bytes = BytesAt(offset, buffer.Length, out int count);
            if (bytes == null && (bytes = TakeTailChunk(offset)) == null)
                return StorageError.NoSpace;
            buffer.Slice(0, count).CopyTo(new Span<byte>(bytes, count));
            buffer = buffer.Slice(count);
            offset += (ulong)count;
        }
        return StorageError.Ok;
    }

    // Where the disk's bytes at offset live, and how many of the next `length` lie there in one piece (up to the
    // module's end or a tail chunk's); null for a tail chunk that has no pages yet (it reads as zeros).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private byte* BytesAt(ulong offset, int length, out int count)
    {
        if (offset < _moduleBytes)
        {
            count = (int)Math.Min((ulong)length, _moduleBytes - offset);
            return _data + offset;
        }
        ulong chunk = (offset - _moduleBytes) / ChunkBytes;
        ulong within = (offset - _moduleBytes) % ChunkBytes;
        count = (int)Math.Min((ulong)length, ChunkBytes - within);
        return _tail[chunk] == 0 ? null : (byte*)_tail[chunk] + within;
    }

    // Gives the tail chunk holding offset its zeroed pages; the address of offset in them, or null when memory is out.
    private byte* TakeTailChunk(ulong offset)
    {
        ulong chunk = (offset - _moduleBytes) / ChunkBytes;
        void* pages = KernelPages.Allocate(ChunkPages);
        if (pages == null)
            return null;
        // Two writers racing for one chunk: the first one's pages stay.
        if (Interlocked.CompareExchange(ref _tail[chunk], (nint)pages, 0) != 0)
            KernelPages.Free(pages, ChunkPages);
        return (byte*)_tail[chunk] + (offset - _moduleBytes) % ChunkBytes;
    }

    /// <summary>Nothing to drain: the data is already where it lives.</summary>
    public StorageError Flush() => StorageError.Ok;
}
