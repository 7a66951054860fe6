using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>One ELF64 program header (Elf64_Phdr) and its layout.</summary>
internal readonly struct ElfProgramHeader
{
    /// <summary>sizeof(Elf64_Phdr).</summary>
    public const int Size = 56;

    public const uint TypeLoad = 1;
    public const uint TypeDynamic = 2;
    public const uint TypeInterpreter = 3;
    public const uint TypeTls = 7;
    public const uint TypeGnuStack = 0x6474E551;

    // Everything else (PT_NOTE, PT_PHDR, PT_GNU_EH_FRAME, PT_GNU_RELRO,
    // PT_GNU_PROPERTY, ...) describes parts of what PT_LOAD already maps, or is
    // advice, and is ignored.

    private ElfProgramHeader(ReadOnlySpan<byte> entry)
    {
        Type = ElfBytes.ReadUInt32(entry, 0);
        Flags = ElfBytes.ReadUInt32(entry, 4);
        Offset = ElfBytes.ReadUInt64(entry, 8);
        VirtualAddress = ElfBytes.ReadUInt64(entry, 16);
        FileSize = ElfBytes.ReadUInt64(entry, 32);
        MemorySize = ElfBytes.ReadUInt64(entry, 40);
        Alignment = ElfBytes.ReadUInt64(entry, 48);
    }

    public uint Type { get; }
    public uint Flags { get; }
    public ulong Offset { get; }
    public ulong VirtualAddress { get; }
    public ulong FileSize { get; }
    public ulong MemorySize { get; }
    public ulong Alignment { get; }

    /// <summary>The PF_R/PF_W/PF_X bits (OS- and processor-specific bits dropped).</summary>
    public ElfSegmentFlags Access => (ElfSegmentFlags)(Flags & 7);

    /// <summary>Reads the header at <paramref name="offset"/>; the caller has checked it lies inside <paramref name="file"/>.</summary>
    public static ElfProgramHeader Read(ReadOnlySpan<byte> file, int offset) => new ElfProgramHeader(file.Slice(offset, Size));
}
