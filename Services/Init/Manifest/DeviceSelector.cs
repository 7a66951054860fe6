namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>How a manifest names a device: a PCI class, a PCI vendor:device pair, or a legacy name.</summary>
internal enum DeviceSelectorKind
{
    PciClass,
    PciId,
    Legacy,
    /// <summary>The disk set aside for a mount point's ring-3 file server (<c>disk=/disk</c>): a block handle.</summary>
    Disk,
}

/// <summary>
/// One `device` word: <c>class=02</c> or <c>class=0200</c> (PCI class, optionally with subclass),
/// <c>pci=8086:100e</c> (vendor:device, hexadecimal), <c>disk=/disk</c> (the disk the kernel set aside for that
/// mount point, as a block-device handle), or a legacy name (<c>i8042</c>, <c>framebuffer</c>).
/// </summary>
internal readonly struct DeviceSelector
{
    public DeviceSelector(DeviceSelectorKind kind, int classCode, int subclass, int vendorId, int deviceId, string legacyName)
    {
        Kind = kind;
        ClassCode = classCode;
        Subclass = subclass;
        VendorId = vendorId;
        DeviceId = deviceId;
        LegacyName = legacyName;
    }

    public DeviceSelectorKind Kind { get; }

    public int ClassCode { get; }

    /// <summary>-1 when any subclass matches.</summary>
    public int Subclass { get; }

    public int VendorId { get; }

    public int DeviceId { get; }

    /// <summary>The legacy device's name, or for <see cref="DeviceSelectorKind.Disk"/> the mount point.</summary>
    public string LegacyName { get; }

    public override string ToString() => Kind switch
    {
        DeviceSelectorKind.PciClass => Subclass < 0 ? "class=" + ManifestParser.Hex(ClassCode, 2) : "class=" + ManifestParser.Hex(ClassCode, 2) + ManifestParser.Hex(Subclass, 2),
        DeviceSelectorKind.PciId => "pci=" + ManifestParser.Hex(VendorId, 4) + ":" + ManifestParser.Hex(DeviceId, 4),
        DeviceSelectorKind.Disk => "disk=" + LegacyName,
        _ => LegacyName,
    };
}
