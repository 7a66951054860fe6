using System;
using System.Buffers.Binary;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>Span&lt;T&gt;, ReadOnlySpan&lt;T&gt;, MemoryExtensions and BinaryPrimitives.</summary>
internal static class SpanCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("span: slicing and indexing", Slicing),
        new ConformanceCase("span: CopyTo, TryCopyTo, overlapping copies", Copying),
        new ConformanceCase("span: Fill, Clear, Reverse, ToArray", FillAndClear),
        new ConformanceCase("span: SequenceEqual, StartsWith, EndsWith", Comparing),
        new ConformanceCase("span: IndexOf, LastIndexOf, IndexOfAny, Contains, Count", Searching),
        new ConformanceCase("span: AsSpan overloads and ranges", AsSpan),
        new ConformanceCase("span: stackalloc, foreach, Sort", StackAndSort),
        new ConformanceCase("span: char span helpers", CharSpans),
        new ConformanceCase("binary: big-endian reads of known bytes", BigEndianReads),
        new ConformanceCase("binary: little-endian reads of known bytes", LittleEndianReads),
        new ConformanceCase("binary: writes produce network byte order", Writes),
        new ConformanceCase("binary: round trips of extreme values", RoundTrips),
        new ConformanceCase("binary: Try forms and ReverseEndianness", TryForms),
        new ConformanceCase("span and binary: errors", Errors),
    };

    private static void Slicing(ConformanceCheck c)
    {
        int[] data = { 0, 1, 2, 3, 4, 5, 6, 7 };
        Span<int> span = data;
        Span<int> middle = span.Slice(2, 4);
        c.Equal(4, middle.Length, "Slice length");
        c.Equal(2, middle[0], "Slice start");
        middle[1] = 30;
        c.Equal(30, data[3], "writes reach the array");
        c.Equal(3, span.Slice(5).Length, "Slice(start) length");
        c.True(span.Slice(8).IsEmpty, "Slice at the end is empty");
        ReadOnlySpan<int> readOnly = data;
        c.Equal(7, readOnly[readOnly.Length - 1], "ReadOnlySpan indexer");
        c.True(Span<int>.Empty.IsEmpty, "Span.Empty");
        c.Equal(0, ReadOnlySpan<byte>.Empty.Length, "ReadOnlySpan.Empty");
        c.Equal(3, new Span<int>(data, 5, 3).Length, "Span(array, start, length)");
        c.Equal(0, new Span<int>(null).Length, "Span(null)");
    }

    private static void Copying(ConformanceCheck c)
    {
        byte[] source = { 1, 2, 3 };
        byte[] destination = new byte[5];
        source.AsSpan().CopyTo(destination.AsSpan(1));
        c.SequenceEqual(new byte[] { 0, 1, 2, 3, 0 }, destination, "CopyTo");
        c.False(destination.AsSpan().TryCopyTo(source), "TryCopyTo into a shorter span");
        c.SequenceEqual(new byte[] { 1, 2, 3 }, source, "failed TryCopyTo leaves the destination alone");
        c.True(source.AsSpan().TryCopyTo(destination), "TryCopyTo");
        int[] overlap = { 1, 2, 3, 4, 5 };
        overlap.AsSpan(0, 4).CopyTo(overlap.AsSpan(1));
        c.SequenceEqual(new[] { 1, 1, 2, 3, 4 }, overlap, "overlapping copy forward");
        overlap.AsSpan(1).CopyTo(overlap);
        c.SequenceEqual(new[] { 1, 2, 3, 4, 4 }, overlap, "overlapping copy backward");
        string[] names = { "a", "b" };
        string[] copy = new string[2];
        names.AsSpan().CopyTo(copy);
        c.SequenceEqual(names, copy, "reference elements");
    }

    private static void FillAndClear(ConformanceCheck c)
    {
        var data = new int[6];
        data.AsSpan(1, 3).Fill(7);
        c.SequenceEqual(new[] { 0, 7, 7, 7, 0, 0 }, data, "Fill");
        data.AsSpan(2, 1).Clear();
        c.SequenceEqual(new[] { 0, 7, 0, 7, 0, 0 }, data, "Clear");
        Span<int> span = new[] { 1, 2, 3, 4 };
        span.Reverse();
        c.SequenceEqual(new[] { 4, 3, 2, 1 }, span.ToArray(), "Reverse and ToArray");
        c.Equal(0, Span<int>.Empty.ToArray().Length, "ToArray of an empty span");
        string[] texts = { "x", "y" };
        texts.AsSpan().Clear();
        c.Equal(null, texts[0], "Clear of references");
    }

    private static void Comparing(ConformanceCheck c)
    {
        ReadOnlySpan<byte> packet = new byte[] { 0x45, 0x00, 0x00, 0x54 };
        c.True(packet.SequenceEqual(new byte[] { 0x45, 0x00, 0x00, 0x54 }), "SequenceEqual");
        c.False(packet.SequenceEqual(new byte[] { 0x45, 0x00, 0x00 }), "SequenceEqual different length");
        c.False(packet.SequenceEqual(new byte[] { 0x45, 0x00, 0x01, 0x54 }), "SequenceEqual different byte");
        c.True(ReadOnlySpan<int>.Empty.SequenceEqual(new int[0]), "empty spans are equal");
        c.True(packet.StartsWith(new byte[] { 0x45, 0x00 }), "StartsWith");
        c.True(packet.EndsWith(new byte[] { 0x54 }), "EndsWith");
        c.False(packet.StartsWith(new byte[] { 0x00 }), "StartsWith mismatch");
        c.True(packet.StartsWith(ReadOnlySpan<byte>.Empty), "StartsWith empty");
        ReadOnlySpan<string> words = new[] { "a", null, "c" };
        c.True(words.SequenceEqual(new[] { "a", null, "c" }), "SequenceEqual with nulls");
        Span<int> writable = new[] { 1, 2 };
        c.True(writable.SequenceEqual(new[] { 1, 2 }), "Span.SequenceEqual");
    }

    private static void Searching(ConformanceCheck c)
    {
        ReadOnlySpan<byte> data = new byte[] { 5, 0, 7, 0, 9 };
        c.Equal(1, data.IndexOf((byte)0), "IndexOf");
        c.Equal(3, data.LastIndexOf((byte)0), "LastIndexOf");
        c.Equal(-1, data.IndexOf((byte)4), "IndexOf absent");
        c.Equal(2, data.IndexOf(new byte[] { 7, 0 }), "IndexOf a sequence");
        c.Equal(0, data.IndexOf(ReadOnlySpan<byte>.Empty), "IndexOf empty sequence");
        c.Equal(2, data.IndexOfAny((byte)7, (byte)9), "IndexOfAny two values");
        c.Equal(2, data.IndexOfAny(new byte[] { 9, 7 }), "IndexOfAny span");
        c.True(data.Contains((byte)9), "Contains");
        c.False(data.Contains((byte)8), "Contains absent");
        c.Equal(2, data.Count((byte)0), "Count");
        ReadOnlySpan<char> text = "a=b=c";
        c.Equal(3, text.LastIndexOf('='), "LastIndexOf char");
        c.Equal(2, text.LastIndexOf("b=".AsSpan()), "LastIndexOf sequence");
    }

    private static void AsSpan(ConformanceCheck c)
    {
        int[] data = { 0, 1, 2, 3, 4 };
        c.Equal(3, data.AsSpan(2).Length, "AsSpan(start)");
        c.Equal(1, data.AsSpan(1, 2)[0], "AsSpan(start, length)");
        c.Equal(3, data.AsSpan(1..4).Length, "AsSpan(range)");
        c.Equal(4, data.AsSpan(^1)[0], "AsSpan(from-end index)");
        c.Equal("ell", new string("hello".AsSpan(1, 3)), "string AsSpan(start, length)");
        c.Equal("lo", new string("hello".AsSpan(3)), "string AsSpan(start)");
        string none = null;
        c.True(none.AsSpan().IsEmpty, "null string gives an empty span");
        int[] slice = data[1..3];
        c.SequenceEqual(new[] { 1, 2 }, slice, "array range copies");
        Span<int> span = data;
        c.SequenceEqual(new[] { 3, 4 }, span[3..].ToArray(), "span range");
    }

    private static void StackAndSort(ConformanceCheck c)
    {
        Span<int> buffer = stackalloc int[8];
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = (i * 5) % 8;
        int sum = 0;
        foreach (int value in buffer)
            sum += value;
        c.Equal(28, sum, "foreach over a stack span");
        buffer.Sort();
        c.SequenceEqual(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }, buffer.ToArray(), "Sort");
        buffer.Sort((a, b) => b - a);
        c.Equal(7, buffer[0], "Sort(Comparison)");
        foreach (ref int value in buffer)
            value *= 2;
        c.Equal(14, buffer[0], "foreach by reference");
    }

    private static void CharSpans(ConformanceCheck c)
    {
        ReadOnlySpan<char> text = "  Value  ";
        c.Equal("Value", text.Trim().ToString(), "Trim");
        c.Equal("Value  ", text.TrimStart().ToString(), "TrimStart");
        c.Equal("  Value", text.TrimEnd().ToString(), "TrimEnd");
        c.True(text.Trim().Equals("VALUE", StringComparison.OrdinalIgnoreCase), "Equals ignoring case");
        c.False(text.Trim().Equals("VALUE", StringComparison.Ordinal), "Equals ordinal");
        c.True(text.Trim().StartsWith("val", StringComparison.OrdinalIgnoreCase), "StartsWith ignoring case");
        c.Equal(2, text.IndexOf("Val", StringComparison.Ordinal), "IndexOf ordinal");
        c.True("   ".AsSpan().IsWhiteSpace(), "IsWhiteSpace");
        c.Equal("xx", "/xx/".AsSpan().Trim('/').ToString(), "Trim(char)");
        Span<char> upper = stackalloc char[5];
        c.Equal(5, "Value".AsSpan().ToUpperInvariant(upper), "ToUpperInvariant into a span");
        c.Equal("VALUE", upper.ToString(), "Span<char>.ToString");
        c.True("abc".AsSpan().CompareTo("abd", StringComparison.Ordinal) < 0, "CompareTo");
    }

    private static void BigEndianReads(ConformanceCheck c)
    {
        byte[] bytes = { 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0 };
        c.Equal((ushort)0x1234, BinaryPrimitives.ReadUInt16BigEndian(bytes), "UInt16");
        c.Equal((short)0x1234, BinaryPrimitives.ReadInt16BigEndian(bytes), "Int16");
        c.Equal(0x12345678u, BinaryPrimitives.ReadUInt32BigEndian(bytes), "UInt32");
        c.Equal(0x12345678, BinaryPrimitives.ReadInt32BigEndian(bytes), "Int32");
        c.Equal(0x123456789ABCDEF0UL, BinaryPrimitives.ReadUInt64BigEndian(bytes), "UInt64");
        c.Equal(0x123456789ABCDEF0L, BinaryPrimitives.ReadInt64BigEndian(bytes), "Int64");
        c.Equal(unchecked((int)0x9ABCDEF0), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)), "negative Int32 at an offset");
        c.Equal((short)-8464, BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(6)), "negative Int16");
        c.Equal(0x3456u, (uint)BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(1)), "unaligned UInt16");
    }

    private static void LittleEndianReads(ConformanceCheck c)
    {
        byte[] bytes = { 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0 };
        c.Equal((ushort)0x3412, BinaryPrimitives.ReadUInt16LittleEndian(bytes), "UInt16");
        c.Equal(0x78563412u, BinaryPrimitives.ReadUInt32LittleEndian(bytes), "UInt32");
        c.Equal(0xF0DEBC9A78563412UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes), "UInt64");
        c.Equal(unchecked((long)0xF0DEBC9A78563412UL), BinaryPrimitives.ReadInt64LittleEndian(bytes), "Int64");
        c.Equal(unchecked((int)0x9A785634), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(1)), "unaligned Int32");
        c.Equal((short)0x5634, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(1)), "unaligned Int16");
    }

    private static void Writes(ConformanceCheck c)
    {
        byte[] header = new byte[20];
        Span<byte> span = header;
        span[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(span.Slice(2), 84);
        BinaryPrimitives.WriteUInt16BigEndian(span.Slice(4), 0xBEEF);
        BinaryPrimitives.WriteUInt32BigEndian(span.Slice(12), 0xC0A80001);
        BinaryPrimitives.WriteInt32BigEndian(span.Slice(16), -2);
        c.SequenceEqual(new byte[] { 0x45, 0, 0x00, 0x54, 0xBE, 0xEF }, span.Slice(0, 6).ToArray(), "UInt16 fields");
        c.SequenceEqual(new byte[] { 0xC0, 0xA8, 0x00, 0x01 }, span.Slice(12, 4).ToArray(), "UInt32 address");
        c.SequenceEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFE }, span.Slice(16, 4).ToArray(), "negative Int32");
        byte[] little = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(little, 0x0102030405060708);
        c.SequenceEqual(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, little, "UInt64 little-endian");
        BinaryPrimitives.WriteInt16LittleEndian(little.AsSpan(3), -1);
        c.SequenceEqual(new byte[] { 8, 7, 6, 0xFF, 0xFF, 3, 2, 1 }, little, "Int16 little-endian at an offset");
        BinaryPrimitives.WriteInt64BigEndian(little, -2);
        c.SequenceEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }, little, "Int64 big-endian");
    }

    private static void RoundTrips(ConformanceCheck c)
    {
        Span<byte> buffer = stackalloc byte[8];
        long[] longs = { 0, 1, -1, long.MaxValue, long.MinValue, 0x0123456789ABCDEF };
        foreach (long value in longs)
        {
            BinaryPrimitives.WriteInt64BigEndian(buffer, value);
            c.Equal(value, BinaryPrimitives.ReadInt64BigEndian(buffer), "Int64 big-endian " + value.ToString());
            BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
            c.Equal(value, BinaryPrimitives.ReadInt64LittleEndian(buffer), "Int64 little-endian " + value.ToString());
        }
        uint[] uints = { 0, 1, uint.MaxValue, 0x80000000 };
        foreach (uint value in uints)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
            c.Equal(value, BinaryPrimitives.ReadUInt32BigEndian(buffer), "UInt32 big-endian " + value.ToString());
        }
        short[] shorts = { 0, short.MinValue, short.MaxValue, -2 };
        foreach (short value in shorts)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer, value);
            c.Equal(value, BinaryPrimitives.ReadInt16BigEndian(buffer), "Int16 big-endian " + value.ToString());
        }
        BinaryPrimitives.WriteUInt64BigEndian(buffer, ulong.MaxValue - 1);
        c.Equal(ulong.MaxValue - 1, BinaryPrimitives.ReadUInt64BigEndian(buffer), "UInt64 big-endian");
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, 0xABCD);
        c.Equal((ushort)0xABCD, BinaryPrimitives.ReadUInt16LittleEndian(buffer), "UInt16 little-endian");
    }

    private static void TryForms(ConformanceCheck c)
    {
        byte[] three = { 1, 2, 3 };
        c.False(BinaryPrimitives.TryReadInt32BigEndian(three, out int value), "TryRead from a short span");
        c.Equal(0, value, "TryRead failure gives 0");
        c.True(BinaryPrimitives.TryReadUInt16BigEndian(three, out ushort half) && half == 0x0102, "TryReadUInt16BigEndian");
        c.True(BinaryPrimitives.TryReadUInt16LittleEndian(three, out half) && half == 0x0201, "TryReadUInt16LittleEndian");
        c.False(BinaryPrimitives.TryWriteUInt32BigEndian(three, 5), "TryWrite into a short span");
        c.SequenceEqual(new byte[] { 1, 2, 3 }, three, "failed TryWrite changes nothing");
        c.True(BinaryPrimitives.TryWriteUInt16BigEndian(three, 0xAABB), "TryWriteUInt16BigEndian");
        c.SequenceEqual(new byte[] { 0xAA, 0xBB, 3 }, three, "TryWrite bytes");
        c.Equal(0x78563412u, BinaryPrimitives.ReverseEndianness(0x12345678u), "ReverseEndianness uint");
        c.Equal((ushort)0x3412, BinaryPrimitives.ReverseEndianness((ushort)0x1234), "ReverseEndianness ushort");
        c.Equal(0x0807060504030201UL, BinaryPrimitives.ReverseEndianness(0x0102030405060708UL), "ReverseEndianness ulong");
        c.Equal(-2, BinaryPrimitives.ReverseEndianness(BinaryPrimitives.ReverseEndianness(-2)), "ReverseEndianness twice");
    }

    private static void Errors(ConformanceCheck c)
    {
        c.Throws<ArgumentOutOfRangeException>(() => BinaryPrimitives.ReadInt32BigEndian(new byte[3]), "read from a short span");
        c.Throws<ArgumentOutOfRangeException>(() => BinaryPrimitives.WriteUInt64LittleEndian(new byte[7], 1), "write into a short span");
        c.Throws<ArgumentException>(() => new int[3].AsSpan().CopyTo(new int[2]), "CopyTo a shorter span");
        c.Throws<ArgumentOutOfRangeException>(() => new int[3].AsSpan().Slice(4), "Slice past the end");
        c.Throws<ArgumentOutOfRangeException>(() => new int[3].AsSpan(1, 3), "AsSpan too long");
        c.Throws<IndexOutOfRangeException>(() => new int[3].AsSpan()[3] = 1, "indexer past the end");
        c.Throws<ArrayTypeMismatchException>(() => new Span<object>(new string[1]), "Span over a covariant array");
    }
}
