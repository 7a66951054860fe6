namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// Decides, page by page, how a segment reaches memory. A page holding no byte of the file is
/// demand-zero. A page of a read-only segment whose bytes come from one page of the file, at the
/// same offset within the page, with no zero-filled (.bss) byte in it, is the file's page as it
/// stands and can be mapped from the image's frame; the bytes of that frame outside the segment
/// are the file's own (the program's headers or its other segments, read-only). Anything else is
/// copied into a fresh page whose remainder is zeroed.
/// </summary>
public static class SegmentPagePlan
{
    public const ulong PageSize = ElfParser.PageSize;

    /// <summary>The first page of the segment's demand-zero tail; <see cref="ElfSegment.PageEnd"/> when there is none.</summary>
    public static ulong DemandZeroStart(ElfSegment segment)
    {
        if (segment.FileSize == 0)
            return segment.PageStart;
        ulong fileEnd = segment.VirtualAddress + segment.FileSize;
        ulong start = (fileEnd + PageSize - 1) & ~(PageSize - 1);
        return start < segment.PageEnd ? start : segment.PageEnd;
    }

    /// <summary>
    /// How the page at <paramref name="page"/> (page-aligned, inside the segment's pages) is filled. For
    /// <see cref="SegmentPageKind.Copy"/>, the file bytes [<paramref name="copyFrom"/>, <paramref name="copyTo"/>)
    /// of the page (offsets within it) come from the file at <paramref name="fileOffset"/>; for
    /// <see cref="SegmentPageKind.FilePage"/>, <paramref name="fileOffset"/> is the file page's own offset.
    /// </summary>
    public static SegmentPageKind Classify(ElfSegment segment, ulong page, out ulong fileOffset, out ulong copyFrom, out ulong copyTo)
    {
        fileOffset = 0;
        copyFrom = 0;
        copyTo = 0;
        if (page >= DemandZeroStart(segment))
            return SegmentPageKind.DemandZero;

        ulong fileStart = segment.VirtualAddress;
        ulong fileEnd = segment.VirtualAddress + segment.FileSize;
        ulong from = page > fileStart ? page : fileStart;
        ulong to = page + PageSize < fileEnd ? page + PageSize : fileEnd;
        // The page's first byte would sit at this offset in the file (congruent segments only).
        bool congruent = (segment.VirtualAddress & (PageSize - 1)) == (segment.FileOffset & (PageSize - 1));
        bool noZeroFill = page + PageSize <= fileEnd || segment.EndAddress <= fileEnd;
        if (!segment.Writable && congruent && noZeroFill)
        {
            fileOffset = segment.FileOffset - (segment.VirtualAddress - page);
            return SegmentPageKind.FilePage;
        }
        fileOffset = segment.FileOffset + (from - fileStart);
        copyFrom = from - page;
        copyTo = to - page;
        return SegmentPageKind.Copy;
    }
}
