using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalCursorTests
{
    private static Term At(int row, int column)
    {
        var terminal = new Term(20, 10);
        terminal.Write("\u001b[" + (row + 1) + ";" + (column + 1) + "H");
        return terminal;
    }

    [TestCase("\u001b[2A", 3, 5)]
    [TestCase("\u001b[A", 4, 5)]
    [TestCase("\u001b[0A", 4, 5)]
    [TestCase("\u001b[99A", 0, 5)]
    [TestCase("\u001b[3B", 8, 5)]
    [TestCase("\u001b[99B", 9, 5)]
    [TestCase("\u001b[3C", 5, 8)]
    [TestCase("\u001b[99C", 5, 19)]
    [TestCase("\u001b[2D", 5, 3)]
    [TestCase("\u001b[99D", 5, 0)]
    [TestCase("\u001b[2E", 7, 0)]
    [TestCase("\u001b[2F", 3, 0)]
    [TestCase("\u001b[12G", 5, 11)]
    [TestCase("\u001b[7`", 5, 6)]
    [TestCase("\u001b[3d", 2, 5)]
    [TestCase("\u001b[3;4f", 2, 3)]
    [TestCase("\u001b[H", 0, 0)]
    [TestCase("\u001b[99;99H", 9, 19)]
    [TestCase("\u001b[2e", 7, 5)]
    [TestCase("\u001b[2a", 5, 7)]
    [TestCase("\r", 5, 0)]
    [TestCase("\b", 5, 4)]
    [TestCase("\n", 6, 5)]
    [TestCase("\u000b", 6, 5)]
    [TestCase("\u000c", 6, 5)]
    [TestCase("\t", 5, 8)]
    [TestCase("\t\t\t", 5, 19)]
    [TestCase("\u001bD", 6, 5)]
    [TestCase("\u001bE", 6, 0)]
    [TestCase("\u001bM", 4, 5)]
    public void Moves(string sequence, int row, int column)
    {
        Term terminal = At(5, 5);
        terminal.Write(sequence);
        Assert.That(terminal.Cursor(), Is.EqualTo((row, column)));
    }

    [Test]
    public void BackspaceStopsAtColumnZero()
    {
        Term terminal = At(2, 0);
        terminal.Write("\b\b");
        Assert.That(terminal.Cursor(), Is.EqualTo((2, 0)));
    }

    [Test]
    public void TabStopsSetClearedAndBackTab()
    {
        Term terminal = At(0, 3);
        terminal.Write("\u001bH\r\t");
        Assert.That(terminal.CursorColumn, Is.EqualTo(3));
        terminal.Write("\u001b[g\r\t");
        Assert.That(terminal.CursorColumn, Is.EqualTo(8));
        terminal.Write("\u001b[2I");
        Assert.That(terminal.CursorColumn, Is.EqualTo(19));
        terminal.Write("\u001b[Z");
        Assert.That(terminal.CursorColumn, Is.EqualTo(16));
        terminal.Write("\u001b[3g\r\t");
        Assert.That(terminal.CursorColumn, Is.EqualTo(19));
    }

    [Test]
    public void SaveAndRestoreWithEscape7And8()
    {
        Term terminal = At(3, 4);
        terminal.Write("\u001b[1;31m\u001b7\u001b[H\u001b[0m\u001b8");
        Assert.That(terminal.Cursor(), Is.EqualTo((3, 4)));
        Assert.That(terminal.Foreground, Is.EqualTo(TerminalColor.Indexed(1)));
        Assert.That(terminal.Attributes, Is.EqualTo(CellAttributes.Bold));
    }

    [Test]
    public void SaveAndRestoreWithCsiSAndU()
    {
        Term terminal = At(7, 2);
        terminal.Write("\u001b[s\u001b[1;1H\u001b[u");
        Assert.That(terminal.Cursor(), Is.EqualTo((7, 2)));
    }

    [Test]
    public void RestoreWithoutSaveGoesHome()
    {
        Term terminal = At(7, 2);
        terminal.Write("\u001b[31m\u001b8");
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 0)));
        Assert.That(terminal.Foreground, Is.EqualTo(TerminalColor.Default));
    }

    [Test]
    public void CursorUpStopsAtTopMarginFromInsideRegion()
    {
        var terminal = new Term(20, 10);
        terminal.Write("\u001b[3;8r\u001b[6;1H\u001b[9A");
        Assert.That(terminal.CursorRow, Is.EqualTo(2));
        terminal.Write("\u001b[9B");
        Assert.That(terminal.CursorRow, Is.EqualTo(7));
        terminal.Write("\u001b[10;1H\u001b[9A");
        Assert.That(terminal.CursorRow, Is.EqualTo(2), "from below the region the top margin still stops it");
        terminal.Write("\u001b[1;1H\u001b[B");
        Assert.That(terminal.CursorRow, Is.EqualTo(1));
    }

    [Test]
    public void OriginModeMakesPositionsRelativeToRegion()
    {
        var terminal = new Term(20, 10);
        terminal.Write("\u001b[3;8r\u001b[?6h");
        Assert.That(terminal.Cursor(), Is.EqualTo((2, 0)));
        terminal.Write("\u001b[2;3H");
        Assert.That(terminal.Cursor(), Is.EqualTo((3, 2)));
        terminal.Write("\u001b[99;1H");
        Assert.That(terminal.CursorRow, Is.EqualTo(7));
        terminal.Write("\u001b[6n");
        Assert.That(terminal.ReadReplies(), Is.EqualTo("\u001b[6;1R"));
    }
}
