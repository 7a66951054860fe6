using System;
using CosmosHybrid.Loader.Elf;
using CosmosHybrid.Memory.Paging;

namespace CosmosHybrid.Processes;

/// <summary>
/// Loads a validated ELF64 executable into a new address space: each PT_LOAD segment
/// is copied into fresh pages with its own rights (code read-only and executable,
/// data writable and not executable), and the stack region is declared below
/// <see cref="UserAddressSpace.StackTop"/>.
/// </summary>
internal static unsafe class ProgramLoader
{
    public static ElfError Load(ReadOnlySpan<byte> file, UserAddressSpace space, out ulong entryPoint)
    {
        entryPoint = 0;
        var limits = new ElfLoadLimits(UserAddressSpace.UserStart, UserAddressSpace.HeapStart, 256UL << 20, ElfLoadLimits.DefaultMaxLoadSegments);
        ElfError error = ElfParser.Parse(file, limits, out ElfImage image);
        if (error != ElfError.Ok)
            return error;

        for (int i = 0; i < image.Segments.Length; i++)
        {
            if (!LoadSegment(file, image.Segments[i], space))
                return ElfError.ImageTooLarge;
        }

        if (!space.AddRegion(UserAddressSpace.StackTop - UserAddressSpace.StackSize, UserAddressSpace.StackTop, PageFlags.Writable | PageFlags.NoExecute))
            return ElfError.ImageTooLarge;
        entryPoint = image.EntryPoint;
        return ElfError.Ok;
    }

    private static bool LoadSegment(ReadOnlySpan<byte> file, ElfSegment segment, UserAddressSpace space)
    {
        PageFlags flags = PageFlags.None;
        if (segment.Writable)
            flags |= PageFlags.Writable;
        if (!segment.Executable)
            flags |= PageFlags.NoExecute;

        ReadOnlySpan<byte> bytes = segment.GetFileBytes(file);
        for (ulong page = segment.PageStart; page < segment.PageEnd; page += UserAddressSpace.PageSize)
        {
            if (!space.MapNewPage(page, flags, out byte* contents))
                return false;
            // Copy the part of the file image that falls in this page; the rest stays zero (.bss).
            ulong copyStart = page > segment.VirtualAddress ? page : segment.VirtualAddress;
            ulong copyEnd = page + UserAddressSpace.PageSize;
            ulong fileEnd = segment.VirtualAddress + (ulong)bytes.Length;
            if (copyEnd > fileEnd)
                copyEnd = fileEnd;
            if (copyStart < copyEnd)
            {
                ReadOnlySpan<byte> part = bytes.Slice((int)(copyStart - segment.VirtualAddress), (int)(copyEnd - copyStart));
                part.CopyTo(new Span<byte>(contents + (copyStart - page), part.Length));
            }
        }
        return true;
    }
}
