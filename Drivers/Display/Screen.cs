using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Memory;
using CosmosHybrid.Terminal;

namespace CosmosHybrid.Drivers.Display;

/// <summary>
/// Puts the kernel log on the screen the boot loader set up: the VGA text buffer
/// after a BIOS text-mode boot, or a linear framebuffer (UEFI, or BIOS with a VBE
/// mode) drawn with GRUB's PF2 font.
/// </summary>
internal static unsafe class Screen
{
    /// <summary>What the log shows on screen, for the banner ("none" when headless).</summary>
    public static string Description { get; private set; } = "none";

    public static void Attach(FramebufferInfo framebuffer, byte[] font)
    {
        if (!framebuffer.IsPresent)
            return;
        if (framebuffer.Address + (ulong)framebuffer.Pitch * framebuffer.Height > AddressSpaceLayout.DirectMapSize)
        {
            Description = "framebuffer above the direct map (not used)";
            return;
        }

        void* memory = AddressSpaceLayout.PhysicalToVirtual(framebuffer.Address);
        if (framebuffer.Kind == FramebufferKind.EgaText)
        {
            KernelLog.AddOutput(new VgaTextConsole(memory, (int)framebuffer.Width, (int)framebuffer.Height));
            Description = "VGA text " + framebuffer.Width.ToString() + "x" + framebuffer.Height.ToString();
            return;
        }

        if (framebuffer.Kind != FramebufferKind.Rgb || framebuffer.BitsPerPixel != 32)
        {
            Description = "unsupported framebuffer (" + framebuffer.BitsPerPixel.ToString() + " bpp)";
            return;
        }
        if (font == null || !Pf2Font.TryParse(font, out Pf2Font parsed))
        {
            Description = "framebuffer without a usable font";
            return;
        }

        var console = new FramebufferConsole((uint*)memory, (int)framebuffer.Width, (int)framebuffer.Height, (int)framebuffer.Pitch, parsed);
        console.Clear();
        KernelLog.AddOutput(console);
        Description = "framebuffer " + framebuffer.Width.ToString() + "x" + framebuffer.Height.ToString() + "x32, "
            + console.Columns.ToString() + "x" + console.Rows.ToString() + " text";
    }
}
