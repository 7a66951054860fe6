namespace CosmosHybrid.Services.Abi.FileServer;

/// <summary>Where a mounted volume is served, as ListMounts reports it in <see cref="MountInfo.Placement"/>.</summary>
public enum MountPlacement : long
{
    /// <summary>By the kernel's own file system code.</summary>
    Kernel = 0,
    /// <summary>By a ring-3 file server, the kernel forwarding each operation.</summary>
    RingThree = 1,
    /// <summary>Placed in ring 3, but no server answers now (starting, restarting or gone).</summary>
    RingThreeDown = 2,
}
