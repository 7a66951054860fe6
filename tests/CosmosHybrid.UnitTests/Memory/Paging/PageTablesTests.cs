using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CosmosHybrid.Memory.Paging;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory.Paging;

// Run twice: tables reached through IPageTableMemory.Table, and through a direct map (TableOffset), the kernel's way.
[TestFixture(false)]
[TestFixture(true)]
public unsafe class PageTablesTests
{
    private readonly bool _directMapped;

    public PageTablesTests(bool directMapped) => _directMapped = directMapped;

    /// <summary>
    /// Simulated physical memory for page tables: frames are native allocations keyed by a fake address, or,
    /// direct-mapped, frames of one arena at a fixed offset from their fake address.
    /// </summary>
    private sealed class FakeTableMemory : IPageTableMemory, IDisposable
    {
        private const ulong FirstFrame = 0x100000;
        private const int ArenaFrames = 256;
        private readonly Dictionary<ulong, IntPtr> _frames = new();
        private readonly byte* _arena;
        private ulong _next = FirstFrame;

        public FakeTableMemory(bool directMapped)
        {
            if (directMapped)
                _arena = (byte*)NativeMemory.AlignedAlloc(ArenaFrames * 4096, 4096);
        }

        public ulong TableOffset => _arena == null ? 0 : (ulong)_arena - FirstFrame;

        public int Limit { get; set; } = int.MaxValue;

        public int LiveTables => _frames.Count;

        public bool TryAllocateTable(out ulong physicalAddress)
        {
            physicalAddress = 0;
            if (_frames.Count >= Limit)
                return false;
            if (_arena != null && _next >= FirstFrame + ArenaFrames * 4096UL)
                return false;
            physicalAddress = _next;
            _next += 4096;
            if (_arena != null)
            {
                byte* frame = _arena + (physicalAddress - FirstFrame);
                new Span<byte>(frame, 4096).Clear();
                _frames[physicalAddress] = (IntPtr)frame;
            }
            else
            {
                _frames[physicalAddress] = (IntPtr)NativeMemory.AllocZeroed(4096);
            }
            return true;
        }

        public void FreeTable(ulong physicalAddress)
        {
            Assert.That(_frames.Remove(physicalAddress, out IntPtr frame), Is.True, $"freeing unknown table 0x{physicalAddress:x}");
            if (_arena == null)
                NativeMemory.Free((void*)frame);
        }

        public ulong* Table(ulong physicalAddress) => (ulong*)_frames[physicalAddress];

        public void Dispose()
        {
            if (_arena != null)
            {
                NativeMemory.AlignedFree(_arena);
                return;
            }
            foreach (IntPtr frame in _frames.Values)
                NativeMemory.Free((void*)frame);
        }
    }

    private FakeTableMemory _memory;

    [SetUp]
    public void CreateMemory() => _memory = new FakeTableMemory(_directMapped);

    [TearDown]
    public void FreeMemory() => _memory.Dispose();

    [Test]
    public void IndicesSplitTheAddressIntoNineBitFields()
    {
        ulong address = 0x0000_7F12_3456_7000;
        Assert.That(PageTableEntry.Index(address, 4), Is.EqualTo((int)((address >> 39) & 0x1FF)));
        Assert.That(PageTableEntry.Index(address, 1), Is.EqualTo((int)((address >> 12) & 0x1FF)));
        Assert.That(PageTableEntry.Index(0xFFFF_FFFF_8000_0000, 4), Is.EqualTo(511));
        Assert.That(PageTableEntry.Index(0xFFFF_FFFF_8000_0000, 3), Is.EqualTo(510));
    }

    [Test]
    public void CanonicalAddressesAreRecognised()
    {
        Assert.That(PageTableEntry.IsCanonical(0x0000_7FFF_FFFF_F000), Is.True);
        Assert.That(PageTableEntry.IsCanonical(0xFFFF_8000_0000_0000), Is.True);
        Assert.That(PageTableEntry.IsCanonical(0x0000_8000_0000_0000), Is.False);
        Assert.That(PageTableEntry.IsCanonical(0x1234_0000_0000_0000), Is.False);
    }

    [Test]
    public void LeafEntryCreatesTheTablesAndIsTheSlotALookupReads()
    {
        PageTables tables = PageTables.Create(_memory, null);
        ulong* entry = tables.LeafEntry(0x7000_1000);
        Assert.That(entry != null, Is.True);
        Assert.That(*entry, Is.EqualTo(0UL));
        Assert.That(tables.Lookup(0x7000_1000), Is.EqualTo(0UL));

        *entry = PageTableEntry.Make(0x9000_0000, PageFlags.User | PageFlags.Present);
        Assert.That(PageTableEntry.AddressOf(tables.Lookup(0x7000_1234)), Is.EqualTo(0x9000_0000UL));
        Assert.That(tables.LeafEntry(0x7000_1000) == entry, Is.True, "a second walk finds the same slot");
        Assert.That(tables.LeafEntry(0x0000_8000_0000_0000) == null, Is.True, "a non-canonical address has no slot");
    }

    [Test]
    public void MapLookupUnmapRoundTrip()
    {
        PageTables tables = PageTables.Create(_memory, null);
        Assert.That(tables.Map(0x400000, 0x8000_0000, PageFlags.User | PageFlags.Writable | PageFlags.NoExecute), Is.True);

        ulong entry = tables.Lookup(0x400123);
        Assert.That(PageTableEntry.AddressOf(entry), Is.EqualTo(0x8000_0000UL));
        PageFlags flags = PageTableEntry.FlagsOf(entry);
        Assert.That(flags.HasFlag(PageFlags.Present | PageFlags.User | PageFlags.Writable | PageFlags.NoExecute), Is.True);
        Assert.That(_memory.LiveTables, Is.EqualTo(4), "PML4, PDPT, PD and PT");

        Assert.That(tables.Unmap(0x400000), Is.EqualTo(entry));
        Assert.That(tables.Lookup(0x400000), Is.Zero);
        Assert.That(tables.Unmap(0x400000), Is.Zero, "nothing left to unmap");
    }

    [Test]
    public void IntermediateEntriesAreUserAccessibleOnlyInTheLowerHalf()
    {
        PageTables tables = PageTables.Create(_memory, null);
        tables.Map(0x1000, 0x5000, PageFlags.User);
        tables.Map(0xFFFF_8000_0010_0000, 0x6000, PageFlags.Writable);

        ulong* root = _memory.Table(tables.RootPhysical);
        Assert.That(PageTableEntry.FlagsOf(root[0]).HasFlag(PageFlags.User), Is.True);
        Assert.That(PageTableEntry.FlagsOf(root[256]).HasFlag(PageFlags.User), Is.False);
    }

    [Test]
    public void LargePagesAreFoundAndBlock4KMappingsUnderThem()
    {
        PageTables tables = PageTables.Create(_memory, null);
        Assert.That(tables.MapLarge(0xFFFF_8000_0000_0000, 0, PageFlags.Writable), Is.True);

        ulong entry = tables.Lookup(0xFFFF_8000_0012_3456);
        Assert.That(PageTableEntry.IsHuge(entry), Is.True);
        Assert.That(tables.Map(0xFFFF_8000_0010_0000, 0x1000, PageFlags.Writable), Is.False);
    }

    [Test]
    public void NewAddressSpacesShareTheKernelHalf()
    {
        PageTables kernel = PageTables.Create(_memory, null);
        kernel.Map(0xFFFF_FFFF_8010_0000, 0x100000, PageFlags.Global);
        PageTables process = PageTables.Create(_memory, kernel);
        kernel.Map(0xFFFF_FFFF_8010_1000, 0x101000, PageFlags.Global);   // added later, same PDPT

        Assert.That(process.Lookup(0xFFFF_FFFF_8010_0000), Is.Not.Zero);
        Assert.That(process.Lookup(0xFFFF_FFFF_8010_1000), Is.Not.Zero, "later kernel mappings are visible");
        process.Map(0x400000, 0x200000, PageFlags.User);
        Assert.That(kernel.Lookup(0x400000), Is.Zero, "user mappings stay private");
    }

    [Test]
    public void FreeingUserTablesReleasesEverythingButTheSharedKernelHalf()
    {
        PageTables kernel = PageTables.Create(_memory, null);
        kernel.Map(0xFFFF_FFFF_8010_0000, 0x100000, PageFlags.Global);
        int kernelTables = _memory.LiveTables;

        PageTables process = PageTables.Create(_memory, kernel);
        for (ulong page = 0; page < 600; page++)
            process.Map(0x400000 + page * 4096, 0x1000_0000 + page * 4096, PageFlags.User);
        process.Map(0x7FFF_FFFF_0000, 0x2000_0000, PageFlags.User);

        var visited = new List<ulong>();
        delegate*<ulong, ulong, void> visit = &Record;
        s_visited = visited;
        process.ForEachUserPage(visit);
        Assert.That(visited, Has.Count.EqualTo(601));
        Assert.That(visited, Does.Contain(0x7FFF_FFFF_0000UL));

        process.FreeUserTables();
        process.FreeRoot();
        Assert.That(_memory.LiveTables, Is.EqualTo(kernelTables));
        Assert.That(kernel.Lookup(0xFFFF_FFFF_8010_0000), Is.Not.Zero);
    }

    [Test]
    public void AHierarchyWithMoreTablesThanItRecordsIsStillVisitedAndFreedWhole()
    {
        PageTables kernel = PageTables.Create(_memory, null);
        kernel.Map(0xFFFF_FFFF_8010_0000, 0x100000, PageFlags.Global);
        int kernelTables = _memory.LiveTables;

        // One page in each of 80 different 2 MiB blocks: 80 page tables, more than the records hold.
        PageTables process = PageTables.Create(_memory, kernel);
        const int Blocks = PageTables.MaxRecordedUserTables + 16;
        for (ulong block = 0; block < Blocks; block++)
            process.Map(0x4000_0000 + block * PageTables.LargePageSize, 0x1000_0000 + block * 4096, PageFlags.User);

        var visited = new List<ulong>();
        s_visited = visited;
        process.ForEachUserPage(&Record);
        Assert.That(visited, Has.Count.EqualTo(Blocks));
        Assert.That(visited, Is.Unique);

        process.FreeUserTables();
        process.FreeRoot();
        Assert.That(_memory.LiveTables, Is.EqualTo(kernelTables));
    }

    [Test]
    public void RecordedTablesGiveTheSamePagesAsAWalk()
    {
        // Scattered mappings across the user half (stack top, heap, image), with some unmapped again.
        PageTables process = PageTables.Create(_memory, null);
        var expected = new SortedSet<ulong>();
        ulong[] bases = { 0x400000, 0x1000_0000_0000, 0x7FFF_FFF0_0000 - 0x10000, 0x40_0000_0000 };
        foreach (ulong start in bases)
        {
            for (ulong page = 0; page < 20; page++)
            {
                ulong address = start + page * 4096;
                process.Map(address, 0x2000_0000 + page * 4096, PageFlags.User);
                expected.Add(address);
            }
        }
        process.Unmap(0x400000 + 3 * 4096);
        expected.Remove(0x400000 + 3 * 4096);

        var visited = new List<ulong>();
        s_visited = visited;
        process.ForEachUserPage(&Record);
        Assert.That(new SortedSet<ulong>(visited), Is.EqualTo(expected));
        Assert.That(visited, Has.Count.EqualTo(expected.Count));

        process.FreeUserTables();
        Assert.That(_memory.LiveTables, Is.EqualTo(1), "only the root is left");
        process.Map(0x400000, 0x3000, PageFlags.User);
        visited.Clear();
        process.ForEachUserPage(&Record);
        Assert.That(visited, Is.EqualTo(new[] { 0x400000UL }), "a hierarchy freed and used again records afresh");
        process.FreeUserTables();
        process.FreeRoot();
        Assert.That(_memory.LiveTables, Is.Zero);
    }

    [Test]
    public void ALeafCursorFindsTheSameEntriesAsAWalkAcrossPageTables()
    {
        PageTables tables = PageTables.Create(_memory, null);
        var cursor = new LeafCursor(tables);
        // Consecutive pages over a 2 MiB boundary (two page tables), then a jump back into the first.
        ulong start = 0x400000 + PageTables.LargePageSize - 3 * 4096;
        for (ulong page = start; page < start + 6 * 4096; page += 4096)
            Assert.That(cursor.EntryOf(page) == tables.LeafEntry(page), Is.True, $"entry of 0x{page:x}");
        Assert.That(cursor.EntryOf(0x400000) == tables.LeafEntry(0x400000), Is.True, "a page that does not follow the last is walked to");
        Assert.That(cursor.EntryOf(0x402000) == tables.LeafEntry(0x402000), Is.True, "nor does one that skips a page");
        Assert.That(_memory.LiveTables, Is.EqualTo(5), "PML4, PDPT, PD and two page tables");
    }

    [Test]
    public void RunningOutOfTableMemoryFailsTheMapping()
    {
        PageTables tables = PageTables.Create(_memory, null);
        _memory.Limit = 2;
        Assert.That(tables.Map(0x400000, 0x1000, PageFlags.User), Is.False);
        Assert.That(tables.Map(0x0000_8000_0000_0000, 0x1000, PageFlags.User), Is.False, "non-canonical");
    }

    [ThreadStatic]
    private static List<ulong> s_visited;

    private static void Record(ulong virtualAddress, ulong entry) => s_visited.Add(virtualAddress);
}
