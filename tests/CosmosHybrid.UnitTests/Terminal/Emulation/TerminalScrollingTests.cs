using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;
using static CosmosHybrid.UnitTests.Terminal.Emulation.TerminalRows;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalScrollingTests
{
    private static Term Numbered(int rows, int scrollback = 100)
    {
        var terminal = new Term(10, rows, scrollback);
        for (int i = 0; i < rows; i++)
        {
            terminal.Write((i == 0 ? "" : "\r\n") + "line" + i);
        }

        return terminal;
    }

    [Test]
    public void LineFeedAtBottomScrollsAndKeepsLine()
    {
        Term terminal = Numbered(3);
        terminal.Write("\r\nnew");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line1", "line2", "new" }));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(1));
        Assert.That(terminal.Scrollback.FromNewest(0)[0].Scalar, Is.EqualTo('l'));
    }

    [Test]
    public void AutowrapWithPendingWrap()
    {
        var terminal = new Term(5, 3);
        terminal.Write("abcde");
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 4)));
        Assert.That(terminal.WrapPending, Is.True);
        terminal.Write("\r\n");
        Assert.That(terminal.Cursor(), Is.EqualTo((1, 0)), "a full line then CR LF leaves no empty line");
        terminal.Write("fghijk");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("fghij"));
        Assert.That(terminal.GetRowText(2), Is.EqualTo("k"));
        Assert.That(terminal.Cursor(), Is.EqualTo((2, 1)));
    }

    [Test]
    public void CursorMovementCancelsPendingWrap()
    {
        var terminal = new Term(5, 3);
        terminal.Write("abcde\u001b[Dx");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("abcxe"));
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 4)));
    }

    [Test]
    public void WithoutAutowrapLastColumnIsOverwritten()
    {
        var terminal = new Term(5, 3);
        terminal.Write("\u001b[?7labcdefg");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("abcdg"));
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 4)));
        Assert.That(terminal.AutoWrap, Is.False);
    }

    [Test]
    public void ScrollRegionScrollsOnlyItsRows()
    {
        Term terminal = Numbered(5);
        terminal.Write("\u001b[2;4r");
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 0)), "DECSTBM homes the cursor");
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((1, 4)));
        terminal.Write("\u001b[4;1H\nX");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line0", "line2", "line3", "X", "line4" }));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0), "a region not at the top keeps no scroll-back");
    }

    [Test]
    public void LineFeedBelowRegionStopsAtScreenBottom()
    {
        Term terminal = Numbered(5);
        terminal.Write("\u001b[1;3r\u001b[5;1H\n\n");
        Assert.That(terminal.CursorRow, Is.EqualTo(4));
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line0", "line1", "line2", "line3", "line4" }));
    }

    [Test]
    public void InvalidRegionIsIgnored()
    {
        var terminal = new Term(10, 5);
        terminal.Write("\u001b[2;4r\u001b[4;2r");
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((1, 4)));
        terminal.Write("\u001b[r");
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((0, 5)));
        terminal.Write("\u001b[3;0r");
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((2, 5)), "a bottom of 0 is the default");
        terminal.Write("\u001b[2;99r");
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((1, 5)));
    }

    [Test]
    public void ReverseIndexAtTopMarginScrollsDown()
    {
        Term terminal = Numbered(5);
        terminal.Write("\u001b[2;4r\u001b[2;1H\u001bMY");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line0", "Y", "line1", "line2", "line4" }));
    }

    [Test]
    public void ScrollUpAndDownSequences()
    {
        Term terminal = Numbered(5);
        terminal.Write("\u001b[2S");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line2", "line3", "line4", "", "" }));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(2));
        terminal.Write("\u001b[T");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "", "line2", "line3", "line4", "" }));
    }

    [Test]
    public void ScrollInsideRegion()
    {
        Term terminal = Numbered(5);
        terminal.Write("\u001b[2;4r\u001b[S");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line0", "line2", "line3", "", "line4" }));
        terminal.Write("\u001b[2T");
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line0", "", "", "line2", "line4" }));
    }

    [Test]
    public void NextLine()
    {
        var terminal = new Term(10, 3);
        terminal.Write("abc\u001bEd");
        Assert.That(terminal.GetRowText(1), Is.EqualTo("d"));
    }

    [Test]
    public void ScrollbackIsBoundedAndKeepsNewest()
    {
        Term terminal = Numbered(3, scrollback: 1000);
        for (int i = 3; i < 5000; i++)
        {
            terminal.Write("\r\nline" + i);
        }

        Assert.That(terminal.Scrollback.Count, Is.EqualTo(1000));
        Assert.That(terminal.Scrollback.Capacity, Is.EqualTo(1000));
        terminal.ScrollView(int.MaxValue / 2);
        Assert.That(terminal.ViewOffset, Is.EqualTo(1000));
        Assert.That(terminal.GetViewRowText(0), Is.EqualTo("line3997"));
        Assert.That(terminal.GetViewRowText(2), Is.EqualTo("line3999"));
    }

    [Test]
    public void ScrollbackCanBeDisabled()
    {
        Term terminal = Numbered(3, scrollback: 0);
        terminal.Write("\r\nmore\r\nmore");
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0));
        Assert.That(Rows(terminal), Is.EqualTo(new[] { "line2", "more", "more" }));
    }

    [Test]
    public void ViewScrollsAndOutputSnapsBack()
    {
        Term terminal = Numbered(3);
        terminal.Write("\r\na\r\nb");
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(2));
        terminal.ScrollView(1);
        Assert.That(terminal.ViewOffset, Is.EqualTo(1));
        Assert.That(terminal.GetViewRowText(0), Is.EqualTo("line1"));
        Assert.That(terminal.GetViewRowText(1), Is.EqualTo("line2"));
        Assert.That(terminal.GetViewRowText(2), Is.EqualTo("a"));
        terminal.ScrollView(-5);
        Assert.That(terminal.ViewOffset, Is.EqualTo(0));
        terminal.ScrollView(2);
        terminal.Write("c");
        Assert.That(terminal.ViewOffset, Is.EqualTo(0));
        Assert.That(terminal.GetViewRowText(2), Is.EqualTo("bc"));
    }

    [Test]
    public void ScrollbackRecyclesLinesWhenFull()
    {
        Term terminal = Numbered(2, scrollback: 4);
        for (int i = 0; i < 20; i++)
        {
            terminal.Write("\r\nx" + i);
        }

        Assert.That(terminal.Scrollback.Count, Is.EqualTo(4));
        for (int age = 0; age < 4; age++)
        {
            Assert.That(terminal.Scrollback.FromNewest(age), Is.Not.SameAs(terminal.GetViewLine(0)));
            Assert.That(terminal.Scrollback.FromNewest(age), Is.Not.SameAs(terminal.GetViewLine(1)));
        }

        terminal.ScrollView(4);
        Assert.That(terminal.GetViewRowText(0), Is.EqualTo("x14"));
        Assert.That(terminal.GetViewRowText(1), Is.EqualTo("x15"));
    }
}
