namespace CosmosHybrid.Storage.Placement;

/// <summary>Where a mounted FAT volume is served: by the kernel's FAT engine, or by the ring-3 file server `fs`.</summary>
public enum VolumePlacement
{
    Kernel,
    RingThree,
}
