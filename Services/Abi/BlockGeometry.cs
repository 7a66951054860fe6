using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>What BlockGeometry tells about the disk behind a block-device handle.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BlockGeometry
{
    public const int NameCapacity = 16;

    /// <summary>Bytes per sector (a power of two, at least 512).</summary>
    public long SectorSize;

    /// <summary>Addressable sectors.</summary>
    public long SectorCount;

    /// <summary>The largest sector count one BlockRead or BlockWrite takes.</summary>
    public long MaxSectorsPerCall;

    /// <summary>The kernel's name of the disk ("ata0", "ahci0"), UTF-8, zero-padded.</summary>
    public fixed byte Name[NameCapacity];
}
