using System;
using CosmosHybrid.Loader.Elf;
using CosmosHybrid.Memory.Paging;

namespace CosmosHybrid.Processes;

/// <summary>
/// Loads a validated ELF64 executable into a new address space, each PT_LOAD segment with its
/// own rights (code read-only and executable, data writable and not executable), page by page as
/// <see cref="SegmentPagePlan"/> decides: read-only pages mapped from the image's own frames,
/// pages with data copied, and pages of zeros (.bss) left to the demand-zero fault. The stack
/// region is declared below <see cref="UserAddressSpace.StackTop"/>.
/// </summary>
internal static unsafe class ProgramLoader
{
    public static ElfError Load(ProgramImage image, UserAddressSpace space, out ulong entryPoint)
    {
        entryPoint = 0;
        ElfImage elf = image.Parsed;
        if (elf == null)
        {
            var limits = new ElfLoadLimits(UserAddressSpace.UserStart, UserAddressSpace.HeapStart, 256UL << 20, ElfLoadLimits.DefaultMaxLoadSegments);
            ElfError error = ElfParser.Parse(image.Bytes, limits, out elf);
            if (error != ElfError.Ok)
                return error;
            // A boot module never changes, nor does a cached file's image: their next spawns skip the parse.
            if (image.IsShared)
                image.Parsed = elf;
        }

        // A cached file's image may leave the cache while this process runs: it holds the frames.
        if (image.IsCounted)
            space.HoldImage(image);
        for (int i = 0; i < elf.Segments.Length; i++)
        {
            if (!LoadSegment(image, elf.Segments[i], space))
                return ElfError.ImageTooLarge;
        }

        if (!space.AddRegion(UserAddressSpace.StackTop - UserAddressSpace.StackSize, UserAddressSpace.StackTop, PageFlags.Writable | PageFlags.NoExecute))
            return ElfError.ImageTooLarge;
        entryPoint = elf.EntryPoint;
        return ElfError.Ok;
    }

    private static bool LoadSegment(ProgramImage image, ElfSegment segment, UserAddressSpace space)
    {
        PageFlags flags = PageFlags.None;
        if (segment.Writable)
            flags |= PageFlags.Writable;
        if (!segment.Executable)
            flags |= PageFlags.NoExecute;

        ReadOnlySpan<byte> file = image.Bytes;
        var cursor = new LeafCursor(space.Tables);   // one walk per page table, not per page
        ulong zeroStart = SegmentPagePlan.DemandZeroStart(segment);
        for (ulong page = segment.PageStart; page < zeroStart; page += UserAddressSpace.PageSize)
        {
            SegmentPageKind kind = SegmentPagePlan.Classify(segment, page, out ulong fileOffset, out ulong copyFrom, out ulong copyTo);
            if (kind == SegmentPageKind.FilePage && image.TryGetFrame(fileOffset, out ulong frame))
            {
                if (!space.MapImagePage(ref cursor, page, frame, flags, image.IsShared))
                    return false;
                if (!image.IsShared)
                    image.GiveFrame(fileOffset);
                continue;
            }
            if (kind == SegmentPageKind.FilePage)
            {
                // No frame to share (an array image): copy the whole file page that was to be mapped.
                copyFrom = 0;
                copyTo = UserAddressSpace.PageSize;
                if (fileOffset + copyTo > (ulong)file.Length)
                    copyTo = (ulong)file.Length - fileOffset;
            }
            if (!CopyPage(file, ref cursor, page, fileOffset, copyFrom, copyTo, flags, space))
                return false;
        }
        // The zero-filled tail is demand-zero: the program pays for the pages it touches.
        return zeroStart == segment.PageEnd || space.AddRegion(zeroStart, segment.PageEnd, flags);
    }

    // A fresh page with file bytes [copyFrom, copyTo) of it from fileOffset, zero elsewhere.
    private static bool CopyPage(ReadOnlySpan<byte> file, ref LeafCursor cursor, ulong page, ulong fileOffset, ulong copyFrom, ulong copyTo,
        PageFlags flags, UserAddressSpace space)
    {
        if (!space.MapUnclearedPage(ref cursor, page, flags, out byte* contents))
            return false;
        var destination = new Span<byte>(contents, (int)UserAddressSpace.PageSize);
        destination.Slice(0, (int)copyFrom).Clear();
        file.Slice((int)fileOffset, (int)(copyTo - copyFrom)).CopyTo(destination.Slice((int)copyFrom));
        destination.Slice((int)copyTo).Clear();
        return true;
    }
}
