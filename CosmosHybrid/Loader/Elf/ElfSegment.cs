using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// One validated PT_LOAD segment: <see cref="FileSize"/> bytes from
/// <see cref="FileOffset"/> in the file go to <see cref="VirtualAddress"/>, and the
/// rest of <see cref="MemorySize"/> is zero-filled. The pages
/// [<see cref="PageStart"/>, <see cref="PageEnd"/>) belong to this segment alone.
/// </summary>
public readonly struct ElfSegment
{
    internal ElfSegment(ulong virtualAddress, ulong memorySize, ulong fileOffset, ulong fileSize, ulong alignment, ElfSegmentFlags flags)
    {
        VirtualAddress = virtualAddress;
        MemorySize = memorySize;
        FileOffset = fileOffset;
        FileSize = fileSize;
        Alignment = alignment;
        Flags = flags;
    }

    /// <summary>p_vaddr: where the segment's first byte goes.</summary>
    public ulong VirtualAddress { get; }

    /// <summary>p_memsz: bytes the segment occupies in memory (never 0, never below <see cref="FileSize"/>).</summary>
    public ulong MemorySize { get; }

    /// <summary>p_offset: where the segment's bytes start in the file.</summary>
    public ulong FileOffset { get; }

    /// <summary>p_filesz: bytes copied from the file; the remainder up to <see cref="MemorySize"/> is zero.</summary>
    public ulong FileSize { get; }

    /// <summary>p_align as found in the file (0 or 1: no constraint; otherwise a power of two).</summary>
    public ulong Alignment { get; }

    /// <summary>Access rights.</summary>
    public ElfSegmentFlags Flags { get; }

    public bool Readable => (Flags & ElfSegmentFlags.Read) != 0;

    public bool Writable => (Flags & ElfSegmentFlags.Write) != 0;

    public bool Executable => (Flags & ElfSegmentFlags.Execute) != 0;

    /// <summary>One past the segment's last byte in memory.</summary>
    public ulong EndAddress => VirtualAddress + MemorySize;

    /// <summary>The segment's first page.</summary>
    public ulong PageStart => VirtualAddress & ~(ElfParser.PageSize - 1);

    /// <summary>One past the segment's last page.</summary>
    public ulong PageEnd => (EndAddress + ElfParser.PageSize - 1) & ~(ElfParser.PageSize - 1);

    /// <summary>Number of pages to map.</summary>
    public ulong PageCount => (PageEnd - PageStart) / ElfParser.PageSize;

    /// <summary>
    /// The segment's bytes in <paramref name="file"/> (the image it was parsed from);
    /// empty if they do not fit in <paramref name="file"/>, so a wrong file cannot cause
    /// an out-of-range read.
    /// </summary>
    public ReadOnlySpan<byte> GetFileBytes(ReadOnlySpan<byte> file)
    {
        ulong length = (ulong)file.Length;
        if (FileOffset > length || FileSize > length - FileOffset)
            return default;
        return file.Slice((int)FileOffset, (int)FileSize);
    }

    /// <summary>True if <paramref name="address"/> is inside [<see cref="VirtualAddress"/>, <see cref="EndAddress"/>).</summary>
    public bool Contains(ulong address) => address >= VirtualAddress && address - VirtualAddress < MemorySize;

    public override string ToString() =>
        "0x" + VirtualAddress.ToString("x") + "+0x" + MemorySize.ToString("x") +
        " (file 0x" + FileOffset.ToString("x") + "+0x" + FileSize.ToString("x") + ") " +
        (Readable ? "r" : "-") + (Writable ? "w" : "-") + (Executable ? "x" : "-");
}
