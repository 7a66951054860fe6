using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Partitions;

/// <summary>
/// Reads the four primary entries of a master boot record. Extended partitions and GPT
/// are not followed (a GPT disk shows one protective entry of type 0xEE).
/// </summary>
public static class MbrPartitionTable
{
    private const int TableOffset = 446;
    private const int EntrySize = 16;
    private const int EntryCount = 4;

    /// <summary>
    /// Appends the used, well-formed entries of the MBR in <paramref name="sector"/> (the
    /// disk's first 512 bytes) to <paramref name="partitions"/>: each must have a non-zero
    /// type and length, and lie within <paramref name="diskSectors"/> after the MBR itself.
    /// </summary>
    /// <returns>False when the sector carries no boot signature (0x55 0xAA) or an entry is malformed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> sector, ulong diskSectors, List<MbrPartition> partitions)
    {
        if (sector.Length < 512 || sector[510] != 0x55 || sector[511] != 0xAA)
        {
            return false;
        }

        int first = partitions.Count;
        for (int i = 0; i < EntryCount; i++)
        {
            ReadOnlySpan<byte> entry = sector.Slice(TableOffset + i * EntrySize, EntrySize);
            byte status = entry[0];
            byte type = entry[4];
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(8));
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(12));
            if (type == 0 && start == 0 && count == 0)
            {
                continue;
            }

            // A FAT boot sector read as an MBR has boot code here: reject anything that is not a plausible table.
            if ((status != 0x00 && status != 0x80) || type == 0 || count == 0 || start == 0 || (ulong)start + count > diskSectors)
            {
                partitions.RemoveRange(first, partitions.Count - first);
                return false;
            }

            partitions.Add(new MbrPartition(i, type, start, count));
        }

        return true;
    }
}
