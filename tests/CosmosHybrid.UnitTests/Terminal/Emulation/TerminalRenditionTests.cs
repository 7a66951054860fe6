using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalRenditionTests
{
    private static TerminalCell Print(string sgr)
    {
        var terminal = new Term(10, 2);
        terminal.Write(sgr + "x");
        return terminal.GetCell(0, 0);
    }

    [Test]
    public void AttributesSetAndReset()
    {
        Assert.That(Print("\u001b[1;4;7m").Attributes, Is.EqualTo(CellAttributes.Bold | CellAttributes.Underline | CellAttributes.Inverse));
        Assert.That(Print("\u001b[1;4;7;22m").Attributes, Is.EqualTo(CellAttributes.Underline | CellAttributes.Inverse));
        Assert.That(Print("\u001b[1;4;7;24m").Attributes, Is.EqualTo(CellAttributes.Bold | CellAttributes.Inverse));
        Assert.That(Print("\u001b[1;4;7;27m").Attributes, Is.EqualTo(CellAttributes.Bold | CellAttributes.Underline));
        Assert.That(Print("\u001b[1;4;7;0m").Attributes, Is.EqualTo(CellAttributes.None));
        Assert.That(Print("\u001b[1;31m\u001b[m").Foreground, Is.EqualTo(TerminalColor.Default));
    }

    [TestCase("\u001b[31m", 1)]
    [TestCase("\u001b[37m", 7)]
    [TestCase("\u001b[90m", 8)]
    [TestCase("\u001b[97m", 15)]
    [TestCase("\u001b[38;5;196m", 196)]
    [TestCase("\u001b[38:5:21m", 21)]
    public void IndexedForeground(string sgr, int index)
    {
        Assert.That(Print(sgr).Foreground, Is.EqualTo(TerminalColor.Indexed(index)));
    }

    [TestCase("\u001b[42m", 2)]
    [TestCase("\u001b[104m", 12)]
    [TestCase("\u001b[48;5;232m", 232)]
    public void IndexedBackground(string sgr, int index)
    {
        Assert.That(Print(sgr).Background, Is.EqualTo(TerminalColor.Indexed(index)));
    }

    [Test]
    public void TrueColor()
    {
        TerminalCell cell = Print("\u001b[38;2;10;20;30;48;2;255;128;0m");
        Assert.That(cell.Foreground, Is.EqualTo(TerminalColor.Rgb(10, 20, 30)));
        Assert.That(cell.Background, Is.EqualTo(TerminalColor.Rgb(255, 128, 0)));
        Assert.That(cell.Foreground.RgbValue, Is.EqualTo(0x0A141Eu));
    }

    [Test]
    public void ColourFollowedByMoreCodes()
    {
        TerminalCell cell = Print("\u001b[38;5;100;1;44m");
        Assert.That(cell.Foreground, Is.EqualTo(TerminalColor.Indexed(100)));
        Assert.That(cell.Attributes, Is.EqualTo(CellAttributes.Bold));
        Assert.That(cell.Background, Is.EqualTo(TerminalColor.Indexed(4)));
    }

    [Test]
    public void DefaultColoursRestore()
    {
        TerminalCell cell = Print("\u001b[31;42m\u001b[39;49m");
        Assert.That(cell.Foreground, Is.EqualTo(TerminalColor.Default));
        Assert.That(cell.Background, Is.EqualTo(TerminalColor.Default));
    }

    [TestCase("\u001b[38;5;256m")]
    [TestCase("\u001b[38;5m")]
    [TestCase("\u001b[38;2;1;2m")]
    [TestCase("\u001b[38;2;300;0;0m")]
    [TestCase("\u001b[38;9;1m")]
    [TestCase("\u001b[38m")]
    public void MalformedExtendedColourIsIgnored(string sgr)
    {
        Assert.That(Print("\u001b[33m" + sgr).Foreground, Is.EqualTo(TerminalColor.Indexed(3)));
    }

    [Test]
    public void PaletteIsXterms()
    {
        var palette = new TerminalPalette();
        Assert.That(palette[1], Is.EqualTo(0xCD0000u));
        Assert.That(palette[4], Is.EqualTo(0x0000EEu));
        Assert.That(palette[7], Is.EqualTo(0xE5E5E5u));
        Assert.That(palette[8], Is.EqualTo(0x7F7F7Fu));
        Assert.That(palette[12], Is.EqualTo(0x5C5CFFu));
        Assert.That(palette[16], Is.EqualTo(0x000000u));
        Assert.That(palette[196], Is.EqualTo(0xFF0000u));
        Assert.That(palette[21], Is.EqualTo(0x0000FFu));
        Assert.That(palette[67], Is.EqualTo(0x5F87AFu));
        Assert.That(palette[231], Is.EqualTo(0xFFFFFFu));
        Assert.That(palette[232], Is.EqualTo(0x080808u));
        Assert.That(palette[255], Is.EqualTo(0xEEEEEEu));
        Assert.That(palette.Foreground(TerminalColor.Indexed(1), bold: true), Is.EqualTo(0xFF0000u));
        Assert.That(palette.Foreground(TerminalColor.Indexed(100), bold: true), Is.EqualTo(palette[100]));
        Assert.That(palette.Foreground(TerminalColor.Rgb(1, 2, 3), bold: false), Is.EqualTo(0x010203u));
    }
}
