using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Shell.Editing;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Editing;

public class TerminalInputDecoderTests
{
    private static List<string> Decode(string input) => Decode(Encoding.UTF8.GetBytes(input));

    private static List<string> Decode(byte[] bytes)
    {
        var decoder = new TerminalInputDecoder();
        var keys = new List<string>();
        foreach (byte value in bytes)
        {
            if (decoder.TryDecode(value, out EditKey key))
                keys.Add(key.Kind == EditKeyKind.Text ? key.Text : key.Kind.ToString());
        }
        return keys;
    }

    [Test]
    public void TextComesAsWholeCharacters() =>
        Assert.That(Decode("aé日😀"), Is.EqualTo(new[] { "a", "é", "日", "😀" }));

    [Test]
    public void CursorKeysInBothXtermForms() =>
        Assert.That(Decode("\u001b[A\u001b[B\u001b[C\u001b[D\u001bOH\u001bOF\u001b[3~\u001b[1~\u001b[4~"),
            Is.EqualTo(new[] { "HistoryPrevious", "HistoryNext", "Right", "Left", "Home", "End", "Delete", "Home", "End" }));

    [Test]
    public void ModifiedCursorKeysStillMove() =>
        Assert.That(Decode("\u001b[1;5C"), Is.EqualTo(new[] { "Right" }));

    [Test]
    public void ControlKeys() =>
        Assert.That(Decode("\r\u007f\b\t\u0001\u0005\u0003\u0015\u0010\u000e"),
            Is.EqualTo(new[] { "Enter", "Backspace", "Backspace", "Complete", "Home", "End", "Cancel", "ClearLine", "HistoryPrevious", "HistoryNext" }));

    [Test]
    public void UnknownSequencesAndBrokenUtf8AreDroppedWhole() =>
        Assert.That(Decode(new byte[] { 0x1B, (byte)'[', (byte)'2', (byte)'0', (byte)'~', (byte)'x', 0xC3, (byte)'y', 0xFF, 0xE6, 0x97, (byte)'z' }),
            Is.EqualTo(new[] { "x", "y", "z" }));
}
