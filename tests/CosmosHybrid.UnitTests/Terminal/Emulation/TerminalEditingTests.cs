using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;
using static CosmosHybrid.UnitTests.Terminal.Emulation.TerminalRows;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalEditingTests
{
    /// <summary>A 10x4 terminal with rows "abcdefghij", "klmnopqrst", "uvwxyz0123", "456789ABCD" and the cursor at row 1, column 4.</summary>
    private static Term Filled()
    {
        var terminal = new Term(10, 4);
        terminal.Write("abcdefghijklmnopqrstuvwxyz0123456789ABCD\u001b[2;5H");
        return terminal;
    }

    [Test]
    public void FilledHelperIsWhatItSays()
    {
        Assert.That(Rows(Filled()), Is.EqualTo(new[] { "abcdefghij", "klmnopqrst", "uvwxyz0123", "456789ABCD" }));
    }

    [TestCase("\u001b[K", "klmn")]
    [TestCase("\u001b[0K", "klmn")]
    [TestCase("\u001b[1K", "     pqrst")]
    [TestCase("\u001b[2K", "")]
    public void EraseInLine(string sequence, string row1)
    {
        Term terminal = Filled();
        terminal.Write(sequence);
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "abcdefghij", row1, "uvwxyz0123", "456789ABCD" }));
        Assert.That(terminal.Cursor(), Is.EqualTo((1, 4)));
    }

    [TestCase("\u001b[J", new[] { "abcdefghij", "klmn", "", "" })]
    [TestCase("\u001b[1J", new[] { "", "     pqrst", "uvwxyz0123", "456789ABCD" })]
    [TestCase("\u001b[2J", new[] { "", "", "", "" })]
    public void EraseInDisplay(string sequence, string[] rows)
    {
        Term terminal = Filled();
        terminal.Write(sequence);
        Assert.That(Rows(terminal), Is.EqualTo(rows));
        Assert.That(terminal.Cursor(), Is.EqualTo((1, 4)));
    }

    [Test]
    public void EraseUsesCurrentBackground()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[44m\u001b[K");
        Assert.That(terminal.GetCell(9, 1).Background, Is.EqualTo(TerminalColor.Indexed(4)));
        Assert.That(terminal.GetCell(9, 1).Scalar, Is.EqualTo(0));
        Assert.That(terminal.GetCell(3, 1).Background, Is.EqualTo(TerminalColor.Default));
    }

    [Test]
    public void EraseDisplay3ClearsScrollbackOnly()
    {
        var terminal = new Term(10, 2);
        terminal.Write("1\r\n2\r\n3\r\n4");
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(2));
        terminal.Write("\u001b[3J");
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0));
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "3", "4" }));
    }

    [Test]
    public void InsertCharacters()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[2@");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmn  opqr"));
        Assert.That(terminal.Cursor(), Is.EqualTo((1, 4)));
    }

    [Test]
    public void InsertMoreCharactersThanFitBlanksToEnd()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[99@");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmn"));
    }

    [Test]
    public void DeleteCharacters()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[3P");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmnrst"));
    }

    [Test]
    public void EraseCharacters()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[3X");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmn   rst"));
        terminal.Write("\u001b[99X");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmn"));
    }

    [Test]
    public void InsertLines()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[L");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "abcdefghij", "", "klmnopqrst", "uvwxyz0123" }));
        Assert.That(terminal.Cursor(), Is.EqualTo((1, 0)));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0));
    }

    [Test]
    public void DeleteLinesDoNotGoToScrollback()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[1;1H\u001b[2M");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "uvwxyz0123", "456789ABCD", "", "" }));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0));
    }

    [Test]
    public void InsertAndDeleteLinesStayInsideScrollRegion()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[1;3r\u001b[2;1H\u001b[L");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "abcdefghij", "", "klmnopqrst", "456789ABCD" }));
        terminal.Write("\u001b[M\u001b[M");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "abcdefghij", "", "", "456789ABCD" }));
        terminal.Write("\u001b[4;1H\u001b[L");
        Assert.That(terminal.GetRowText(3), Is.EqualTo("456789ABCD"), "outside the region IL does nothing");
    }

    [Test]
    public void InsertModeShiftsLine()
    {
        Term terminal = Filled();
        terminal.Write("\u001b[4hXY\u001b[4lZ");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("klmnXYZpqr"));
    }

    [Test]
    public void RepeatLastCharacter()
    {
        var terminal = new Term(10, 2);
        terminal.Write("a\u001b[3b");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("aaaa"));
    }

    [Test]
    public void ScreenAlignmentFillsWithE()
    {
        var terminal = new Term(3, 2);
        terminal.Write("\u001b#8");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "EEE", "EEE" }));
    }

    [Test]
    public void LineDrawingCharacterSet()
    {
        var terminal = new Term(10, 2);
        terminal.Write("\u001b(0lqk\u001b(Bq");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("┌─┐q"));
        terminal.Write("\u001b)0\u000eq\u000fq");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("┌─┐q─q"));
    }

    [Test]
    public void Utf8TextLandsInCells()
    {
        var terminal = new Term(10, 2);
        terminal.Write("Жλé€\U0001F600");
        Assert.That(terminal.GetCell(0, 0).Scalar, Is.EqualTo(0x416));
        Assert.That(terminal.GetCell(1, 0).Scalar, Is.EqualTo(0x3BB));
        Assert.That(terminal.GetCell(3, 0).Scalar, Is.EqualTo(0x20AC));
        Assert.That(terminal.GetCell(4, 0).Scalar, Is.EqualTo(0x1F600), "wide characters take one cell");
        Assert.That(terminal.CursorColumn, Is.EqualTo(5));
    }

    [Test]
    public void IllFormedUtf8ShowsReplacement()
    {
        var terminal = new Term(10, 2);
        terminal.Write(new byte[] { (byte)'a', 0xFF, (byte)'b' });
        Assert.That(terminal.GetRowText(0), Is.EqualTo("a\uFFFDb"));
    }
}
