using CosmosHybrid.Memory;

namespace CosmosHybrid.Memory.Paging;

/// <summary>Page tables in physical frames, reached through the direct map.</summary>
internal sealed unsafe class KernelPageTableMemory : IPageTableMemory
{
    public bool TryAllocateTable(out ulong physicalAddress)
    {
        void* page = KernelPages.Allocate(1);
        physicalAddress = page == null ? 0 : AddressSpaceLayout.VirtualToPhysical((ulong)page);
        return page != null;
    }

    public void FreeTable(ulong physicalAddress) => KernelPages.Free(AddressSpaceLayout.PhysicalToVirtual(physicalAddress), 1);

    public ulong* Table(ulong physicalAddress) => (ulong*)AddressSpaceLayout.PhysicalToVirtual(physicalAddress);

    public ulong TableOffset => AddressSpaceLayout.DirectMapBase;
}
