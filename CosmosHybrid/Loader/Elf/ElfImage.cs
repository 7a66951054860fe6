namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// A validated static ELF64 executable, ready to be mapped into a ring-3 address
/// space: where to start it, and which page ranges to map with which rights.
/// Produced only by <see cref="ElfParser.Parse"/>, so every invariant it checks
/// holds: segments sorted by address, inside the user window, disjoint at page
/// granularity, never writable and executable, entry point in code.
/// </summary>
public sealed class ElfImage
{
    internal ElfImage(ulong entryPoint, ElfSegment[] segments, bool hasTls, ElfTlsTemplate tls, ulong stackSize, ulong memorySize)
    {
        EntryPoint = entryPoint;
        Segments = segments;
        HasTls = hasTls;
        Tls = tls;
        StackSize = stackSize;
        MemorySize = memorySize;
    }

    /// <summary>e_entry: the first instruction of the program.</summary>
    public ulong EntryPoint { get; }

    /// <summary>The PT_LOAD segments in ascending address order (empty ones left out).</summary>
    public ElfSegment[] Segments { get; }

    /// <summary>True if the program has a PT_TLS segment, described by <see cref="Tls"/>.</summary>
    public bool HasTls { get; }

    /// <summary>The thread-local storage template; meaningful only when <see cref="HasTls"/>.</summary>
    public ElfTlsTemplate Tls { get; }

    /// <summary>Stack size asked for by PT_GNU_STACK's p_memsz, or 0 for the loader's default.</summary>
    public ulong StackSize { get; }

    /// <summary>Sum of the segments' page-rounded sizes: the memory the image needs, in bytes.</summary>
    public ulong MemorySize { get; }

    /// <summary>The first page of the lowest segment.</summary>
    public ulong LowestAddress => Segments[0].PageStart;

    /// <summary>One past the last page of the highest segment (where a program break may start).</summary>
    public ulong HighestAddress => Segments[Segments.Length - 1].PageEnd;
}
