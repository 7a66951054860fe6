using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class TerminalDamageTests
{
    private static Term Clean(int columns = 20, int rows = 5)
    {
        var terminal = new Term(columns, rows);
        Assert.That(terminal.Damage.All, Is.True, "a new terminal must be drawn whole");
        terminal.Damage.Clear();
        Assert.That(terminal.Damage.Any, Is.False);
        return terminal;
    }

    private static string Cells(TerminalDamage damage)
    {
        var text = new System.Text.StringBuilder();
        for (int row = 0; row < damage.Rows; row++)
        {
            if (damage.TryGetRow(row, out int first, out int end))
            {
                text.Append(row).Append(':').Append(first).Append('-').Append(end).Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }

    [Test]
    public void KeystrokeEchoDamagesTwoCells()
    {
        Term terminal = Clean();
        terminal.Write("$ ");
        terminal.Damage.Clear();
        terminal.Write("x");
        Assert.That(Cells(terminal.Damage), Is.EqualTo("0:2-4"));
        Assert.That(terminal.Damage.CountCells(), Is.EqualTo(2), "the echoed character and the cell the cursor moved to");
        Assert.That(terminal.Damage.HasScroll, Is.False);
    }

    [Test]
    public void CursorMoveDamagesOldAndNewCell()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[3;5H");
        terminal.Damage.Clear();
        terminal.Write("\u001b[2;8H");
        Assert.That(Cells(terminal.Damage), Is.EqualTo("1:7-8 2:4-5"));
    }

    [Test]
    public void HidingCursorDamagesItsCell()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[?25l");
        Assert.That(Cells(terminal.Damage), Is.EqualTo("0:0-1"));
    }

    [Test]
    public void EraseLineDamagesItsRange()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[2;6H");
        terminal.Damage.Clear();
        terminal.Write("\u001b[K");
        Assert.That(Cells(terminal.Damage), Is.EqualTo("1:5-20"));
    }

    [Test]
    public void LineFeedAtBottomIsAScroll()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[5;1Habc");
        terminal.Damage.Clear();
        terminal.Write("\r\n");
        TerminalDamage damage = terminal.Damage;
        Assert.That(damage.HasScroll, Is.True);
        Assert.That((damage.ScrollTop, damage.ScrollBottom, damage.ScrollCount), Is.EqualTo((0, 5, 1)));

        // The old cursor cell (row 4, col 3) moved to row 3 with its line; row 4 is new.
        Assert.That(Cells(damage), Is.EqualTo("3:3-4 4:0-20"));
    }

    [Test]
    public void ConsecutiveScrollsMerge()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[5;1H");
        terminal.Damage.Clear();
        terminal.Write("\n\n\n");
        Assert.That(terminal.Damage.ScrollCount, Is.EqualTo(3));
        Assert.That(Cells(terminal.Damage), Is.EqualTo("1:0-1 2:0-20 3:0-20 4:0-20"));
    }

    [Test]
    public void ScrollOfWholeHeightIsPlainDamage()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[5;1H");
        terminal.Damage.Clear();
        terminal.Write("\n\n\n\n\n\n");
        Assert.That(terminal.Damage.HasScroll, Is.False);
        Assert.That(terminal.Damage.CountCells(), Is.EqualTo(100));
    }

    [Test]
    public void ScrollOfAnotherRegionBecomesRowDamage()
    {
        Term terminal = Clean();
        terminal.Write("\u001b[5;1H\n\u001b[2;3r\u001b[3;1H\n");
        TerminalDamage damage = terminal.Damage;
        Assert.That((damage.ScrollTop, damage.ScrollBottom, damage.ScrollCount), Is.EqualTo((0, 5, 1)));
        Assert.That(damage.TryGetRow(1, out int first, out int end) && first == 0 && end == 20, Is.True);
        Assert.That(damage.TryGetRow(2, out first, out end) && first == 0 && end == 20, Is.True);
    }

    [Test]
    public void DamageMovesWithScrolledRows()
    {
        var damage = new TerminalDamage(10, 5);
        damage.Clear();
        damage.MarkCells(3, 4, 6);
        damage.Scroll(0, 5, 1);
        Assert.That(Cells(damage), Is.EqualTo("2:4-6 4:0-10"));
        damage.Scroll(0, 5, 1);
        Assert.That(Cells(damage), Is.EqualTo("1:4-6 3:0-10 4:0-10"));
        Assert.That(damage.ScrollCount, Is.EqualTo(2));
    }

    [Test]
    public void OppositeScrollsDoNotMerge()
    {
        var damage = new TerminalDamage(10, 5);
        damage.Clear();
        damage.Scroll(0, 5, 1);
        damage.Scroll(0, 5, -1);
        Assert.That(damage.HasScroll, Is.False);
        Assert.That(damage.CountCells(), Is.EqualTo(50));
    }

    [Test]
    public void ViewScrollIsAScrollDown()
    {
        Term terminal = Clean(10, 3);
        terminal.Write("1\r\n2\r\n3\r\n4\r\n5");
        terminal.Damage.Clear();
        terminal.ScrollView(1);
        Assert.That((terminal.Damage.ScrollTop, terminal.Damage.ScrollBottom, terminal.Damage.ScrollCount), Is.EqualTo((0, 3, -1)));
        Assert.That(Cells(terminal.Damage), Is.EqualTo("0:0-10"));
    }

    [Test]
    public void SnapBackAndAlternateScreenDamageEverything()
    {
        Term terminal = Clean(10, 3);
        terminal.Write("1\r\n2\r\n3\r\n4");
        terminal.ScrollView(1);
        terminal.Damage.Clear();
        terminal.Write("x");
        Assert.That(terminal.Damage.All, Is.True);
        terminal.Damage.Clear();
        terminal.Write("\u001b[?1049h");
        Assert.That(terminal.Damage.All, Is.True);
    }

    [Test]
    public void MarksAreClippedToScreen()
    {
        var damage = new TerminalDamage(10, 5);
        damage.Clear();
        damage.MarkCells(-1, 0, 5);
        damage.MarkCells(7, 0, 5);
        damage.MarkCells(2, -5, 50);
        Assert.That(Cells(damage), Is.EqualTo("2:0-10"));
    }
}
