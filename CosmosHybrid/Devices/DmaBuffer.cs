namespace CosmosHybrid.Devices;

/// <summary>Physically contiguous, pinned memory a driver got for its device's DMA, and where the driver sees it.</summary>
internal sealed class DmaBuffer
{
    public DmaBuffer(ulong userAddress, ulong physicalAddress, ulong pages, DmaBuffer next)
    {
        UserAddress = userAddress;
        PhysicalAddress = physicalAddress;
        Pages = pages;
        Next = next;
    }

    public ulong UserAddress { get; }

    public ulong PhysicalAddress { get; }

    public ulong Pages { get; }

    public DmaBuffer Next { get; }
}
