using System.Runtime.CompilerServices;

namespace System.Buffers.Binary;

/// <summary>
/// Reads and writes integers in big-endian (network) or little-endian byte order.
/// Reads and writes throw <see cref="ArgumentOutOfRangeException"/> when the span is
/// too short; the Try forms return false instead.
/// </summary>
public static class BinaryPrimitives
{
    public static sbyte ReverseEndianness(sbyte value) => value;

    public static byte ReverseEndianness(byte value) => value;

    public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);

    public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) | (value << 8));

    public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);

    public static uint ReverseEndianness(uint value) =>
        (value >> 24) | ((value >> 8) & 0x0000FF00) | ((value << 8) & 0x00FF0000) | (value << 24);

    public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);

    public static ulong ReverseEndianness(ulong value) =>
        ((ulong)ReverseEndianness((uint)value) << 32) | ReverseEndianness((uint)(value >> 32));

    // ---- big-endian reads ----

    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<short>(source));

    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<ushort>(source));

    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<int>(source));

    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<uint>(source));

    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<long>(source));

    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<ulong>(source));

    // ---- little-endian reads (x86 is little-endian) ----

    public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source) => Read<short>(source);

    public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) => Read<ushort>(source);

    public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) => Read<int>(source);

    public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) => Read<uint>(source);

    public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source) => Read<long>(source);

    public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) => Read<ulong>(source);

    // ---- big-endian writes ----

    public static void WriteInt16BigEndian(Span<byte> destination, short value) => Write(destination, ReverseEndianness(value));

    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) => Write(destination, ReverseEndianness(value));

    public static void WriteInt32BigEndian(Span<byte> destination, int value) => Write(destination, ReverseEndianness(value));

    public static void WriteUInt32BigEndian(Span<byte> destination, uint value) => Write(destination, ReverseEndianness(value));

    public static void WriteInt64BigEndian(Span<byte> destination, long value) => Write(destination, ReverseEndianness(value));

    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) => Write(destination, ReverseEndianness(value));

    // ---- little-endian writes ----

    public static void WriteInt16LittleEndian(Span<byte> destination, short value) => Write(destination, value);

    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value) => Write(destination, value);

    public static void WriteInt32LittleEndian(Span<byte> destination, int value) => Write(destination, value);

    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) => Write(destination, value);

    public static void WriteInt64LittleEndian(Span<byte> destination, long value) => Write(destination, value);

    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) => Write(destination, value);

    // ---- Try forms ----

    public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value) => TryRead(source, true, out value);

    public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value) => TryRead(source, true, out value);

    public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value) => TryRead(source, true, out value);

    public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value) => TryRead(source, true, out value);

    public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value) => TryRead(source, true, out value);

    public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value) => TryRead(source, true, out value);

    public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value) => TryRead(source, false, out value);

    public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value) => TryRead(source, false, out value);

    public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value) => TryRead(source, false, out value);

    public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value) => TryRead(source, false, out value);

    public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value) => TryRead(source, false, out value);

    public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value) => TryRead(source, false, out value);

    public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteInt16BigEndian(Span<byte> destination, short value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteInt32BigEndian(Span<byte> destination, int value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteInt64BigEndian(Span<byte> destination, long value) => TryWrite(destination, ReverseEndianness(value));

    public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value) => TryWrite(destination, value);

    public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value) => TryWrite(destination, value);

    public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value) => TryWrite(destination, value);

    public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value) => TryWrite(destination, value);

    public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value) => TryWrite(destination, value);

    public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value) => TryWrite(destination, value);

    private static T Read<T>(ReadOnlySpan<byte> source) where T : struct
    {
        if (source.Length < Unsafe.SizeOf<T>())
            throw new ArgumentOutOfRangeException("length");
        return Unsafe.ReadUnaligned<T>(ref Unsafe.AsRef(in source.GetPinnableReference()));
    }

    private static void Write<T>(Span<byte> destination, T value) where T : struct
    {
        if (!TryWrite(destination, value))
            throw new ArgumentOutOfRangeException("length");
    }

    private static bool TryWrite<T>(Span<byte> destination, T value) where T : struct
    {
        if (destination.Length < Unsafe.SizeOf<T>())
            return false;
        Unsafe.WriteUnaligned(ref destination.GetPinnableReference(), value);
        return true;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out ushort value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out short value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out uint value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out int value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out ulong value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out long value)
    {
        bool ok = TryRead(source, out value);
        if (ok && bigEndian)
            value = ReverseEndianness(value);
        return ok;
    }

    private static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : struct
    {
        if (source.Length < Unsafe.SizeOf<T>())
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(ref Unsafe.AsRef(in source.GetPinnableReference()));
        return true;
    }
}
