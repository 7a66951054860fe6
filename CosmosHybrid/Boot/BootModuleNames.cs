namespace CosmosHybrid.Boot;

/// <summary>Names the build gives GRUB modules (the `module2 /boot/FILE NAME` lines of grub.cfg).</summary>
internal static class BootModuleNames
{
    /// <summary>`nm -n` output for kernel.elf: names for stack traces and exception types.</summary>
    public const string Symbols = "kernel.sym";

    /// <summary>GRUB's PF2 bitmap font for text on a graphics framebuffer.</summary>
    public const string Font = "font.pf2";
}
