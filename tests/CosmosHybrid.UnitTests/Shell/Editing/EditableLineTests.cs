using CosmosHybrid.Services.Shell.Editing;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Editing;

/// <summary>Each operation's echo, replayed on a model terminal, must show the line with the cursor where the editor has it.</summary>
public class EditableLineTests
{
    // A one-line terminal: printable characters overwrite and advance, '\b' backs up.
    private sealed class ModelTerminal
    {
        private readonly System.Text.StringBuilder _cells = new();
        public int Column;

        public void Write(string text)
        {
            foreach (char c in text)
            {
                if (c == '\b')
                {
                    if (Column > 0)
                        Column--;
                    continue;
                }
                if (Column < _cells.Length)
                    _cells[Column] = c;
                else
                    _cells.Append(c);
                Column++;
            }
        }

        public string Shown => _cells.ToString().TrimEnd();
    }

    private static void AssertShows(ModelTerminal terminal, EditableLine line)
    {
        Assert.That(terminal.Shown, Is.EqualTo(line.Text));
        Assert.That(terminal.Column, Is.EqualTo(line.Cursor));
    }

    [Test]
    public void InsertingInTheMiddleRedrawsTheTail()
    {
        var line = new EditableLine();
        var terminal = new ModelTerminal();
        terminal.Write(line.Insert("l"));
        terminal.Write(line.Insert("s"));
        terminal.Write(line.Left());
        terminal.Write(line.Left());
        terminal.Write(line.Insert("x"));
        Assert.That(line.Text, Is.EqualTo("xls"));
        AssertShows(terminal, line);
    }

    [Test]
    public void BackspaceAndDeleteCloseTheGap()
    {
        var line = new EditableLine();
        var terminal = new ModelTerminal();
        terminal.Write(line.Insert("abcdef"));
        terminal.Write(line.Left());
        terminal.Write(line.Left());
        terminal.Write(line.Backspace());
        Assert.That(line.Text, Is.EqualTo("abcef"));
        AssertShows(terminal, line);
        terminal.Write(line.Delete());
        Assert.That(line.Text, Is.EqualTo("abcf"));
        AssertShows(terminal, line);
        terminal.Write(line.Home());
        terminal.Write(line.Backspace());
        AssertShows(terminal, line);
        terminal.Write(line.End());
        terminal.Write(line.Right());
        AssertShows(terminal, line);
    }

    [Test]
    public void ReplacingWithAShorterLineBlanksTheRest()
    {
        var line = new EditableLine();
        var terminal = new ModelTerminal();
        terminal.Write(line.Insert("cat /disk/long-name.txt"));
        terminal.Write(line.Left());
        terminal.Write(line.Replace("ls"));
        Assert.That(line.Text, Is.EqualTo("ls"));
        AssertShows(terminal, line);
    }

    [Test]
    public void ASurrogatePairIsOneCharacter()
    {
        var line = new EditableLine();
        line.Insert("a😀b");
        line.Left();
        line.Left();
        Assert.That(line.Cursor, Is.EqualTo(1), "one Left steps over the pair");
        line.Right();
        line.Backspace();
        Assert.That(line.Text, Is.EqualTo("ab"), "Backspace removes the whole pair");
    }
}
