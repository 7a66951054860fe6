namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>How a manifest names a device: a PCI class, a PCI vendor:device pair, or a legacy name.</summary>
internal enum DeviceSelectorKind
{
    PciClass,
    PciId,
    Legacy,
}

/// <summary>
/// One `device` word: <c>class=02</c> or <c>class=0200</c> (PCI class, optionally with subclass),
/// <c>pci=8086:100e</c> (vendor:device, hexadecimal), or a legacy name (<c>i8042</c>, <c>framebuffer</c>).
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

    public string LegacyName { get; }

    public override string ToString() => Kind switch
    {
        DeviceSelectorKind.PciClass => Subclass < 0 ? "class=" + ManifestParser.Hex(ClassCode, 2) : "class=" + ManifestParser.Hex(ClassCode, 2) + ManifestParser.Hex(Subclass, 2),
        DeviceSelectorKind.PciId => "pci=" + ManifestParser.Hex(VendorId, 4) + ":" + ManifestParser.Hex(DeviceId, 4),
        _ => LegacyName,
    };
}
