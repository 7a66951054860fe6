using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CosmosHybrid.Processes;

/// <summary>
/// The lower half of a process's address space. The program image is mapped when
/// loaded; heap and stack are regions whose pages are mapped zero-filled on first
/// touch (demand-zero). Below the stack lies an unmapped guard page that belongs to
/// no region, so overflowing the stack is a fault that ends the process.
/// The kernel reads and writes user memory only through these page tables and the
/// direct map, checking each page, so a bad user pointer is an error, never a kernel fault.
/// </summary>
internal sealed unsafe class UserAddressSpace
{
    public const ulong UserStart = 0x0000_0000_0040_0000;
    public const ulong UserEnd = 0x0000_7FFF_FFFF_0000;
    public const ulong StackTop = 0x0000_7FFF_FFF0_0000;
    public const ulong StackSize = 1024 * 1024;
    public const ulong HeapStart = 0x0000_1000_0000_0000;
    public const ulong PageSize = PageTables.PageSize;

    // Regions (program segments, MapMemory blocks, thread stacks) grow with use up to this cap.
    private const int MaxRegions = 4096;
    private const int InitialRegions = 16;
    // Ranges given back (heap, thread stacks, grants) kept for reuse; a full pool forgets the rest.
    private const int GivenBackRanges = 64;

    private MemoryRegionEntry[] _regions = new MemoryRegionEntry[InitialRegions];
    private int _regionCount;
    private int _lastFaultRegion;   // a hint for RegionOf, checked before use
    private ulong _nextHeap = HeapStart;
    private readonly AddressRangePool _givenBack = new(GivenBackRanges);
    private ProgramImage _image;    // a counted program image whose frames this space maps

    private struct MemoryRegionEntry
    {
        public ulong Start;
        public ulong End;
        public PageFlags Flags;
    }

    private UserAddressSpace(PageTables tables, int id)
    {
        Tables = tables;
        Id = id;
    }

    public PageTables Tables { get; }

    /// <summary>Physical pages this address space owns (image, heap, stack and its page tables are not counted).</summary>
    public ulong MappedPages { get; private set; }

    /// <summary>Its number, and its PCID when PCIDs are on (see <see cref="AddressSpaceTags"/>).</summary>
    public int Id { get; }

    /// <summary>Where the CR3 value that selects this address space is kept, for its threads' contexts.</summary>
    public ulong* Cr3Slot => AddressSpaceTags.SlotOf(Id);

    // The larger array is filled before it replaces the old one: a page fault in between reads either.
    private bool GrowRegions()
    {
        int capacity = _regions.Length * 2 < MaxRegions ? _regions.Length * 2 : MaxRegions;
        var larger = new MemoryRegionEntry[capacity];
        for (int i = 0; i < _regionCount; i++)
            larger[i] = _regions[i];
        _regions = larger;
        return true;
    }

    public static UserAddressSpace Create()
    {
        PageTables tables = PageTables.Create(KernelAddressSpace.Memory, KernelAddressSpace.Tables);
        if (tables == null)
            return null;
        int id = AddressSpaceTags.Register(tables.RootPhysical);
        if (id == 0)
        {
            tables.FreeRoot();
            return null;
        }
        return new UserAddressSpace(tables, id);
    }

    /// <summary>
    /// Maps a fresh page whose contents are left as they were (the caller fills all of it) at the page
    /// <paramref name="cursor"/> finds next. False when out of memory.
    /// </summary>
    public bool MapUnclearedPage(ref LeafCursor cursor, ulong virtualAddress, PageFlags flags, out byte* contents)
    {
        contents = null;
        ulong* entry = cursor.EntryOf(virtualAddress);
        if (entry == null)
            return false;
        void* page = KernelPages.AllocateUncleared(1);
        if (page == null)
            return false;
        *entry = PageTableEntry.Make(AddressSpaceLayout.VirtualToPhysical((ulong)page), flags | PageFlags.User | PageFlags.Present);
        contents = (byte*)page;
        MappedPages++;
        return true;
    }

    /// <summary>
    /// Page-table bit (ignored by the CPU) marking a read-only page of a program image that every
    /// process running the program maps (<see cref="ProgramImage.IsShared"/>): never freed here, never written by the kernel.
    /// </summary>
    public const PageFlags SharedImage = (PageFlags)(1UL << 11);

    /// <summary>
    /// Maps a frame of a program image at <paramref name="virtualAddress"/> (the page <paramref name="cursor"/> finds next), read-only whatever
    /// <paramref name="flags"/> say. A <paramref name="shared"/> frame stays the image's (<see cref="SharedImage"/>);
    /// any other becomes this address space's own. False when out of memory.
    /// </summary>
    public bool MapImagePage(ref LeafCursor cursor, ulong virtualAddress, ulong physicalAddress, PageFlags flags, bool shared)
    {
        ulong* entry = cursor.EntryOf(virtualAddress);
        if (entry == null)
            return false;
        flags &= ~PageFlags.Writable;
        *entry = PageTableEntry.Make(physicalAddress, flags | PageFlags.User | PageFlags.Present | (shared ? SharedImage : PageFlags.None));
        if (!shared)
            MappedPages++;
        return true;
    }

    /// <summary>Keeps a counted program image's frames (<see cref="ProgramImage.IsCounted"/>) while this space maps them: a reference until <see cref="Destroy"/>.</summary>
    public void HoldImage(ProgramImage image)
    {
        image.AddReference();
        _image = image;
    }

    /// <summary>
    /// Replaces the <see cref="SharedImage"/> page at <paramref name="virtualAddress"/> with a copy of
    /// its own (same rights), so that changing it changes no other process; returns the copy's
    /// frame, or 0 when the page is not a shared image page or memory is short.
    /// </summary>
    public ulong PrivatizeImagePage(ulong virtualAddress)
    {
        ulong* entry = Tables.LeafEntry(virtualAddress & ~(PageSize - 1));
        if (entry == null || !PageTableEntry.IsPresent(*entry) || (PageTableEntry.FlagsOf(*entry) & SharedImage) == 0)
            return 0;
        void* copy = KernelPages.AllocateUncleared(1);
        if (copy == null)
            return 0;
        CopyBytes((byte*)copy, (byte*)AddressSpaceLayout.PhysicalToVirtual(PageTableEntry.AddressOf(*entry)), PageSize);
        ulong frame = AddressSpaceLayout.VirtualToPhysical((ulong)copy);
        *entry = PageTableEntry.Make(frame, PageTableEntry.FlagsOf(*entry) & ~SharedImage);
        MappedPages++;
        Forget(virtualAddress & ~(PageSize - 1));
        return frame;
    }

    /// <summary>Declares [start, end) as demand-zero memory with <paramref name="flags"/>.</summary>
    public bool AddRegion(ulong start, ulong end, PageFlags flags)
    {
        if (_regionCount == MaxRegions || start >= end || start < UserStart || end > UserEnd)
            return false;
        if (_regionCount == _regions.Length && !GrowRegions())
            return false;
        _regions[_regionCount++] = new MemoryRegionEntry { Start = start, End = end, Flags = flags | PageFlags.User };
        return true;
    }

    /// <summary>Reserves <paramref name="pages"/> of heap; returns the address or 0.</summary>
    public ulong ReserveHeap(ulong pages)
    {
        // Interrupts off: another thread of the process may map or unmap meanwhile (MapMemory, UnmapMemory,
        // a grant), and the pool of given-back ranges, the next fresh address and the regions are shared.
        using (InterruptsOff.Enter())
        {
            ulong start = TakeAddresses(pages);
            if (start == 0)
                return 0;
            if (!AddRegion(start, start + pages * PageSize, PageFlags.Writable | PageFlags.NoExecute))
            {
                GiveBackAddresses(start, pages);
                return 0;
            }
            return start;
        }
    }

    // Addresses for a reservation of 'pages' and the unmapped page after it (so running off one
    // is a fault): a range given back first, else fresh ones above the last. 0 when none are left.
    private ulong TakeAddresses(ulong pages)
    {
        if (pages == 0 || pages >= (UserEnd - HeapStart) / PageSize)
            return 0;
        ulong start = _givenBack.Take((pages + 1) * PageSize);
        if (start != 0)
            return start;
        if (pages > (UserEnd - _nextHeap) / PageSize - 1)
            return 0;
        start = _nextHeap;
        _nextHeap = start + (pages + 1) * PageSize;
        return start;
    }

    // The caller has unmapped every page of the range.
    private void GiveBackAddresses(ulong start, ulong pages) => _givenBack.Give(start, (pages + 1) * PageSize);

    /// <summary>Page-table bit (ignored by the CPU) marking a page lent by another process: never freed here.</summary>
    public const PageFlags Borrowed = (PageFlags)(1UL << 9);

    /// <summary>Reserves address space for pages lent by another process (mapped at once, not on demand); returns its start or 0.</summary>
    public ulong ReserveBorrowed(ulong pages) => TakeAddresses(pages);

    /// <summary>Removes borrowed pages reserved by <see cref="ReserveBorrowed"/> and gives their addresses back for reuse.</summary>
    public void ReleaseBorrowed(ulong start, ulong pages)
    {
        UnmapBorrowed(start, pages);
        GiveBackAddresses(start, pages);
    }

    /// <summary>Maps another process's frame at <paramref name="virtualAddress"/> (see <see cref="Borrowed"/>).</summary>
    public bool MapBorrowed(ulong virtualAddress, ulong physicalAddress, bool writable) =>
        Tables.Map(virtualAddress, physicalAddress, PageFlags.User | PageFlags.NoExecute | Borrowed | (writable ? PageFlags.Writable : PageFlags.None));

    /// <summary>Page-table bit (ignored by the CPU) marking a device's registers or framebuffer: the kernel never copies through it.</summary>
    public const PageFlags DeviceMemory = (PageFlags)(1UL << 10);

    /// <summary>
    /// Maps a page a device lends (a register page, framebuffer memory, a DMA buffer): it is
    /// <see cref="Borrowed"/>, so the device's owner, not this address space, gives it back.
    /// <paramref name="cache"/> holds the PWT/PCD bits; <paramref name="registers"/> marks pages
    /// that are not RAM, which system calls must not read or write through.
    /// </summary>
    public bool MapDevicePage(ulong virtualAddress, ulong physicalAddress, PageFlags cache, bool registers) =>
        Tables.Map(virtualAddress, physicalAddress,
            PageFlags.User | PageFlags.Writable | PageFlags.NoExecute | Borrowed | cache | (registers ? DeviceMemory : PageFlags.None));

    /// <summary>Removes borrowed pages (the lender keeps the frames).</summary>
    public void UnmapBorrowed(ulong start, ulong pages)
    {
        for (ulong page = start; page < start + pages * PageSize; page += PageSize)
        {
            Tables.Unmap(page);
            Forget(page);
        }
    }

    /// <summary>
    /// The physical frame behind a user page for lending it out, faulting in demand-zero
    /// pages; 0 when the page is not (writable, if asked) user memory. Borrowed pages cannot be lent on.
    /// </summary>
    public ulong FrameForLending(ulong virtualAddress, bool writable)
    {
        // One walk: the entry that passed the access checks also tells whether the page is borrowed.
        ulong entry = UserPageEntry(virtualAddress, writable);
        if (entry == 0 || (PageTableEntry.FlagsOf(entry) & Borrowed) != 0)
            return 0;
        return PageTableEntry.AddressOf(entry);
    }

    /// <summary>
    /// The kernel's view (through the direct map) of writable user memory at
    /// <paramref name="address"/> for up to <paramref name="length"/> bytes over physically
    /// contiguous pages, faulting in demand-zero ones, held (as <see cref="BeginLending"/> holds)
    /// so that no other thread of the process can release those pages while the kernel writes
    /// them, across a disk wait or a preemption. <paramref name="length"/> is cut to what is
    /// covered; end the hold with <see cref="EndWritableRun"/> of
    /// <paramref name="address"/> and the length asked for. Null, with nothing held, when the first
    /// page is not ordinary writable user memory (borrowed pages included) or no hold is free: the
    /// caller then copies through a buffer, whose checked copy reports a bad address.
    /// </summary>
    public byte* HoldWritableRun(ulong address, ref long length)
    {
        if (length <= 0 || address < UserStart || address >= UserEnd || (ulong)length > UserEnd - address)
            return null;
        ulong held = (ulong)length;
        // Held first, so no page can go between its check and the hold.
        if (!HoldForRead(address, held))
            return null;
        byte* run = WritableRun(address, ref length);
        if (run == null)
            EndWritableRun(address, held);
        return run;
    }

    /// <summary>
    /// As <see cref="HoldWritableRun"/> for all of [<paramref name="address"/>, +<paramref name="length"/>) or
    /// nothing (null; inside one page also when the page is not present yet), without a hold: only for a caller with interrupts off that writes the pages before
    /// it turns them on again (on this one CPU no other thread can release them meanwhile).
    /// </summary>
    public byte* WritableRunInterruptsOff(ulong address, long length)
    {
        if (length <= 0 || address < UserStart || address >= UserEnd || (ulong)length > UserEnd - address)
            return null;
        ulong offset = address & (PageSize - 1);
        if (offset + (ulong)length <= PageSize)
        {
            // Inside one page (a 4 KiB read into an aligned buffer): one walk and FrameForLending's checks in one
            // test. A page not there yet (demand-zero) is left to the caller's ordinary path, which faults it in.
            const PageFlags required = PageFlags.Present | PageFlags.User | PageFlags.Writable;
            ulong entry = Tables.Lookup(address);
            if ((PageTableEntry.FlagsOf(entry) & (required | PageFlags.Huge | Borrowed | DeviceMemory)) != required)
                return null;
            return (byte*)AddressSpaceLayout.PhysicalToVirtual(PageTableEntry.AddressOf(entry)) + offset;
        }
        return WholeWritableRun(address, length);
    }

    // WritableRunInterruptsOff over more than one page; a call of its own, so the one-page case needs no stack frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private byte* WholeWritableRun(ulong address, long length)
    {
        long covered = length;
        byte* run = WritableRun(address, ref covered);
        return covered == length ? run : null;
    }

    /// <summary>Ends a <see cref="HoldWritableRun"/> of <paramref name="address"/> for the <paramref name="length"/> asked for.</summary>
    public void EndWritableRun(ulong address, ulong length)
    {
        if (_readHoldEnd == (long)(address + length) && _readHoldStart == (long)address && _readHoldTaken != 0)
        {
            Volatile.Write(ref _readHoldEnd, 0);
            Volatile.Write(ref _readHoldTaken, 0);
            return;
        }
        EndLending(address, length);
    }

    // A file read's hold: the range of its own, taken by one compare-exchange rather than the
    // interrupts-off search of the lending slots (the cached 4 KiB read is a measured path). A second
    // read at once (another thread, while the first waits for a ring-3 server with the file-system
    // lock let go) takes a lending slot. The end is written last and cleared first, so a release,
    // which checks with interrupts off on this one CPU, sees the whole range or none.
    private int _readHoldTaken;
    private long _readHoldStart;   // user addresses, below 2^47
    private long _readHoldEnd;     // 0: none

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HoldForRead(ulong start, ulong length)
    {
        if (Interlocked.CompareExchange(ref _readHoldTaken, 1, 0) != 0)
            return HoldLent(start, length);
        _readHoldStart = (long)start;
        Volatile.Write(ref _readHoldEnd, (long)(start + length));
        return true;
    }

    // HoldWritableRun's walk, over a range it checked. Its pointer is good only while the pages are held.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* WritableRun(ulong address, ref long length)
    {
        ulong page = address & ~(PageSize - 1);
        ulong frame = FrameForLending(page, writable: true);
        if (frame == 0)
            return null;
        byte* start = (byte*)AddressSpaceLayout.PhysicalToVirtual(frame) + (address - page);
        ulong covered = page + PageSize - address;
        while (covered < (ulong)length && FrameForLending(page + PageSize, writable: true) == frame + PageSize)
        {
            page += PageSize;
            frame += PageSize;
            covered += PageSize;
        }
        if (covered < (ulong)length)
            length = (long)covered;
        return start;
    }

    // Ranges whose frames the kernel uses or lends out during a system call (BeginLending):
    // they cannot be released meanwhile, so no frame is freed while another process or the kernel still writes it.
    private const int MaxLendings = 64;
    private readonly ulong[] _lentStart = new ulong[MaxLendings];
    private readonly ulong[] _lentEnd = new ulong[MaxLendings];

    /// <summary>
    /// Keeps [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) from
    /// being released (UnmapMemory) until <see cref="EndLending(ulong, ulong)"/> of the same range, after faulting in every page
    /// of it and checking that each can be lent (<see cref="FrameForLending"/>, writable if asked).
    /// False when a page cannot, or too many ranges are held already: nothing is held then.
    /// </summary>
    public bool BeginLending(ulong start, ulong length, bool writable)
    {
        if (length == 0 || start < UserStart || start >= UserEnd || length > UserEnd - start)
            return false;
        // Held first, so no page can go between its check and the hold.
        if (!HoldLent(start, length))
            return false;
        for (ulong page = start & ~(PageSize - 1); page < start + length; page += PageSize)
        {
            if (FrameForLending(page, writable) == 0)
            {
                EndLending(start, length);
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Keeps [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) from being
    /// released until <see cref="EndLending(ulong, ulong)"/>, checking nothing (an IPC grant, whose pages
    /// were checked as they were mapped). False when too many ranges are held already.
    /// </summary>
    public bool HoldLent(ulong start, ulong length)
    {
        using (InterruptsOff.Enter())
        {
            int slot = 0;
            while (slot < MaxLendings && _lentEnd[slot] != 0)
                slot++;
            if (slot == MaxLendings)
                return false;
            _lentStart[slot] = start;
            _lentEnd[slot] = start + length;
            return true;
        }
    }

    /// <summary>
    /// Ends a hold of exactly [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// (by range, not by start alone: a call's grant and a file read may hold ranges that start at one address).
    /// </summary>
    public void EndLending(ulong start, ulong length)
    {
        using (InterruptsOff.Enter())
        {
            for (int i = 0; i < MaxLendings; i++)
            {
                if (_lentEnd[i] == start + length && _lentStart[i] == start)
                {
                    _lentEnd[i] = 0;
                    return;
                }
            }
        }
    }

    private bool IsLent(ulong start, ulong end)
    {
        if (_readHoldEnd != 0 && (ulong)_readHoldStart < end && start < (ulong)_readHoldEnd)
            return true;
        for (int i = 0; i < MaxLendings; i++)
        {
            if (_lentEnd[i] != 0 && _lentStart[i] < end && start < _lentEnd[i])
                return true;
        }
        return false;
    }

    /// <summary>Returns a heap reservation made by <see cref="ReserveHeap"/> exactly (not while it is lent, see <see cref="BeginLending"/>).</summary>
    public bool ReleaseHeap(ulong start, ulong pages)
    {
        // Interrupts off throughout: a lending cannot begin between the check and the freeing.
        using (InterruptsOff.Enter())
            return !IsLent(start, start + pages * PageSize) && ReleaseReservation(start, pages);
    }

    private bool ReleaseReservation(ulong start, ulong pages)
    {
        for (int i = 0; i < _regionCount; i++)
        {
            if (_regions[i].Start != start || _regions[i].End != start + pages * PageSize || start < HeapStart)
                continue;
            for (ulong page = start; page < start + pages * PageSize; page += PageSize)
                UnmapAndFree(page);
            _regions[i] = _regions[--_regionCount];
            GiveBackAddresses(start, pages);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Resolves a page fault at <paramref name="address"/> if it falls in a demand-zero
    /// region and the page is simply not there yet. False means the access was invalid.
    /// </summary>
    public bool HandlePageFault(ulong address, bool write)
    {
        int region = RegionOf(address);
        if (region < 0)
            return false;
        PageFlags flags = _regions[region].Flags;
        if (write && (flags & PageFlags.Writable) == 0)
            return false;
        // The last frames are the kernel's (see UserMemoryReserve): the program is out of memory.
        if (!UserMemoryReserve.MayTake(KernelPages.Frames.FreeFrames, 1))
            return false;
        // One walk: the leaf entry tells whether the page is there (then this is a protection
        // violation, not a missing page) and is where the new page goes.
        ulong* entry = Tables.LeafEntry(address & ~(PageSize - 1));
        if (entry == null || PageTableEntry.IsPresent(*entry))
            return false;
        void* page = KernelPages.Allocate(1);
        if (page == null)
            return false;
        *entry = PageTableEntry.Make(AddressSpaceLayout.VirtualToPhysical((ulong)page), flags | PageFlags.User | PageFlags.Present);
        MappedPages++;
        return true;
    }

    // The region holding address, or -1. The region of the last fault is tried first: a program
    // touching fresh pages faults again and again in the same block.
    private int RegionOf(ulong address)
    {
        int hint = _lastFaultRegion;
        if (hint < _regionCount && address >= _regions[hint].Start && address < _regions[hint].End)
            return hint;
        for (int i = 0; i < _regionCount; i++)
        {
            if (address >= _regions[i].Start && address < _regions[i].End)
            {
                _lastFaultRegion = i;
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// True when a fault at <paramref name="address"/> that <see cref="HandlePageFault"/> did not
    /// resolve was an allowed access to demand-zero memory: it failed only for want of a frame.
    /// </summary>
    public bool IsUnbackedDemandPage(ulong address, bool write)
    {
        if (PageTableEntry.IsPresent(Tables.Lookup(address & ~(PageSize - 1))))
            return false;
        for (int i = 0; i < _regionCount; i++)
        {
            if (address >= _regions[i].Start && address < _regions[i].End)
                return !write || (_regions[i].Flags & PageFlags.Writable) != 0;
        }
        return false;
    }

    /// <summary>The start of the lowest region that begins above <paramref name="address"/>, or 0.</summary>
    public ulong RegionStartAbove(ulong address)
    {
        ulong best = 0;
        for (int i = 0; i < _regionCount; i++)
        {
            ulong start = _regions[i].Start;
            if (start > address && (best == 0 || start < best))
                best = start;
        }
        return best;
    }

    /// <summary>Copies from user memory; false (copying nothing further) when any byte is not readable user memory.</summary>
    public bool CopyFromUser(void* destination, ulong source, ulong length) => Copy((byte*)destination, source, length, toUser: false);

    /// <summary>Copies to user memory; false when any byte is not writable user memory.</summary>
    public bool CopyToUser(ulong destination, void* source, ulong length) => Copy((byte*)source, destination, length, toUser: true);

    /// <summary>
    /// Reads the aligned 8 bytes at <paramref name="address"/> if a present user page holds them,
    /// faulting nothing in and allocating nothing: safe in an interrupt handler (the profiler's
    /// frame-pointer walk). False for anything else.
    /// </summary>
    public bool TryReadPresentWord(ulong address, out ulong value)
    {
        value = 0;
        if ((address & 7) != 0 || address < UserStart || address >= UserEnd)
            return false;
        ulong entry = Tables.Lookup(address);
        if (!PageTableEntry.IsPresent(entry) || PageTableEntry.IsHuge(entry) || (PageTableEntry.FlagsOf(entry) & PageFlags.User) == 0)
            return false;
        value = *(ulong*)((byte*)AddressSpaceLayout.PhysicalToVirtual(PageTableEntry.AddressOf(entry)) + (address & (PageSize - 1)));
        return true;
    }

    /// <summary>True when [address, address + length) is all readable user memory (demand-zero pages are faulted in).</summary>
    public bool IsReadable(ulong address, ulong length)
    {
        if (length == 0)
            return true;
        if (address < UserStart || address >= UserEnd || length > UserEnd - address)
            return false;
        for (ulong page = address & ~(PageSize - 1); page < address + length; page += PageSize)
        {
            if (UserPageContents(page, needWrite: false) == null)
                return false;
        }
        return true;
    }

    /// <summary>True when [address, address + length) is all writable user memory (demand-zero pages are faulted in).</summary>
    public bool IsWritable(ulong address, ulong length)
    {
        if (length == 0)
            return true;
        if (address < UserStart || address >= UserEnd || length > UserEnd - address)
            return false;
        for (ulong page = address & ~(PageSize - 1); page < address + length; page += PageSize)
        {
            if (UserPageContents(page, needWrite: true) == null)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Copies straight from one address space to another (both reached through the direct
    /// map): the single copy of a message payload. False when either range is not
    /// (readable, respectively writable) user memory. Called with interrupts off (the IPC
    /// engine's seam), so no thread of either process can unmap a page between its lookup and its copy.
    /// </summary>
    public static bool CopyBetween(UserAddressSpace source, ulong sourceAddress, UserAddressSpace destination, ulong destinationAddress, ulong length)
    {
        if (length == 0)
            return true;
        if (sourceAddress < UserStart || sourceAddress >= UserEnd || length > UserEnd - sourceAddress
            || destinationAddress < UserStart || destinationAddress >= UserEnd || length > UserEnd - destinationAddress)
            return false;
        ulong done = 0;
        while (done < length)
        {
            ulong from = sourceAddress + done;
            ulong to = destinationAddress + done;
            byte* sourcePage = source.UserPageContents(from, needWrite: false);
            byte* destinationPage = destination.UserPageContents(to, needWrite: true);
            if (sourcePage == null || destinationPage == null)
                return false;
            ulong sourceOffset = from & (PageSize - 1);
            ulong destinationOffset = to & (PageSize - 1);
            ulong chunk = PageSize - (sourceOffset > destinationOffset ? sourceOffset : destinationOffset);
            if (chunk > length - done)
                chunk = length - done;
            CopyBytes(destinationPage + destinationOffset, sourcePage + sourceOffset, chunk);
            done += chunk;
        }
        return true;
    }

    /// <summary>Frees every page this address space maps and its page tables. Never call it on the live address space.</summary>
    public void Destroy()
    {
        s_freeing = this;
        Tables.ForEachUserPage(&FreeMappedPage);
        s_freeing = null;
        Tables.FreeUserTables();
        Tables.FreeRoot();
        AddressSpaceTags.Unregister(Id);
        _regionCount = 0;
        _image?.Release();  // its frames are unmapped now
        _image = null;
    }

    private static UserAddressSpace s_freeing;

    private static void FreeMappedPage(ulong virtualAddress, ulong entry)
    {
        if ((PageTableEntry.FlagsOf(entry) & (Borrowed | SharedImage)) != 0)
            return; // lent by another process, which frees it, or a program image's
        KernelPages.FreeFrames(PageTableEntry.AddressOf(entry));
        s_freeing.MappedPages--;
    }

    private bool Copy(byte* kernel, ulong user, ulong length, bool toUser)
    {
        if (length == 0)
            return true;
        if (user < UserStart || user >= UserEnd || length > UserEnd - user)
            return false;
        ulong done = 0;
        while (done < length)
        {
            ulong address = user + done;
            ulong offset = address & (PageSize - 1);
            ulong chunk = PageSize - offset;
            if (chunk > length - done)
                chunk = length - done;
            // Interrupts off from the page's lookup to the end of its copy: preempted in between, this
            // thread could let another of the process unmap the page (UnmapMemory), and the copy would
            // then write a frame the kernel has taken back and may have given to someone else.
            using (InterruptsOff.Enter())
            {
                byte* mapped = UserPageContents(address, toUser);
                if (mapped == null)
                    return false;
                if (toUser)
                    CopyBytes(mapped + offset, kernel + done, chunk);
                else
                    CopyBytes(kernel + done, mapped + offset, chunk);
            }
            done += chunk;
        }
        return true;
    }

    // The kernel's view (direct map) of the user page holding `address`, faulting it in if it is demand-zero.
    private byte* UserPageContents(ulong address, bool needWrite)
    {
        ulong entry = UserPageEntry(address, needWrite);
        return entry == 0 ? null : (byte*)AddressSpaceLayout.PhysicalToVirtual(PageTableEntry.AddressOf(entry));
    }

    // The leaf entry of ordinary (user, not device) memory at 'address', writable if asked,
    // faulting in demand-zero pages; 0 when there is none.
    private ulong UserPageEntry(ulong address, bool needWrite)
    {
        ulong entry = Tables.Lookup(address);
        if (!PageTableEntry.IsPresent(entry))
        {
            // As a fault from ring 3 is handled: with interrupts off, so another thread of the process
            // cannot release the region between the check that the address is in it and the new page.
            bool mapped;
            using (InterruptsOff.Enter())
                mapped = HandlePageFault(address, needWrite);
            if (mapped)
                entry = Tables.Lookup(address);
        }
        PageFlags flags = PageTableEntry.FlagsOf(entry);
        if (!PageTableEntry.IsPresent(entry) || (flags & PageFlags.User) == 0 || (needWrite && (flags & PageFlags.Writable) == 0)
            || (flags & DeviceMemory) != 0)
            return 0;
        return entry;
    }

    private void UnmapAndFree(ulong page)
    {
        ulong entry = Tables.Unmap(page);
        if (!PageTableEntry.IsPresent(entry))
            return;
        Forget(page);
        if ((PageTableEntry.FlagsOf(entry) & (Borrowed | SharedImage)) != 0)
            return;
        KernelPages.FreeFrames(PageTableEntry.AddressOf(entry));
        MappedPages--;
    }

    // Drops a removed page from the TLB: INVLPG reaches only the loaded space's entries, so
    // when another space is loaded this one's entries are dropped at its next load instead.
    private void Forget(ulong page)
    {
        Cpu.InvalidatePage(page);
        if (!AddressSpaceTags.IsLoaded(Id, Cpu.ReadCr3()))
            AddressSpaceTags.MarkStale(Id);
    }

    private static void CopyBytes(byte* destination, byte* source, ulong count) =>
        System.SpanHelpers.Memmove(destination, source, (nuint)count);
}
