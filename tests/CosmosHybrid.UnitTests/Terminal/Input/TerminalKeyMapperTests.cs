using System;
using System.Text;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Terminal.Input;
using CosmosHybrid.UnitTests.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Input;

[TestFixture]
public class TerminalKeyMapperTests
{
    private static Term WithScrollback()
    {
        var terminal = new Term(10, 4);
        for (int i = 0; i < 20; i++)
        {
            terminal.Write("line" + i + "\r\n");
        }

        return terminal;
    }

    private static string Press(TerminalKeyMapper mapper, Term terminal, Key key)
    {
        var output = new byte[TerminalKeyMapper.MaxOutput];
        int length = mapper.MapKey(new KeyEvent(key, true), terminal, output);
        length += mapper.MapKey(new KeyEvent(key, false), terminal, output.AsSpan(length));
        return Encoding.UTF8.GetString(output, 0, length);
    }

    private static TerminalKeyMapper Mapper(string layout = "us") => new TerminalKeyMapper(new KeyTranslator(KeyboardLayouts.Find(layout)));

    [Test]
    public void LettersAndEnterGoToProgram()
    {
        TerminalKeyMapper mapper = Mapper();
        var terminal = new Term(10, 4);
        Assert.That(Press(mapper, terminal, Key.A), Is.EqualTo("a"));
        Assert.That(Press(mapper, terminal, Key.Enter), Is.EqualTo("\r"));
        Assert.That(Press(mapper, terminal, Key.PageUp), Is.EqualTo("\u001b[5~"), "PgUp without Shift is the program's");
    }

    [Test]
    public void NonAsciiIsUtf8()
    {
        TerminalKeyMapper mapper = Mapper("de");
        var terminal = new Term(10, 4);
        Assert.That(Press(mapper, terminal, Key.Semicolon), Is.EqualTo("ö"));
    }

    [Test]
    public void ShiftPageUpAndDownScrollTheView()
    {
        TerminalKeyMapper mapper = Mapper();
        Term terminal = WithScrollback();
        var output = new byte[TerminalKeyMapper.MaxOutput];
        mapper.MapKey(new KeyEvent(Key.LeftShift, true), terminal, output);
        Assert.That(Press(mapper, terminal, Key.PageUp), Is.EqualTo(""));
        Assert.That(terminal.ViewOffset, Is.EqualTo(3));
        Press(mapper, terminal, Key.PageUp);
        Assert.That(terminal.ViewOffset, Is.EqualTo(6));
        Assert.That(Press(mapper, terminal, Key.PageDown), Is.EqualTo(""));
        Assert.That(terminal.ViewOffset, Is.EqualTo(3));
        mapper.MapKey(new KeyEvent(Key.LeftShift, false), terminal, output);

        // Typing returns the view to the bottom.
        Assert.That(Press(mapper, terminal, Key.B), Is.EqualTo("b"));
        Assert.That(terminal.ViewOffset, Is.EqualTo(0));
    }

    [Test]
    public void ApplicationCursorKeys()
    {
        TerminalKeyMapper mapper = Mapper();
        var terminal = new Term(10, 4);
        Assert.That(Press(mapper, terminal, Key.Up), Is.EqualTo("\u001b[A"));
        terminal.Write("\u001b[?1h");
        Assert.That(Press(mapper, terminal, Key.Up), Is.EqualTo("\u001bOA"));
        Assert.That(Press(mapper, terminal, Key.Home), Is.EqualTo("\u001bOH"));
        Assert.That(Press(mapper, terminal, Key.Delete), Is.EqualTo("\u001b[3~"));
    }

    [Test]
    public void WheelScrollsViewOnMainScreen()
    {
        TerminalKeyMapper mapper = Mapper();
        Term terminal = WithScrollback();
        var output = new byte[TerminalKeyMapper.MaxOutput];
        Assert.That(mapper.MapWheel(2, terminal, output), Is.EqualTo(0));
        Assert.That(terminal.ViewOffset, Is.EqualTo(6));
        mapper.MapWheel(-1, terminal, output);
        Assert.That(terminal.ViewOffset, Is.EqualTo(3));
    }

    [Test]
    public void WheelSendsCursorKeysOnAlternateScreen()
    {
        TerminalKeyMapper mapper = Mapper();
        Term terminal = WithScrollback();
        terminal.Write("\u001b[?1049h");
        var output = new byte[TerminalKeyMapper.MaxOutput];
        int length = mapper.MapWheel(-1, terminal, output);
        Assert.That(Encoding.ASCII.GetString(output, 0, length), Is.EqualTo("\u001b[B\u001b[B\u001b[B"));
        Assert.That(terminal.ViewOffset, Is.EqualTo(0));
        length = mapper.MapWheel(1000, terminal, output);
        Assert.That(length, Is.LessThanOrEqualTo(output.Length));
    }
}
