using CosmosHybrid.Console.Input;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Input;

[TestFixture]
public class LineEditorTests
{
    [Test]
    public void PrintableCharactersAreInsertedUntilEnter()
    {
        var editor = new LineEditor(16);
        Assert.That(editor.Accept('h'), Is.EqualTo(LineEdit.Inserted));
        Assert.That(editor.Accept('i'), Is.EqualTo(LineEdit.Inserted));
        Assert.That(editor.Accept('\r'), Is.EqualTo(LineEdit.Completed));
        Assert.That(editor.TakeLine(), Is.EqualTo("hi"));
        Assert.That(editor.Length, Is.Zero);
    }

    [TestCase('\b')]
    [TestCase((char)0x7F)]
    public void BackspaceAndDeleteEraseTheLastCharacter(char erase)
    {
        var editor = new LineEditor(16);
        editor.Accept('a');
        editor.Accept('b');
        Assert.That(editor.Accept(erase), Is.EqualTo(LineEdit.Erased));
        Assert.That(editor.Accept('\n'), Is.EqualTo(LineEdit.Completed));
        Assert.That(editor.TakeLine(), Is.EqualTo("a"));
    }

    [Test]
    public void EraseOnAnEmptyLineDoesNothing()
    {
        var editor = new LineEditor(16);
        Assert.That(editor.Accept('\b'), Is.EqualTo(LineEdit.Ignored));
        Assert.That(editor.Length, Is.Zero);
    }

    [TestCase('\t')]
    [TestCase((char)0x1B)]
    [TestCase('\u00e9')]
    public void ControlAndNonAsciiCharactersAreIgnored(char c)
    {
        var editor = new LineEditor(16);
        Assert.That(editor.Accept(c), Is.EqualTo(LineEdit.Ignored));
        Assert.That(editor.Length, Is.Zero);
    }

    [Test]
    public void AFullLineIgnoresFurtherCharactersButStillEnds()
    {
        var editor = new LineEditor(2);
        editor.Accept('a');
        editor.Accept('b');
        Assert.That(editor.Accept('c'), Is.EqualTo(LineEdit.Ignored));
        Assert.That(editor.Accept('\r'), Is.EqualTo(LineEdit.Completed));
        Assert.That(editor.TakeLine(), Is.EqualTo("ab"));
    }
}
