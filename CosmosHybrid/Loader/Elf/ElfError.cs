namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// Why <see cref="ElfParser.Parse"/> refused an executable image. Each value names
/// one specific defect, so a refusal can be reported to the user (and tested) exactly.
/// </summary>
public enum ElfError
{
    /// <summary>The image is valid.</summary>
    Ok = 0,

    /// <summary>The file is shorter than the 64-byte ELF64 file header.</summary>
    FileTooSmall,

    /// <summary>The file does not start with 0x7F 'E' 'L' 'F'.</summary>
    BadMagic,

    /// <summary>The file is an ELF file but not of class ELFCLASS64.</summary>
    NotElf64,

    /// <summary>The data encoding is not ELFDATA2LSB (little-endian).</summary>
    NotLittleEndian,

    /// <summary>e_ident[EI_VERSION] or e_version is not EV_CURRENT (1).</summary>
    BadVersion,

    /// <summary>The OS ABI is neither System V (0) nor GNU/Linux (3).</summary>
    UnsupportedAbi,

    /// <summary>e_type is not ET_EXEC (a relocatable object, core file or unknown type).</summary>
    NotExecutable,

    /// <summary>e_type is ET_DYN (a position-independent executable or shared object): not loadable yet.</summary>
    PositionIndependentNotSupported,

    /// <summary>e_machine is not EM_X86_64.</summary>
    WrongMachine,

    /// <summary>e_ehsize is not 64, the size of an ELF64 file header.</summary>
    BadHeaderSize,

    /// <summary>e_phentsize is not 56, the size of an ELF64 program header.</summary>
    BadProgramHeaderSize,

    /// <summary>The program header table does not lie entirely inside the file.</summary>
    ProgramHeadersOutOfFile,

    /// <summary>There are more program headers, or more PT_LOAD segments, than the limits allow.</summary>
    TooManySegments,

    /// <summary>There is no non-empty PT_LOAD segment.</summary>
    NoLoadableSegments,

    /// <summary>A segment's file size is larger than its memory size.</summary>
    FileSizeExceedsMemorySize,

    /// <summary>A segment's bytes [p_offset, p_offset + p_filesz) do not lie entirely inside the file.</summary>
    SegmentOutOfFile,

    /// <summary>
    /// p_align is not a power of two, or (for page-aligned segments) p_vaddr and
    /// p_offset differ modulo the page size, so the file cannot be mapped page by page.
    /// </summary>
    Misaligned,

    /// <summary>A segment (rounded out to whole pages) is not entirely inside the user address range.</summary>
    SegmentOutsideUserSpace,

    /// <summary>Two PT_LOAD segments share a page (after rounding out to whole pages).</summary>
    SegmentsOverlap,

    /// <summary>A segment is both writable and executable (W^X is enforced).</summary>
    WritableAndExecutable,

    /// <summary>The sum of the segments' page-rounded sizes exceeds the limit.</summary>
    ImageTooLarge,

    /// <summary>The entry point is not inside the file-backed part of an executable PT_LOAD segment.</summary>
    EntryNotInCode,

    /// <summary>The file has a PT_INTERP segment: it wants a dynamic linker (static executables only).</summary>
    InterpreterNotSupported,

    /// <summary>The file has a PT_DYNAMIC segment: it needs dynamic linking (static executables only).</summary>
    DynamicNotSupported,

    /// <summary>PT_GNU_STACK asks for an executable stack.</summary>
    ExecutableStack,

    /// <summary>
    /// The PT_TLS segment is malformed: more than one, file size above memory size, bytes
    /// outside the file, alignment not a power of two or above a page, too large, or its
    /// initialisation image not inside a loaded segment.
    /// </summary>
    BadTlsSegment,
}
