using System;
using System.IO;
using CosmosHybrid.Console.Output;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// What a person at the machine sees without the window server: the kernel's text console on the UEFI framebuffer,
/// read back with QMP's <c>screendump</c> and compared pixel for pixel with the same text
/// drawn on the host by the same console code and the same font file.
/// </summary>
public class ScreenTests : BootTestBase
{
    // The font the build copies to the root file system's /share/unicode.pf2 (build.cake's fontSource).
    private const string WholeFont = "/usr/share/grub/unicode.pf2";

    [Test]
    public unsafe void TypedTextInEveryScriptIsDrawnWithTheUnicodeFont()
    {
        // CJK and Hangul are not in the ISO's console font module: the kernel draws them with the whole font
        // it reads from the root file system once that is mounted.
        const string text = "Привет Ελλάδα café ünïcødé 日本語 한국어";
        // The shell alone (no init, so no window server): the kernel's console keeps the screen.
        Boot("init=shell", Firmware.Uefi);
        ExpectOutput("CosmosHybrid shell (ring 3");
        ExpectOutput("$ ");
        Machine.SendLine("echo " + text);
        ExpectOutput(text + "\r\n");
        ExpectOutput("$ ");

        ScreenImage screen = Machine.Screendump();
        byte[] fontFile = File.ReadAllBytes(Path.Combine(BuildOutput.IsoRoot, "boot", "font.pf2"));
        Assert.That(Pf2Font.TryParse(fontFile, out Pf2Font font), Is.True, "the ISO's font parses");
        Assert.That(font.TryGetGlyph('日', out _), Is.False, "the console font module leaves CJK to the whole font");
        Assert.That(Pf2Font.TryParse(File.ReadAllBytes(WholeFont), out Pf2Font whole), Is.True, "the whole font parses");

        // The echoed line, drawn alone at the top of a screen-wide strip of one text row.
        var strip = new uint[screen.Width * screen.Height];
        int rowHeight;
        fixed (uint* pixels = strip)
        {
            var console = new FramebufferConsole(pixels, screen.Width, screen.Height, screen.Width * 4, font);
            Assert.That(console.AddFallback(whole), Is.True);
            Assert.That(console.Columns, Is.GreaterThan(text.Length), "the screen is wide enough for the line");
            console.Write(text);
            rowHeight = console.CellHeight;
        }

        int matchingRow = -1;
        for (int top = 0; top + rowHeight <= screen.Height && matchingRow < 0; top += rowHeight)
        {
            if (RowsEqual(screen, strip, top, rowHeight))
                matchingRow = top / rowHeight;
        }
        Assert.That(matchingRow, Is.GreaterThanOrEqualTo(0),
            "no text row of the screen shows the echoed line exactly as the font draws it");
        Assert.That(CountLitPixels(strip, screen.Width * rowHeight), Is.GreaterThan(text.Length * 10), "the line draws visible glyphs");
    }

    private static bool RowsEqual(ScreenImage screen, uint[] strip, int top, int rowHeight)
    {
        for (int y = 0; y < rowHeight; y++)
        {
            for (int x = 0; x < screen.Width; x++)
            {
                if ((screen[x, top + y] & 0xFFFFFF) != (strip[y * screen.Width + x] & 0xFFFFFF))
                    return false;
            }
        }
        return true;
    }

    private static int CountLitPixels(uint[] pixels, int count)
    {
        int lit = 0;
        for (int i = 0; i < count; i++)
        {
            if ((pixels[i] & 0xFFFFFF) != 0)
                lit++;
        }
        return lit;
    }
}
