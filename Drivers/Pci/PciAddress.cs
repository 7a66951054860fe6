namespace CosmosHybrid.Drivers.Pci;

/// <summary>Where a PCI function sits: bus (0–255), device (0–31) and function (0–7).</summary>
public readonly struct PciAddress
{
    public PciAddress(int bus, int device, int function)
    {
        Bus = (byte)bus;
        Device = (byte)(device & 0x1F);
        Function = (byte)(function & 0x7);
    }

    public byte Bus { get; }

    public byte Device { get; }

    public byte Function { get; }

    /// <summary>The lspci form "bb:dd.f" in hexadecimal.</summary>
    public override string ToString() =>
        ((uint)Bus).ToString("x2") + ":" + ((uint)Device).ToString("x2") + "." + ((uint)Function).ToString("x");
}
