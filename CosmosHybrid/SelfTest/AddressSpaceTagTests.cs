using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Processes;
using Internal.Runtime.GC;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// The CR3 slots of user address spaces (AddressSpaceTags): what a first switch loads, and
/// that removing a page from a space that is not loaded makes its next switch flush.
/// QEMU's TCG has no PCIDs, so on it this checks the bookkeeping, not the TLB.
/// </summary>
internal static unsafe class AddressSpaceTagTests
{
    public static void Run()
    {
        Begin("address space tags");
        ulong freeBefore = KernelPages.Frames.FreeFrames;
        long heapBefore = (long)GCHeap.SegmentBytes;
        UserAddressSpace first = UserAddressSpace.Create();
        UserAddressSpace second = UserAddressSpace.Create();
        Check(first != null && second != null, "two address spaces created");
        if (first == null || second == null)
            return;

        Check(first.Id != second.Id && first.Id > 0 && second.Id > 0, "distinct ids " + first.Id.ToString() + " and " + second.Id.ToString());
        ulong expected = first.Tables.RootPhysical | (AddressSpaceTags.PcidsEnabled ? (ulong)first.Id : 0);
        Check(*first.Cr3Slot == expected, "the first switch loads the root" + (AddressSpaceTags.PcidsEnabled ? " and the PCID" : "") + ", flushing");
        Check(!AddressSpaceTags.IsLoaded(first.Id, Cpu.ReadCr3()), "a new space is not loaded");

        // As if the space had been loaded once with PCIDs: switch_context would have set the no-flush bit.
        *first.Cr3Slot |= AddressSpaceTags.NoFlushBit;
        void* page = KernelPages.Allocate(1);
        ulong address = UserAddressSpace.HeapStart;
        bool mapped = page != null && first.MapBorrowed(address, AddressSpaceLayout.VirtualToPhysical((ulong)page), writable: true);
        Check(mapped, "a page mapped into the space");
        first.UnmapBorrowed(address, 1);
        Check((*first.Cr3Slot & AddressSpaceTags.NoFlushBit) == 0, "removing it while another space is loaded makes the next switch flush");
        if (page != null)
            KernelPages.Free(page, 1);

        int firstId = first.Id;
        first.Destroy();
        second.Destroy();
        Check(*AddressSpaceTags.SlotOf(firstId) == 0, "a destroyed space's slot is cleared");
        long heapFrames = HeapFramesSince(heapBefore);
        Equal((long)freeBefore, (long)KernelPages.Frames.FreeFrames + heapFrames,
            "free frames, plus the heap's growth (" + heapFrames.ToString() + " frames), after both spaces are gone");
    }
}
