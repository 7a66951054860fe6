using System;

namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// Validates a static x86-64 ELF64 executable before anything of it is mapped.
/// The file comes from an untrusted source (a boot module, later a file on disk), so
/// every header field the loader relies on is checked, every offset and size is
/// compared without overflow (sizes are 64-bit and chosen by the file), and no read
/// leaves the span. A defect yields an <see cref="ElfError"/> naming it, never an
/// exception: in the kernel a throw is a panic.
/// </summary>
public static class ElfParser
{
    /// <summary>The page size the image is mapped with.</summary>
    public const ulong PageSize = 4096;

    /// <summary>
    /// Most program headers looked at. Real executables have about ten; the bound
    /// keeps a hostile e_phnum (up to 65535) from making validation slow.
    /// </summary>
    public const int MaxProgramHeaders = 64;

    /// <summary>
    /// Validates <paramref name="file"/> against <paramref name="limits"/>. On
    /// <see cref="ElfError.Ok"/>, <paramref name="image"/> describes what to map;
    /// otherwise it is null and the result says what is wrong.
    /// </summary>
    public static ElfError Parse(ReadOnlySpan<byte> file, ElfLoadLimits limits, out ElfImage image)
    {
        image = null;

        ElfError error = CheckFileHeader(file, out ElfFileHeader header);
        if (error != ElfError.Ok)
            return error;

        int maxSegments = limits.MaxLoadSegments < MaxProgramHeaders ? limits.MaxLoadSegments : MaxProgramHeaders;
        var segments = new ElfSegment[maxSegments];
        int segmentCount = 0;
        bool hasTls = false;
        ElfTlsTemplate tls = default;
        ulong stackSize = 0;

        int tableOffset = (int)header.ProgramHeaderOffset; // fits: the table lies inside the span
        for (int i = 0; i < header.ProgramHeaderCount; i++)
        {
            ElfProgramHeader entry = ElfProgramHeader.Read(file, tableOffset + i * ElfProgramHeader.Size);
            switch (entry.Type)
            {
                case ElfProgramHeader.TypeLoad:
                    error = CheckLoadSegment(entry, (ulong)file.Length, limits);
                    if (error != ElfError.Ok)
                        return error;
                    if (entry.MemorySize == 0)
                        break; // maps nothing
                    if (segmentCount == segments.Length)
                        return ElfError.TooManySegments;
                    segments[segmentCount++] = new ElfSegment(entry.VirtualAddress, entry.MemorySize, entry.Offset, entry.FileSize, entry.Alignment, entry.Access);
                    break;

                case ElfProgramHeader.TypeInterpreter:
                    return ElfError.InterpreterNotSupported;

                case ElfProgramHeader.TypeDynamic:
                    return ElfError.DynamicNotSupported;

                case ElfProgramHeader.TypeTls:
                    if (hasTls)
                        return ElfError.BadTlsSegment;
                    error = CheckTlsSegment(entry, (ulong)file.Length, limits);
                    if (error != ElfError.Ok)
                        return error;
                    hasTls = true;
                    tls = new ElfTlsTemplate(entry.VirtualAddress, entry.FileSize, entry.MemorySize, entry.Alignment == 0 ? 1 : entry.Alignment);
                    break;

                case ElfProgramHeader.TypeGnuStack:
                    if ((entry.Access & ElfSegmentFlags.Execute) != 0)
                        return ElfError.ExecutableStack;
                    stackSize = entry.MemorySize;
                    break;
            }
        }

        if (segmentCount == 0)
            return ElfError.NoLoadableSegments;

        SortByAddress(segments, segmentCount);

        error = CheckLayout(segments, segmentCount, limits, out ulong memorySize);
        if (error != ElfError.Ok)
            return error;

        if (!EntryInCode(header.Entry, segments, segmentCount))
            return ElfError.EntryNotInCode;

        if (hasTls && !TlsImageLoaded(tls, segments, segmentCount))
            return ElfError.BadTlsSegment;

        var result = new ElfSegment[segmentCount];
        for (int i = 0; i < segmentCount; i++)
            result[i] = segments[i];
        image = new ElfImage(header.Entry, result, hasTls, tls, stackSize, memorySize);
        return ElfError.Ok;
    }

    private static ElfError CheckFileHeader(ReadOnlySpan<byte> file, out ElfFileHeader header)
    {
        header = default;
        if (file.Length < ElfFileHeader.Size)
            return ElfError.FileTooSmall;
        if (!ElfFileHeader.HasMagic(file))
            return ElfError.BadMagic;

        header = ElfFileHeader.Read(file);
        if (header.Class != ElfFileHeader.Class64)
            return ElfError.NotElf64;
        if (header.Data != ElfFileHeader.DataLittleEndian)
            return ElfError.NotLittleEndian;
        if (header.IdentVersion != ElfFileHeader.CurrentVersion)
            return ElfError.BadVersion;
        if (header.OsAbi != ElfFileHeader.OsAbiSystemV && header.OsAbi != ElfFileHeader.OsAbiGnu)
            return ElfError.UnsupportedAbi;
        if (header.Type == ElfFileHeader.TypeShared)
            return ElfError.PositionIndependentNotSupported;
        if (header.Type != ElfFileHeader.TypeExecutable)
            return ElfError.NotExecutable;
        if (header.Machine != ElfFileHeader.MachineX86_64)
            return ElfError.WrongMachine;
        if (header.Version != ElfFileHeader.CurrentVersion)
            return ElfError.BadVersion;
        if (header.HeaderSize != ElfFileHeader.Size)
            return ElfError.BadHeaderSize;
        if (header.ProgramHeaderEntrySize != ElfProgramHeader.Size)
            return ElfError.BadProgramHeaderSize;
        if (header.ProgramHeaderCount == 0)
            return ElfError.NoLoadableSegments;
        // 0xFFFF (PN_XNUM, "count is in section header 0") falls in here too.
        if (header.ProgramHeaderCount > MaxProgramHeaders)
            return ElfError.TooManySegments;
        if (!ElfBytes.RangeFits(header.ProgramHeaderOffset, (ulong)header.ProgramHeaderCount * ElfProgramHeader.Size, (ulong)file.Length))
            return ElfError.ProgramHeadersOutOfFile;
        return ElfError.Ok;
    }

    private static ElfError CheckLoadSegment(ElfProgramHeader entry, ulong fileLength, ElfLoadLimits limits)
    {
        if (entry.FileSize > entry.MemorySize)
            return ElfError.FileSizeExceedsMemorySize;
        if (!ElfBytes.RangeFits(entry.Offset, entry.FileSize, fileLength))
            return ElfError.SegmentOutOfFile;
        if (entry.MemorySize == 0)
            return ElfError.Ok;

        // p_align 0 and 1 both mean "no constraint". A page-aligned segment is mapped
        // page by page, so its file offset and address must agree inside a page.
        // (Alignments above a page, e.g. 2 MiB, need only that much: pages are 4 KiB.)
        if (!IsPowerOfTwoOrZero(entry.Alignment))
            return ElfError.Misaligned;
        if (entry.Alignment >= PageSize && (entry.VirtualAddress & (PageSize - 1)) != (entry.Offset & (PageSize - 1)))
            return ElfError.Misaligned;

        if (!InsideUserSpace(entry.VirtualAddress, entry.MemorySize, limits))
            return ElfError.SegmentOutsideUserSpace;

        ElfSegmentFlags access = entry.Access;
        if ((access & ElfSegmentFlags.Write) != 0 && (access & ElfSegmentFlags.Execute) != 0)
            return ElfError.WritableAndExecutable;
        return ElfError.Ok;
    }

    private static ElfError CheckTlsSegment(ElfProgramHeader entry, ulong fileLength, ElfLoadLimits limits)
    {
        if (entry.FileSize > entry.MemorySize)
            return ElfError.BadTlsSegment;
        if (!ElfBytes.RangeFits(entry.Offset, entry.FileSize, fileLength))
            return ElfError.BadTlsSegment;
        // Each thread's block is allocated with this alignment; more than a page is
        // not something a real program asks for.
        if (!IsPowerOfTwoOrZero(entry.Alignment) || entry.Alignment > PageSize)
            return ElfError.BadTlsSegment;
        if (entry.MemorySize > limits.MaxImageSize)
            return ElfError.BadTlsSegment;
        return ElfError.Ok;
    }

    /// <summary>
    /// True if [address, address + size), rounded out to whole pages, lies inside
    /// [UserStart, UserEnd). Checked step by step so no sum can wrap.
    /// </summary>
    private static bool InsideUserSpace(ulong address, ulong size, ElfLoadLimits limits)
    {
        if (!ElfBytes.RangeFits(address, size, limits.UserEnd))
            return false;
        ulong end = address + size;
        if (end > ulong.MaxValue - (PageSize - 1))
            return false;
        ulong pageStart = address & ~(PageSize - 1);
        ulong pageEnd = (end + PageSize - 1) & ~(PageSize - 1);
        return pageStart >= limits.UserStart && pageEnd <= limits.UserEnd;
    }

    /// <summary>Insertion sort: at most <see cref="ElfLoadLimits.MaxLoadSegments"/> entries, usually already in order.</summary>
    private static void SortByAddress(ElfSegment[] segments, int count)
    {
        for (int i = 1; i < count; i++)
        {
            ElfSegment current = segments[i];
            int j = i - 1;
            while (j >= 0 && segments[j].VirtualAddress > current.VirtualAddress)
            {
                segments[j + 1] = segments[j];
                j--;
            }
            segments[j + 1] = current;
        }
    }

    /// <summary>
    /// Segments (sorted, each already inside user space) must not share a page: each
    /// page gets one set of rights, and two segments' bytes in one page would make the
    /// loader copy one over the other. The page-rounded sizes must sum below the limit.
    /// </summary>
    private static ElfError CheckLayout(ElfSegment[] segments, int count, ElfLoadLimits limits, out ulong memorySize)
    {
        memorySize = 0;
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && segments[i].PageStart < segments[i - 1].PageEnd)
                return ElfError.SegmentsOverlap;
            // Disjoint segments inside the user window cannot sum past ulong.MaxValue,
            // so only the limit needs checking.
            memorySize += segments[i].PageEnd - segments[i].PageStart;
            if (memorySize > limits.MaxImageSize)
                return ElfError.ImageTooLarge;
        }
        return ElfError.Ok;
    }

    private static bool EntryInCode(ulong entry, ElfSegment[] segments, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ElfSegment segment = segments[i];
            if (segment.Executable && entry >= segment.VirtualAddress && entry - segment.VirtualAddress < segment.FileSize)
                return true;
        }
        return false;
    }

    /// <summary>The TLS initialisation image is copied from memory for each thread, so it must be mapped and readable.</summary>
    private static bool TlsImageLoaded(ElfTlsTemplate tls, ElfSegment[] segments, int count)
    {
        if (tls.FileSize == 0)
            return true;
        for (int i = 0; i < count; i++)
        {
            ElfSegment segment = segments[i];
            if (segment.Readable && tls.VirtualAddress >= segment.VirtualAddress &&
                ElfBytes.RangeFits(tls.VirtualAddress - segment.VirtualAddress, tls.FileSize, segment.MemorySize))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPowerOfTwoOrZero(ulong value) => (value & (value - 1)) == 0;
}
