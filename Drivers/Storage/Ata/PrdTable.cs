using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// The physical region descriptor table an IDE bus master walks (PCI IDE Bus Master,
/// rev. 1.0, §1.2): 8-byte entries of a 32-bit physical address and a 16-bit byte count
/// (0 meaning 64 KiB), the last entry flagged end-of-table. No region may cross a 64 KiB
/// boundary, so a buffer is cut at every one. Pure byte layout, tested on the host.
/// </summary>
public static class PrdTable
{
    public const int EntrySize = 8;

    /// <summary>A region lies within one 64 KiB-aligned window.</summary>
    public const ulong RegionWindow = 0x1_0000;

    /// <summary>The bus master only has 32-bit addresses.</summary>
    public const ulong AddressLimit = 1UL << 32;

    private const uint EndOfTable = 1u << 31;

    /// <summary>
    /// Describes <paramref name="byteCount"/> bytes of physically contiguous memory at
    /// <paramref name="physical"/> in <paramref name="table"/>. Returns the number of entries,
    /// or -1 when the buffer is not word aligned, the count is odd or zero, the memory reaches
    /// above 4 GiB, or the table has too few entries.
    /// </summary>
    public static int Write(Span<byte> table, ulong physical, ulong byteCount)
    {
        if (byteCount == 0 || ((physical | byteCount) & 1) != 0 || physical >= AddressLimit || byteCount > AddressLimit - physical)
            return -1;
        int capacity = table.Length / EntrySize;
        int entries = 0;
        while (byteCount > 0)
        {
            if (entries == capacity)
                return -1;
            ulong room = RegionWindow - (physical & (RegionWindow - 1));
            ulong length = byteCount < room ? byteCount : room;
            byteCount -= length;
            Span<byte> entry = table.Slice(entries * EntrySize, EntrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)physical);
            // A full 64 KiB region is written as 0.
            BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(4), (uint)(length & 0xFFFF) | (byteCount == 0 ? EndOfTable : 0));
            physical += length;
            entries++;
        }
        return entries;
    }
}
