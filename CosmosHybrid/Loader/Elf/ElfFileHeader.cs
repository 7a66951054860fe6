using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// The fields of the ELF64 file header (Elf64_Ehdr) the loader uses, and its layout.
/// Section headers are not needed to load a program and are ignored.
/// </summary>
internal readonly struct ElfFileHeader
{
    /// <summary>sizeof(Elf64_Ehdr).</summary>
    public const int Size = 64;

    // e_ident
    public const int ClassOffset = 4;
    public const int DataOffset = 5;
    public const int IdentVersionOffset = 6;
    public const int OsAbiOffset = 7;

    public const byte Class64 = 2;
    public const byte DataLittleEndian = 1;
    public const byte CurrentVersion = 1;
    public const byte OsAbiSystemV = 0;
    public const byte OsAbiGnu = 3;

    // The fields after e_ident.
    public const int TypeOffset = 16;
    public const int MachineOffset = 18;
    public const int VersionOffset = 20;
    public const int EntryOffset = 24;
    public const int ProgramHeaderOffsetOffset = 32;
    public const int HeaderSizeOffset = 52;
    public const int ProgramHeaderEntrySizeOffset = 54;
    public const int ProgramHeaderCountOffset = 56;

    public const ushort TypeExecutable = 2;
    public const ushort TypeShared = 3;
    public const ushort MachineX86_64 = 62;

    private ElfFileHeader(ReadOnlySpan<byte> file)
    {
        Class = file[ClassOffset];
        Data = file[DataOffset];
        IdentVersion = file[IdentVersionOffset];
        OsAbi = file[OsAbiOffset];
        Type = ElfBytes.ReadUInt16(file, TypeOffset);
        Machine = ElfBytes.ReadUInt16(file, MachineOffset);
        Version = ElfBytes.ReadUInt32(file, VersionOffset);
        Entry = ElfBytes.ReadUInt64(file, EntryOffset);
        ProgramHeaderOffset = ElfBytes.ReadUInt64(file, ProgramHeaderOffsetOffset);
        HeaderSize = ElfBytes.ReadUInt16(file, HeaderSizeOffset);
        ProgramHeaderEntrySize = ElfBytes.ReadUInt16(file, ProgramHeaderEntrySizeOffset);
        ProgramHeaderCount = ElfBytes.ReadUInt16(file, ProgramHeaderCountOffset);
    }

    public byte Class { get; }
    public byte Data { get; }
    public byte IdentVersion { get; }
    public byte OsAbi { get; }
    public ushort Type { get; }
    public ushort Machine { get; }
    public uint Version { get; }
    public ulong Entry { get; }
    public ulong ProgramHeaderOffset { get; }
    public ushort HeaderSize { get; }
    public ushort ProgramHeaderEntrySize { get; }
    public ushort ProgramHeaderCount { get; }

    public static bool HasMagic(ReadOnlySpan<byte> file) =>
        file[0] == 0x7F && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F';

    /// <summary>Reads the header; <paramref name="file"/> must hold at least <see cref="Size"/> bytes.</summary>
    public static ElfFileHeader Read(ReadOnlySpan<byte> file) => new ElfFileHeader(file);
}
