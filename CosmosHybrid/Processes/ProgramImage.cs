using System;
using System.Threading;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Processes;

/// <summary>
/// A program file in whole kernel pages from its first byte (the rest of its last page zero), so
/// that a page of a read-only segment can be mapped from the file's own frame instead of copied
/// (<see cref="Loader.Elf.SegmentPagePlan"/>). A boot module's image is kept for good and its
/// frames are shared, read-only, by every process that runs it. An image read from a file serves
/// one spawn: the frames the loader mapped become that address space's own (<see cref="GiveFrame"/>),
/// and <see cref="Release"/> frees the others. An image that could not get its pages in one run
/// holds the file in a managed array, and everything of it is copied. An image read from a file
/// for the <see cref="ProgramImageCache"/> is shared like a boot module's, but counted: the cache,
/// each spawn loading it and each address space mapping it hold a reference, and the last one
/// to let go frees its frames.
/// </summary>
internal sealed unsafe class ProgramImage
{
    private readonly byte* _pages;      // null for an array image
    private readonly byte[] _array;
    private readonly int _length;
    private readonly bool[] _given;     // file images: frames now owned by an address space
    private int _references;            // counted images: who still uses the frames

    private ProgramImage(byte* pages, byte[] array, int length, bool shared, bool counted = false)
    {
        _pages = pages;
        _array = array;
        _length = length;
        IsShared = shared;
        IsCounted = counted;
        _references = counted ? 1 : 0;
        if (pages != null && !shared)
            _given = new bool[PageCount];
    }

    /// <summary>Its frames are mapped into many processes and freed by none of them (a boot module's, or a cached file's).</summary>
    public bool IsShared { get; }

    /// <summary>A cached file's shared image: its frames are freed when its last reference goes (<see cref="AddReference"/>).</summary>
    public bool IsCounted { get; }

    /// <summary>The kernel pages this image holds.</summary>
    public ulong Pages => _pages == null ? 0 : PageCount;

    /// <summary>
    /// What parsing a shared image found, kept for its next spawns (the image never changes); null
    /// until the first. An <see cref="Loader.Elf.ElfImage"/> is immutable once made.
    /// </summary>
    public Loader.Elf.ElfImage Parsed { get; set; }

    /// <summary>
    /// The program's symbol map (NAME.sym beside NAME.elf, or the boot module of that name), which
    /// names its methods in fault reports, stack traces and profiles; null when there is none.
    /// Kept with a shared image, so a spawn from the cache reads no map.
    /// </summary>
    public Diagnostics.SymbolTable Symbols { get; set; }

    public int Length => _length;

    private ulong PageCount => ((ulong)_length + MemoryPageSize - 1) / MemoryPageSize;

    private const ulong MemoryPageSize = KernelPages.PageSize;

    public ReadOnlySpan<byte> Bytes => _pages != null ? new ReadOnlySpan<byte>(_pages, _length) : new ReadOnlySpan<byte>(_array);

    /// <summary>The image's bytes, to be filled (an image made by <see cref="ForFile"/>).</summary>
    public Span<byte> Contents => _pages != null ? new Span<byte>(_pages, _length) : new Span<byte>(_array);

    /// <summary>A boot module's program, copied into pages of its own and kept for good.</summary>
    public static ProgramImage FromBootModule(ReadOnlySpan<byte> module)
    {
        ulong pages = ((ulong)module.Length + MemoryPageSize - 1) / MemoryPageSize;
        byte* memory = pages == 0 ? null : (byte*)KernelPages.Allocate(pages);
        if (memory == null)
            return new ProgramImage(null, module.ToArray(), module.Length, shared: true);
        module.CopyTo(new Span<byte>(memory, module.Length));
        return new ProgramImage(memory, null, module.Length, shared: true);
    }

    /// <summary>
    /// Room for a program file of <paramref name="length"/> bytes to be kept in the cache and shared
    /// by the processes that run it, with one reference (the caller's); null when there are no pages for it.
    /// </summary>
    public static ProgramImage ForCachedFile(int length)
    {
        ulong pages = ((ulong)length + MemoryPageSize - 1) / MemoryPageSize;
        byte* memory = pages == 0 ? null : (byte*)KernelPages.AllocateUncleared(pages);
        if (memory == null)
            return null;
        new Span<byte>(memory + length, (int)(pages * MemoryPageSize - (ulong)length)).Clear();
        return new ProgramImage(memory, null, length, shared: true, counted: true);
    }

    /// <summary>One more user of a counted image's frames (an address space that maps them, a spawn loading it).</summary>
    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>
    /// Room for a program file of <paramref name="length"/> bytes that one spawn loads, to be filled
    /// through <see cref="Contents"/>; null when there is no memory for it. Only the tail of the
    /// last page is cleared: the file's bytes cover the rest.
    /// </summary>
    public static ProgramImage ForFile(int length)
    {
        ulong pages = ((ulong)length + MemoryPageSize - 1) / MemoryPageSize;
        if (pages == 0)
            return new ProgramImage(null, new byte[0], 0, shared: false);
        byte* memory = (byte*)KernelPages.AllocateUncleared(pages);
        if (memory == null)
        {
            byte[] array = new byte[length];
            return new ProgramImage(null, array, length, shared: false);
        }
        new Span<byte>(memory + length, (int)(pages * MemoryPageSize - (ulong)length)).Clear();
        return new ProgramImage(memory, null, length, shared: false);
    }

    /// <summary>The physical frame holding the file's page at <paramref name="fileOffset"/> (page-aligned); false for an array image or an offset past the end.</summary>
    public bool TryGetFrame(ulong fileOffset, out ulong physicalAddress)
    {
        physicalAddress = 0;
        if (_pages == null || (fileOffset & (MemoryPageSize - 1)) != 0 || fileOffset / MemoryPageSize >= PageCount)
            return false;
        if (_given != null && _given[fileOffset / MemoryPageSize])
            return false;   // already mapped once: a second mapping of the same page gets a copy
        physicalAddress = AddressSpaceLayout.VirtualToPhysical((ulong)(_pages + fileOffset));
        return true;
    }

    /// <summary>An unshared image's frame at <paramref name="fileOffset"/> now belongs to an address space: <see cref="Release"/> leaves it.</summary>
    public void GiveFrame(ulong fileOffset) => _given[fileOffset / MemoryPageSize] = true;

    /// <summary>
    /// After the load, failed or not: frees the frames of an unshared image that no address space
    /// took, or drops one reference to a counted image (the last frees all of its frames).
    /// </summary>
    public void Release()
    {
        if (IsCounted)
        {
            if (Interlocked.Decrement(ref _references) == 0)
                KernelPages.FreeFrames(AddressSpaceLayout.VirtualToPhysical((ulong)_pages), PageCount);
            return;
        }
        if (IsShared || _pages == null)
            return;
        ulong physical = AddressSpaceLayout.VirtualToPhysical((ulong)_pages);
        for (ulong page = 0; page < PageCount; page++)
        {
            if (!_given[page])
                KernelPages.FreeFrames(physical + page * MemoryPageSize);
        }
    }
}
