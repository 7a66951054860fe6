namespace CosmosHybrid.Boot.Multiboot2;

/// <summary>Memory-map entry types as Multiboot2 (and the BIOS E820 map) number them.</summary>
public enum MemoryRegionType : uint
{
    Available = 1,
    Reserved = 2,
    AcpiReclaimable = 3,
    AcpiNvs = 4,
    Defective = 5,
}

/// <summary>One entry of the firmware memory map.</summary>
public readonly struct MemoryRegion
{
    public MemoryRegion(ulong baseAddress, ulong length, MemoryRegionType type)
    {
        BaseAddress = baseAddress;
        Length = length;
        Type = type;
    }

    public ulong BaseAddress { get; }

    public ulong Length { get; }

    public MemoryRegionType Type { get; }
}

/// <summary>A file GRUB loaded next to the kernel (`module2` in grub.cfg).</summary>
public readonly struct BootModule
{
    public BootModule(uint start, uint end, string name)
    {
        Start = start;
        End = end < start ? start : end;
        Name = name;
    }

    /// <summary>Physical address of the first byte.</summary>
    public uint Start { get; }

    /// <summary>Physical address one past the last byte.</summary>
    public uint End { get; }

    public uint Length => End - Start;

    /// <summary>The module's command line; our grub.cfg sets it to the module's name.</summary>
    public string Name { get; }
}

public enum FramebufferKind : byte
{
    Indexed = 0,
    Rgb = 1,
    EgaText = 2,
}

/// <summary>The video mode the loader set up.</summary>
public readonly struct FramebufferInfo
{
    public FramebufferInfo(ulong address, uint pitch, uint width, uint height, byte bitsPerPixel, FramebufferKind kind)
    {
        Address = address;
        Pitch = pitch;
        Width = width;
        Height = height;
        BitsPerPixel = bitsPerPixel;
        Kind = kind;
    }

    public bool IsPresent => Address != 0 && Width != 0 && Height != 0;

    public ulong Address { get; }

    /// <summary>Bytes per row (pixels for graphics, cells for EGA text).</summary>
    public uint Pitch { get; }

    /// <summary>Pixels, or character columns in EGA text mode.</summary>
    public uint Width { get; }

    /// <summary>Pixels, or character rows in EGA text mode.</summary>
    public uint Height { get; }

    public byte BitsPerPixel { get; }

    public FramebufferKind Kind { get; }
}
