using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Layout of a 32-byte short (8.3) directory entry: the entry that carries a file's
/// attributes, first cluster, size and timestamps. Long-name slots precede it.
/// </summary>
internal static class FatShortEntry
{
    /// <summary>Bytes per directory slot.</summary>
    public const int Size = 32;

    /// <summary>First name byte of a slot that ends the directory (it and all after are free).</summary>
    public const byte EndMarker = 0x00;

    /// <summary>First name byte of a deleted (free) slot.</summary>
    public const byte DeletedMarker = 0xE5;

    /// <summary>First name byte standing for a real 0xE5 (which would read as deleted).</summary>
    public const byte EscapedE5 = 0x05;

    /// <summary>NT reserved-byte flag: show the 8-character base in lower case.</summary>
    public const byte LowerCaseBase = 0x08;

    /// <summary>NT reserved-byte flag: show the 3-character extension in lower case.</summary>
    public const byte LowerCaseExtension = 0x10;

    private const int AttributesOffset = 11;
    private const int CaseFlagsOffset = 12;
    private const int CreationTenthsOffset = 13;
    private const int CreationTimeOffset = 14;
    private const int CreationDateOffset = 16;
    private const int AccessDateOffset = 18;
    private const int ClusterHighOffset = 20;
    private const int WriteTimeOffset = 22;
    private const int WriteDateOffset = 24;
    private const int ClusterLowOffset = 26;
    private const int FileSizeOffset = 28;

    /// <summary>True for the slot that ends the directory.</summary>
    public static bool IsEnd(ReadOnlySpan<byte> entry) => entry[0] == EndMarker;

    /// <summary>True for a deleted slot.</summary>
    public static bool IsDeleted(ReadOnlySpan<byte> entry) => entry[0] == DeletedMarker;

    /// <summary>True for a long-name slot (attribute bits 0-3 all set).</summary>
    public static bool IsLongName(ReadOnlySpan<byte> entry) =>
        (entry[AttributesOffset] & 0x3F) == (byte)FatAttributes.LongName;

    /// <summary>True for the volume label entry (not a file).</summary>
    public static bool IsVolumeLabel(ReadOnlySpan<byte> entry) =>
        !IsLongName(entry) && (entry[AttributesOffset] & (byte)FatAttributes.VolumeLabel) != 0;

    /// <summary>True for the "." entry of a subdirectory.</summary>
    public static bool IsDot(ReadOnlySpan<byte> entry) => entry[0] == '.' && IsBlank(entry, 1);

    /// <summary>True for the ".." entry of a subdirectory.</summary>
    public static bool IsDotDot(ReadOnlySpan<byte> entry) => entry[0] == '.' && entry[1] == '.' && IsBlank(entry, 2);

    /// <summary>The 11-byte space-padded name field.</summary>
    public static ReadOnlySpan<byte> GetName(ReadOnlySpan<byte> entry) => entry.Slice(0, 11);

    /// <summary>Replaces the 11-byte name field.</summary>
    public static void SetName(Span<byte> entry, ReadOnlySpan<byte> name) => name.Slice(0, 11).CopyTo(entry);

    /// <summary>Attribute byte.</summary>
    public static FatAttributes GetAttributes(ReadOnlySpan<byte> entry) => (FatAttributes)entry[AttributesOffset];

    /// <summary>Sets the attribute byte.</summary>
    public static void SetAttributes(Span<byte> entry, FatAttributes attributes) =>
        entry[AttributesOffset] = (byte)attributes;

    /// <summary>Windows NT lower-case flags for the 8.3 name.</summary>
    public static byte GetCaseFlags(ReadOnlySpan<byte> entry) => entry[CaseFlagsOffset];

    /// <summary>Sets the NT case flags (<see cref="LowerCaseBase"/>, <see cref="LowerCaseExtension"/>).</summary>
    public static void SetCaseFlags(Span<byte> entry, byte flags) => entry[CaseFlagsOffset] = flags;

    /// <summary>
    /// First cluster of the file (0 for an empty file). The high word is only meaningful on
    /// FAT32; elsewhere it may hold unrelated data and is ignored.
    /// </summary>
    public static uint GetFirstCluster(ReadOnlySpan<byte> entry, bool fat32)
    {
        uint low = BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(ClusterLowOffset));
        uint high = fat32 ? BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(ClusterHighOffset)) : 0u;
        return (high << 16) | low;
    }

    /// <summary>Sets the first cluster (both words; the high word is 0 on FAT12/16 anyway).</summary>
    public static void SetFirstCluster(Span<byte> entry, uint cluster)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(ClusterLowOffset), (ushort)cluster);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(ClusterHighOffset), (ushort)(cluster >> 16));
    }

    /// <summary>File size in bytes (0 for directories).</summary>
    public static uint GetFileSize(ReadOnlySpan<byte> entry) =>
        BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(FileSizeOffset));

    /// <summary>Sets the file size.</summary>
    public static void SetFileSize(Span<byte> entry, uint size) =>
        BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(FileSizeOffset), size);

    /// <summary>Creation date and time.</summary>
    public static FatTimestamp GetCreated(ReadOnlySpan<byte> entry) => new FatTimestamp(
        BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(CreationDateOffset)),
        BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(CreationTimeOffset)));

    /// <summary>Last-write date and time.</summary>
    public static FatTimestamp GetModified(ReadOnlySpan<byte> entry) => new FatTimestamp(
        BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(WriteDateOffset)),
        BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(WriteTimeOffset)));

    /// <summary>Last-access date (no time is recorded).</summary>
    public static ushort GetAccessDate(ReadOnlySpan<byte> entry) =>
        BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(AccessDateOffset));

    /// <summary>Records a modification: last-write and last-access stamps.</summary>
    public static void SetModified(Span<byte> entry, FatTimestamp now)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(WriteTimeOffset), now.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(WriteDateOffset), now.Date);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(AccessDateOffset), now.Date);
    }

    /// <summary>
    /// Fills a fresh entry: name, attributes, every timestamp set to <paramref name="now"/>,
    /// no cluster, size 0.
    /// </summary>
    public static void Initialize(Span<byte> entry, ReadOnlySpan<byte> name, FatAttributes attributes, FatTimestamp now)
    {
        entry.Slice(0, Size).Clear();
        SetName(entry, name);
        SetAttributes(entry, attributes);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(CreationTimeOffset), now.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(CreationDateOffset), now.Date);
        SetModified(entry, now);
    }

    private static bool IsBlank(ReadOnlySpan<byte> entry, int from)
    {
        for (int i = from; i < 11; i++)
        {
            if (entry[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
