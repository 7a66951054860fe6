using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalModeTests
{
    [Test]
    public void CursorVisibility()
    {
        var terminal = new Term(10, 3);
        Assert.That(terminal.CursorVisible, Is.True);
        terminal.Write("\u001b[?25l");
        Assert.That(terminal.CursorVisible, Is.False);
        terminal.Write("\u001b[?25h");
        Assert.That(terminal.CursorVisible, Is.True);
    }

    [Test]
    public void OtherModesAreRecorded()
    {
        var terminal = new Term(10, 3);
        terminal.Write("\u001b[?1h\u001b=\u001b[?2004h");
        Assert.That(terminal.ApplicationCursorKeys, Is.True);
        Assert.That(terminal.ApplicationKeypad, Is.True);
        Assert.That(terminal.BracketedPaste, Is.True);
        terminal.Write("\u001b[?1;2004l\u001b>");
        Assert.That(terminal.ApplicationCursorKeys, Is.False);
        Assert.That(terminal.ApplicationKeypad, Is.False);
        Assert.That(terminal.BracketedPaste, Is.False);
    }

    [Test]
    public void AlternateScreen1049SavesCursorAndMainContent()
    {
        var terminal = new Term(10, 3);
        terminal.Write("shell$ \u001b[?1049h");
        Assert.That(terminal.AlternateScreen, Is.True);
        Assert.That(terminal.GetRowText(0), Is.EqualTo(""), "the alternate screen starts empty");
        terminal.Write("\u001b[Htop\r\n\r\n\r\n\r\nmore");
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(0), "the alternate screen keeps no scroll-back");
        terminal.Write("\u001b[?1049l");
        Assert.That(terminal.AlternateScreen, Is.False);
        Assert.That(terminal.GetRowText(0), Is.EqualTo("shell$"));
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 7)));
        terminal.Write("\u001b[?1049h");
        Assert.That(terminal.GetRowText(2), Is.EqualTo(""), "entered again it is cleared");
    }

    [Test]
    public void ViewCannotScrollOnAlternateScreen()
    {
        var terminal = new Term(10, 2);
        terminal.Write("a\r\nb\r\nc\u001b[?1049h");
        terminal.ScrollView(1);
        Assert.That(terminal.ViewOffset, Is.EqualTo(0));
    }

    [Test]
    public void DeviceStatusAndCursorPositionReports()
    {
        var terminal = new Term(80, 24);
        terminal.Write("\u001b[5n");
        Assert.That(terminal.ReadReplies(), Is.EqualTo("\u001b[0n"));
        terminal.Write("\u001b[12;34H\u001b[6n");
        Assert.That(terminal.ReadReplies(), Is.EqualTo("\u001b[12;34R"));
        Assert.That(terminal.Replies.Count, Is.EqualTo(0));
    }

    [Test]
    public void DeviceAttributes()
    {
        var terminal = new Term(80, 24);
        terminal.Write("\u001b[c\u001b[0c\u001b[>c");
        Assert.That(terminal.ReadReplies(), Is.EqualTo("\u001b[?62;22c\u001b[?62;22c\u001b[>1;10;0c"));
    }

    [Test]
    public void RepliesAreBounded()
    {
        var terminal = new Term(80, 24);
        for (int i = 0; i < 10_000; i++)
        {
            terminal.Write("\u001b[6n");
        }

        Assert.That(terminal.Replies.Count, Is.LessThanOrEqualTo(TerminalReplies.Capacity));
        string replies = terminal.ReadReplies();
        Assert.That(replies, Does.StartWith("\u001b[1;1R\u001b[1;1R"));
        Assert.That(replies, Does.EndWith("R"), "only whole replies are queued");
    }

    [Test]
    public void TitleFromOsc()
    {
        var terminal = new Term(80, 24);
        terminal.Write("\u001b]0;héllo\u0007");
        Assert.That(terminal.Title, Is.EqualTo("héllo"));
        terminal.Write("\u001b]2;top\u001b\\");
        Assert.That(terminal.Title, Is.EqualTo("top"));
        terminal.Write("\u001b]52;c;AAAA\u0007");
        Assert.That(terminal.Title, Is.EqualTo("top"));
    }

    [Test]
    public void BellIsCounted()
    {
        var terminal = new Term(80, 24);
        terminal.Write("\u0007\u0007");
        Assert.That(terminal.BellCount, Is.EqualTo(2));
    }

    [Test]
    public void FullResetKeepsScrollback()
    {
        var terminal = new Term(10, 2);
        terminal.Write("a\r\nb\r\nc\u001b[31m\u001b[?25l\u001b[2;2r\u001bc");
        Assert.That(terminal.GetRowText(0), Is.EqualTo(""));
        Assert.That(terminal.Cursor(), Is.EqualTo((0, 0)));
        Assert.That(terminal.Foreground, Is.EqualTo(TerminalColor.Default));
        Assert.That(terminal.CursorVisible, Is.True);
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(1));
    }

    [Test]
    public void SoftResetKeepsText()
    {
        var terminal = new Term(10, 4);
        terminal.Write("abc[2;3r[?6h[?25l[?7l[4h[1;31m[!p");
        Assert.That(terminal.GetRowText(0), Is.EqualTo("abc"));
        Assert.That((terminal.ScrollTop, terminal.ScrollBottom), Is.EqualTo((0, 4)));
        Assert.That(terminal.OriginMode || terminal.InsertMode || !terminal.AutoWrap || !terminal.CursorVisible, Is.False);
        Assert.That(terminal.Attributes, Is.EqualTo(CellAttributes.None));
        Assert.That(terminal.Foreground, Is.EqualTo(TerminalColor.Default));
    }

    [Test]
    public void ResizeKeepsCursorLine()
    {
        var terminal = new Term(10, 5);
        terminal.Write("0\r\n1\r\n2\r\n3\r\n4");
        terminal.Resize(6, 3);
        Assert.That((terminal.Columns, terminal.Rows), Is.EqualTo((6, 3)));
        Assert.That(terminal.GetRowText(2), Is.EqualTo("4"));
        Assert.That(terminal.GetRowText(0), Is.EqualTo("2"));
        Assert.That(terminal.Scrollback.Count, Is.EqualTo(2));
        Assert.That(terminal.Cursor(), Is.EqualTo((2, 1)));
        Assert.That(terminal.Damage.All, Is.True);
        terminal.Resize(20, 6);
        terminal.Write("\u001b[6;20Hz");
        Assert.That(terminal.GetCell(19, 5).Scalar, Is.EqualTo('z'));
    }

    [Test]
    public void SizesAreClamped()
    {
        var terminal = new Term(-5, 100_000);
        Assert.That(terminal.Columns, Is.EqualTo(1));
        Assert.That(terminal.Rows, Is.EqualTo(Term.MaxRows));
    }
}
