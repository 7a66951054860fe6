using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// Little-endian reads for ELF structures. Callers check that the structure lies
/// inside the span first; these reads do not repeat the check.
/// </summary>
internal static class ElfBytes
{
    public static ushort ReadUInt16(ReadOnlySpan<byte> data, int offset) =>
        (ushort)(data[offset] | data[offset + 1] << 8);

    public static uint ReadUInt32(ReadOnlySpan<byte> data, int offset) =>
        (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);

    public static ulong ReadUInt64(ReadOnlySpan<byte> data, int offset) =>
        ReadUInt32(data, offset) | (ulong)ReadUInt32(data, offset + 4) << 32;

    /// <summary>True if [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="size"/>) fits in [0, <paramref name="limit"/>), without overflow.</summary>
    public static bool RangeFits(ulong offset, ulong size, ulong limit) => offset <= limit && size <= limit - offset;
}
