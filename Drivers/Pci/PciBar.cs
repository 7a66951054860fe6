namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// One decoded base address register: the address range a device function answers
/// to. Decoding is pure arithmetic on the values read from configuration space (the
/// register itself and what it reads back after all ones were written to it), so it
/// is tested on the host.
/// </summary>
public readonly struct PciBar
{
    private const uint IoSpaceBit = 0x1;
    private const uint MemoryTypeMask = 0x6;
    private const uint MemoryType64 = 0x4;
    private const uint PrefetchableBit = 0x8;
    private const uint IoAddressMask = 0xFFFF_FFFC;
    private const uint MemoryAddressMask = 0xFFFF_FFF0;

    public PciBar(PciBarKind kind, ulong address, ulong size, bool prefetchable)
    {
        Kind = kind;
        Address = address;
        Size = size;
        Prefetchable = prefetchable;
    }

    public PciBarKind Kind { get; }

    /// <summary>Base address: a port number for <see cref="PciBarKind.Io"/>, a physical address for memory.</summary>
    public ulong Address { get; }

    /// <summary>Length of the range in bytes (or ports); 0 when the size could not be probed.</summary>
    public ulong Size { get; }

    public bool Prefetchable { get; }

    public bool IsMemory => Kind == PciBarKind.Memory32 || Kind == PciBarKind.Memory64;

    /// <summary>True when the low register says the BAR is the first half of a 64-bit memory BAR.</summary>
    public static bool Is64BitMemory(uint low) => (low & IoSpaceBit) == 0 && (low & MemoryTypeMask) == MemoryType64;

    /// <summary>
    /// Decodes a BAR from its value (<paramref name="low"/>, and <paramref name="high"/> for the
    /// upper half of a 64-bit BAR) and the values read back after writing all ones
    /// (<paramref name="lowProbe"/>, <paramref name="highProbe"/>). Hard-wired zero bits in the
    /// read-back give the size: the range is naturally aligned to its power-of-two length.
    /// </summary>
    public static PciBar Decode(uint low, uint high, uint lowProbe, uint highProbe)
    {
        if ((low & IoSpaceBit) != 0)
        {
            uint mask = lowProbe & IoAddressMask;
            if (mask == 0)
                return new PciBar(PciBarKind.None, 0, 0, false);
            // I/O BARs may leave bits 31:16 hard-wired to zero: the port space is 64 KiB.
            if ((mask & 0xFFFF_0000) == 0)
                mask |= 0xFFFF_0000;
            return new PciBar(PciBarKind.Io, low & IoAddressMask, ~mask + 1, false);
        }

        bool prefetchable = (low & PrefetchableBit) != 0;
        if ((low & MemoryTypeMask) == MemoryType64)
        {
            ulong address = ((ulong)high << 32) | (low & MemoryAddressMask);
            ulong mask64 = ((ulong)highProbe << 32) | (lowProbe & MemoryAddressMask);
            if (mask64 == 0)
                return new PciBar(PciBarKind.None, 0, 0, false);
            return new PciBar(PciBarKind.Memory64, address, ~mask64 + 1, prefetchable);
        }

        uint mask32 = lowProbe & MemoryAddressMask;
        if (mask32 == 0)
            return new PciBar(PciBarKind.None, 0, 0, false);
        return new PciBar(PciBarKind.Memory32, low & MemoryAddressMask, (ulong)(~mask32 + 1), prefetchable);
    }

    /// <summary>"mem 0xfebf1000 (4 KiB)", "io 0x1f0 (8)", "mem64 0x... pf (16 KiB)".</summary>
    public override string ToString()
    {
        if (Kind == PciBarKind.None)
            return "none";
        string kind = Kind == PciBarKind.Io ? "io" : Kind == PciBarKind.Memory64 ? "mem64" : "mem";
        string size = Kind == PciBarKind.Io ? Size.ToString()
            : Size >= 1024 * 1024 ? (Size / (1024 * 1024)).ToString() + " MiB"
            : Size >= 1024 ? (Size / 1024).ToString() + " KiB"
            : Size.ToString() + " B";
        return kind + " 0x" + Address.ToString("x") + (Prefetchable ? " pf" : "") + " (" + size + ")";
    }
}
