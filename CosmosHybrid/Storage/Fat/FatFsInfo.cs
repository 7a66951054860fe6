using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Layout of the FAT32 FSInfo sector, which caches the free-cluster count and a hint for
/// where to look for the next free cluster. Both are hints: they may be stale or unknown.
/// </summary>
internal static class FatFsInfo
{
    /// <summary>Value of either field meaning "not known".</summary>
    public const uint Unknown = 0xFFFFFFFF;

    private const uint LeadSignature = 0x41615252;
    private const uint StructSignature = 0x61417272;
    private const uint TrailSignature = 0xAA550000;
    private const int StructSignatureOffset = 484;
    private const int FreeCountOffset = 488;
    private const int NextFreeOffset = 492;
    private const int TrailSignatureOffset = 508;

    /// <summary>True when the sector carries all three FSInfo signatures.</summary>
    public static bool IsValid(ReadOnlySpan<byte> sector) =>
        sector.Length >= 512
        && BinaryPrimitives.ReadUInt32LittleEndian(sector) == LeadSignature
        && BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(StructSignatureOffset)) == StructSignature
        && BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(TrailSignatureOffset)) == TrailSignature;

    /// <summary>The recorded free-cluster count (may be stale or <see cref="Unknown"/>).</summary>
    public static uint GetFreeCount(ReadOnlySpan<byte> sector) =>
        BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(FreeCountOffset));

    /// <summary>The recorded next-free-cluster hint (may be <see cref="Unknown"/>).</summary>
    public static uint GetNextFree(ReadOnlySpan<byte> sector) =>
        BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(NextFreeOffset));

    /// <summary>Stores both fields in a sector that already carries the signatures.</summary>
    public static void Set(Span<byte> sector, uint freeCount, uint nextFree)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sector.Slice(FreeCountOffset), freeCount);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.Slice(NextFreeOffset), nextFree);
    }
}
