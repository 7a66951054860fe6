namespace CosmosHybrid.Loader.Elf;

/// <summary>Human-readable text for <see cref="ElfError"/> values (the runtime has no enum reflection).</summary>
public static class ElfErrorText
{
    /// <summary>A short lower-case phrase for a loader error report, e.g. "segments overlap".</summary>
    public static string Describe(ElfError error) => error switch
    {
        ElfError.Ok => "ok",
        ElfError.FileTooSmall => "file too small for an ELF64 header",
        ElfError.BadMagic => "not an ELF file (bad magic)",
        ElfError.NotElf64 => "not a 64-bit ELF file",
        ElfError.NotLittleEndian => "not little-endian",
        ElfError.BadVersion => "unknown ELF version",
        ElfError.UnsupportedAbi => "unsupported OS ABI",
        ElfError.NotExecutable => "not an executable",
        ElfError.PositionIndependentNotSupported => "position-independent executables are not supported",
        ElfError.WrongMachine => "not an x86-64 program",
        ElfError.BadHeaderSize => "bad ELF header size",
        ElfError.BadProgramHeaderSize => "bad program header size",
        ElfError.ProgramHeadersOutOfFile => "program headers outside the file",
        ElfError.TooManySegments => "too many segments",
        ElfError.NoLoadableSegments => "no loadable segment",
        ElfError.FileSizeExceedsMemorySize => "segment file size exceeds memory size",
        ElfError.SegmentOutOfFile => "segment outside the file",
        ElfError.Misaligned => "segment misaligned",
        ElfError.SegmentOutsideUserSpace => "segment outside user space",
        ElfError.SegmentsOverlap => "segments overlap",
        ElfError.WritableAndExecutable => "segment both writable and executable",
        ElfError.ImageTooLarge => "image too large",
        ElfError.EntryNotInCode => "entry point not in an executable segment",
        ElfError.InterpreterNotSupported => "needs an interpreter (dynamic linking not supported)",
        ElfError.DynamicNotSupported => "dynamically linked (not supported)",
        ElfError.ExecutableStack => "asks for an executable stack",
        ElfError.BadTlsSegment => "malformed TLS segment",
        _ => "unknown ELF error",
    };
}
