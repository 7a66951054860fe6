using System;
using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Boot;

/// <summary>Access to the bytes of a boot module, which GRUB left in physical memory.</summary>
internal static unsafe class BootModuleData
{
    /// <summary>The module's bytes where GRUB left them (valid while those frames are not reused).</summary>
    public static ReadOnlySpan<byte> Bytes(BootModule module) =>
        new ReadOnlySpan<byte>(AddressSpaceLayout.PhysicalToVirtual(module.Start), (int)module.Length);

    /// <summary>Copies the module into a managed array (large ones, the font and the symbols, need the frame allocator up).</summary>
    public static byte[] Copy(BootModule module)
    {
        byte[] data = new byte[module.Length];
        new ReadOnlySpan<byte>(AddressSpaceLayout.PhysicalToVirtual(module.Start), (int)module.Length).CopyTo(data);
        return data;
    }
}
