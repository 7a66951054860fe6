using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Memory;
using CosmosHybrid.Services.Abi.Fonts;

namespace CosmosHybrid.Console.Output;

/// <summary>
/// Opens a text output on the screen the boot loader set up: the VGA text buffer after
/// a BIOS text-mode boot, or a linear framebuffer (UEFI, or BIOS with a VBE mode) drawn
/// with GRUB's PF2 font.
/// </summary>
internal static unsafe class ScreenOutput
{
    /// <summary>
    /// Returns the screen's text output, or null when there is none usable;
    /// <paramref name="description"/> says what was found either way ("none" when headless).
    /// </summary>
    public static IConsoleOutput Open(FramebufferInfo framebuffer, byte[] font, out string description)
    {
        description = "none";
        if (!framebuffer.IsPresent)
            return null;
        if (framebuffer.Address + (ulong)framebuffer.Pitch * framebuffer.Height > AddressSpaceLayout.DirectMapSize)
        {
            description = "framebuffer above the direct map (not used)";
            return null;
        }

        void* memory = AddressSpaceLayout.PhysicalToVirtual(framebuffer.Address);
        if (framebuffer.Kind == FramebufferKind.EgaText)
        {
            description = "VGA text " + framebuffer.Width.ToString() + "x" + framebuffer.Height.ToString();
            return new VgaTextConsole(memory, (int)framebuffer.Width, (int)framebuffer.Height);
        }

        int depth = framebuffer.BitsPerPixel;
        if (framebuffer.Kind != FramebufferKind.Rgb || (depth != 32 && depth != 24 && depth != 16))
        {
            description = "unsupported framebuffer (" + framebuffer.BitsPerPixel.ToString() + " bpp)";
            return null;
        }
        if (font == null || !Pf2Font.TryParse(font, out Pf2Font parsed))
        {
            description = "framebuffer without a usable font";
            return null;
        }

        var console = new FramebufferConsole((byte*)memory, (int)framebuffer.Width, (int)framebuffer.Height, (int)framebuffer.Pitch, depth, parsed);
        console.Clear();
        description = "framebuffer " + framebuffer.Width.ToString() + "x" + framebuffer.Height.ToString() + "x" + depth.ToString() + ", "
            + console.Columns.ToString() + "x" + console.Rows.ToString() + " text";
        return console;
    }
}
