namespace CosmosHybrid.Services.Abi.FileServer;

/// <summary>What PlaceVolume did (its non-negative results).</summary>
public enum PlacementOutcome : long
{
    /// <summary>The kernel unmounted the volume and set its disk aside: a file server may now open and attach it.</summary>
    Moved = 0,
    /// <summary>The volume is already served from there (or set aside for it); nothing changed.</summary>
    AlreadyThere = 1,
    /// <summary>A boot option names this mount point, and the boot option wins; nothing changed.</summary>
    BootOptionDecides = 2,
}
