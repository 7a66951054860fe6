using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Layout of a long-file-name (VFAT) slot. A long name is stored as UTF-16 code units,
/// 13 per slot, in slots placed just before its short entry in reverse order: the slot
/// with the highest ordinal (flagged "last") comes first. Every slot carries the checksum
/// of the short name it belongs to, which detects slots orphaned by older software.
/// </summary>
internal static class FatLongNameEntry
{
    /// <summary>UTF-16 code units held by one slot.</summary>
    public const int CharsPerEntry = 13;

    /// <summary>Highest ordinal: 20 slots hold the longest (255-unit) name.</summary>
    public const int MaxEntries = 20;

    /// <summary>Ordinal flag marking the slot that holds the end of the name.</summary>
    public const byte LastEntryFlag = 0x40;

    private const int ChecksumOffset = 13;
    private const int TypeOffset = 12;
    private const int ClusterOffset = 26;

    /// <summary>Number of slots needed for a name of <paramref name="length"/> code units.</summary>
    public static int EntriesNeeded(int length) => (length + CharsPerEntry - 1) / CharsPerEntry;

    /// <summary>Ordinal of the slot, 1-based, without the last-entry flag.</summary>
    public static int GetOrdinal(ReadOnlySpan<byte> entry) => entry[0] & 0x1F;

    /// <summary>True for the slot holding the end of the name (physically the first).</summary>
    public static bool IsLast(ReadOnlySpan<byte> entry) => (entry[0] & LastEntryFlag) != 0;

    /// <summary>Checksum of the short name this slot belongs to.</summary>
    public static byte GetChecksum(ReadOnlySpan<byte> entry) => entry[ChecksumOffset];

    /// <summary>
    /// The VFAT checksum of an 11-byte short name: a rotate-right-and-add over its bytes.
    /// </summary>
    public static byte ComputeChecksum(ReadOnlySpan<byte> shortName)
    {
        int sum = 0;
        for (int i = 0; i < 11; i++)
        {
            sum = (((sum & 1) << 7) | ((sum & 0xFF) >> 1)) + shortName[i];
            sum &= 0xFF;
        }

        return (byte)sum;
    }

    /// <summary>Copies the slot's 13 code units to <paramref name="destination"/>.</summary>
    public static void ReadChars(ReadOnlySpan<byte> entry, Span<char> destination)
    {
        for (int i = 0; i < CharsPerEntry; i++)
        {
            int offset = CharOffset(i);
            destination[i] = (char)(entry[offset] | (entry[offset + 1] << 8));
        }
    }

    /// <summary>
    /// Fills a slot with part <paramref name="ordinal"/> (1-based) of <paramref name="name"/>.
    /// After the last code unit comes one 0x0000 terminator (unless the slot is exactly
    /// full), then 0xFFFF padding.
    /// </summary>
    public static void Write(Span<byte> entry, string name, int ordinal, bool last, byte checksum)
    {
        entry.Slice(0, FatShortEntry.Size).Clear();
        entry[0] = (byte)(ordinal | (last ? LastEntryFlag : 0));
        entry[11] = (byte)FatAttributes.LongName;
        entry[TypeOffset] = 0;
        entry[ChecksumOffset] = checksum;
        entry[ClusterOffset] = 0;
        entry[ClusterOffset + 1] = 0;

        int start = (ordinal - 1) * CharsPerEntry;
        for (int i = 0; i < CharsPerEntry; i++)
        {
            int position = start + i;
            int unit;
            if (position < name.Length)
            {
                unit = name[position];
            }
            else if (position == name.Length)
            {
                unit = 0x0000;
            }
            else
            {
                unit = 0xFFFF;
            }

            int offset = CharOffset(i);
            entry[offset] = (byte)unit;
            entry[offset + 1] = (byte)(unit >> 8);
        }
    }

    // The 13 code units sit in three runs: bytes 1-10, 14-25 and 28-31.
    private static int CharOffset(int index) =>
        index < 5 ? 1 + index * 2 : index < 11 ? 14 + (index - 5) * 2 : 28 + (index - 11) * 2;
}
