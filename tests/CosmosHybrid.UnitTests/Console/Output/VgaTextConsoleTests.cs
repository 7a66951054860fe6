using System.Runtime.InteropServices;
using System.Text;
using CosmosHybrid.Console.Output;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Output;

[TestFixture]
public unsafe class VgaTextConsoleTests
{
    private const int Columns = 4;
    private const int Rows = 3;
    private const ushort LightGreyOnBlack = 0x0700;

    // Unmanaged, so the address the console keeps stays valid.
    private ushort* _cells;

    [SetUp]
    public void SetUp() => _cells = (ushort*)NativeMemory.Alloc(Columns * Rows, sizeof(ushort));

    [TearDown]
    public void TearDown() => NativeMemory.Free(_cells);

    [Test]
    public void StartsBlankWithLightGreyOnBlack()
    {
        Open();
        for (int i = 0; i < Columns * Rows; i++)
            Assert.That(_cells[i], Is.EqualTo((ushort)(LightGreyOnBlack | ' ')), $"cell {i}");
    }

    [Test]
    public void WritesCharactersWithTheirAttribute()
    {
        Write(Open(), "ab");
        Assert.That(_cells[0], Is.EqualTo((ushort)(LightGreyOnBlack | 'a')));
        Assert.That(Row(0), Is.EqualTo("ab  "));
    }

    [Test]
    public void WrapsWhenTheNextCharacterDoesNotFit()
    {
        Write(Open(), "abcde");
        Assert.That(Row(0), Is.EqualTo("abcd"));
        Assert.That(Row(1), Is.EqualTo("e   "));
    }

    [Test]
    public void NewLineAtTheBottomScrollsUpOneRow()
    {
        Write(Open(), "1\n2\n3\n4");
        Assert.That((Row(0), Row(1), Row(2)), Is.EqualTo(("2   ", "3   ", "4   ")));
    }

    [Test]
    public void CarriageReturnAndBackspaceMoveTheCursor()
    {
        Write(Open(), "abc\rx\b\by");
        Assert.That(Row(0), Is.EqualTo("ybc "));
    }

    [Test]
    public void CharactersOutsidePrintableAsciiShowAsQuestionMarks()
    {
        Write(Open(), "\u00e9\t");
        Assert.That(Row(0), Is.EqualTo("??  "));
    }

    private VgaTextConsole Open() => new VgaTextConsole(_cells, Columns, Rows);

    private static void Write(VgaTextConsole console, string text)
    {
        foreach (char c in text)
            console.Write(c);
    }

    private string Row(int row)
    {
        var text = new StringBuilder();
        for (int column = 0; column < Columns; column++)
            text.Append((char)(_cells[row * Columns + column] & 0xFF));
        return text.ToString();
    }
}
