using System;
using System.Collections.Generic;
using System.Buffers.Binary;

namespace CosmosHybrid.UnitTests.Loader.Elf;

/// <summary>One program header as the test writer emits it.</summary>
internal sealed class TestProgramHeader
{
    public uint Type;
    public uint Flags;
    public ulong Offset;
    public ulong VirtualAddress;
    public ulong FileSize;
    public ulong MemorySize;
    public ulong Alignment;

    public TestProgramHeader Clone() => (TestProgramHeader)MemberwiseClone();
}

/// <summary>
/// Writes ELF64 images field by field, so a test can build a valid executable and
/// then change exactly one field. Every field is public and written verbatim.
/// </summary>
internal sealed class ElfWriter
{
    public const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3, PtNote = 4, PtPhdr = 6, PtTls = 7;
    public const uint PtGnuStack = 0x6474E551, PtGnuRelro = 0x6474E552, PtGnuProperty = 0x6474E553;
    public const uint R = 4, W = 2, X = 1;

    public byte[] Magic = { 0x7F, (byte)'E', (byte)'L', (byte)'F' };
    public byte Class = 2;
    public byte Data = 1;
    public byte IdentVersion = 1;
    public byte OsAbi = 0;
    public ushort Type = 2;
    public ushort Machine = 62;
    public uint Version = 1;
    public ulong Entry;
    public ulong ProgramHeaderOffset = 64;
    public ushort HeaderSize = 64;
    public ushort ProgramHeaderEntrySize = 56;
    /// <summary>e_phnum; null writes Headers.Count.</summary>
    public ushort? ProgramHeaderCount;
    public List<TestProgramHeader> Headers = new();
    /// <summary>Total file length; the bytes not covered by headers are a fixed pattern.</summary>
    public int FileLength;

    /// <summary>
    /// A small valid static executable laid out like GNU ld output: a read-only
    /// segment with the headers, code, read-only data, and data+bss with a TLS
    /// template inside it; the data segment's bytes end the file, so any truncation
    /// cuts something the loader needs.
    /// </summary>
    public static ElfWriter ValidExecutable()
    {
        var writer = new ElfWriter { Entry = 0x401010, FileLength = 0x3100 };
        writer.Headers.Add(new TestProgramHeader { Type = PtLoad, Flags = R, Offset = 0, VirtualAddress = 0x400000, FileSize = 0x200, MemorySize = 0x200, Alignment = 0x1000 });
        writer.Headers.Add(new TestProgramHeader { Type = PtLoad, Flags = R | X, Offset = 0x1000, VirtualAddress = 0x401000, FileSize = 0x180, MemorySize = 0x180, Alignment = 0x1000 });
        writer.Headers.Add(new TestProgramHeader { Type = PtLoad, Flags = R, Offset = 0x2000, VirtualAddress = 0x402000, FileSize = 0x40, MemorySize = 0x40, Alignment = 0x1000 });
        writer.Headers.Add(new TestProgramHeader { Type = PtLoad, Flags = R | W, Offset = 0x3000, VirtualAddress = 0x403000, FileSize = 0x100, MemorySize = 0x2800, Alignment = 0x1000 });
        writer.Headers.Add(new TestProgramHeader { Type = PtNote, Flags = R, Offset = 0x190, VirtualAddress = 0x400190, FileSize = 0x20, MemorySize = 0x20, Alignment = 4 });
        writer.Headers.Add(new TestProgramHeader { Type = PtTls, Flags = R, Offset = 0x3000, VirtualAddress = 0x403000, FileSize = 0x10, MemorySize = 0x30, Alignment = 8 });
        writer.Headers.Add(new TestProgramHeader { Type = PtGnuStack, Flags = R | W, Alignment = 16 });
        writer.Headers.Add(new TestProgramHeader { Type = PtGnuRelro, Flags = R, Offset = 0x3000, VirtualAddress = 0x403000, FileSize = 0x10, MemorySize = 0x10, Alignment = 1 });
        return writer;
    }

    public TestProgramHeader this[int index] => Headers[index];

    public byte[] Build()
    {
        // The file is never grown to hold the table: tests move the table out on purpose.
        int length = Math.Max(FileLength, 64);
        var file = new byte[length];
        for (int i = 0; i < length; i++)
            file[i] = (byte)(i * 7 + 3);

        Span<byte> span = file;
        span.Slice(0, 16).Clear();
        Magic.AsSpan(0, Math.Min(4, Magic.Length)).CopyTo(span);
        span[4] = Class;
        span[5] = Data;
        span[6] = IdentVersion;
        span[7] = OsAbi;
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(16), Type);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(18), Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(20), Version);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(24), Entry);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(32), ProgramHeaderOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(40), 0); // e_shoff: no section headers
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(48), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(52), HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(54), ProgramHeaderEntrySize);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(56), ProgramHeaderCount ?? (ushort)Headers.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(58), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(60), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(62), 0);

        if (ProgramHeaderOffset <= int.MaxValue)
        {
            for (int i = 0; i < Headers.Count; i++)
            {
                int at = (int)ProgramHeaderOffset + i * 56;
                if (at + 56 > length)
                    break;
                TestProgramHeader h = Headers[i];
                Span<byte> entry = span.Slice(at, 56);
                BinaryPrimitives.WriteUInt32LittleEndian(entry, h.Type);
                BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(4), h.Flags);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(8), h.Offset);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(16), h.VirtualAddress);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(24), h.VirtualAddress);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(32), h.FileSize);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(40), h.MemorySize);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(48), h.Alignment);
            }
        }
        return file;
    }
}
