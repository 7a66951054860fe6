namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// The PT_TLS segment: the initialisation image of the program's thread-local
/// storage. Each new thread gets a block of <see cref="MemorySize"/> bytes aligned
/// to <see cref="Alignment"/>: the first <see cref="FileSize"/> bytes are copied from
/// <see cref="VirtualAddress"/> (inside a loaded segment) and the rest is zeroed.
/// </summary>
public readonly struct ElfTlsTemplate
{
    internal ElfTlsTemplate(ulong virtualAddress, ulong fileSize, ulong memorySize, ulong alignment)
    {
        VirtualAddress = virtualAddress;
        FileSize = fileSize;
        MemorySize = memorySize;
        Alignment = alignment;
    }

    /// <summary>p_vaddr: where the initialisation image is once the segments are loaded.</summary>
    public ulong VirtualAddress { get; }

    /// <summary>p_filesz: bytes of initialised thread-local data (.tdata).</summary>
    public ulong FileSize { get; }

    /// <summary>p_memsz: size of each thread's block (.tdata followed by zeroed .tbss).</summary>
    public ulong MemorySize { get; }

    /// <summary>p_align: alignment of each thread's block (at least 1, at most a page).</summary>
    public ulong Alignment { get; }
}
