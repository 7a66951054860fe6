using System.Text;
using CosmosHybrid.Console.Output;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Output;

public class ScreenHistoryTests
{
    private sealed class Capture : IConsoleOutput
    {
        public readonly StringBuilder Text = new StringBuilder();

        public void Write(char c) => Text.Append(c);
    }

    private static string Replay(ScreenHistory history, int lines)
    {
        var capture = new Capture();
        history.Replay(capture, lines);
        return capture.Text.ToString();
    }

    private static ScreenHistory With(string text, int capacity = 64)
    {
        var history = new ScreenHistory(capacity);
        foreach (char c in text)
            history.Record(c);
        return history;
    }

    [Test]
    public void ReplaysTheLastLinesOnly()
    {
        ScreenHistory history = With("one\ntwo\nthree\nfour\n");
        Assert.That(Replay(history, 2), Is.EqualTo("three\nfour\n"));
        Assert.That(Replay(history, 1), Is.EqualTo("four\n"));
        Assert.That(Replay(history, 10), Is.EqualTo("one\ntwo\nthree\nfour\n"));
    }

    [Test]
    public void AnUnfinishedLastLineCountsAsALine()
    {
        ScreenHistory history = With("one\ntwo\nthr");
        Assert.That(Replay(history, 2), Is.EqualTo("two\nthr"));
    }

    [Test]
    public void TheRingKeepsTheNewestCharacters()
    {
        ScreenHistory history = With("abcdefghij\nklm\n", capacity: 8);
        Assert.That(history.Count, Is.EqualTo(8));
        Assert.That(Replay(history, 5), Is.EqualTo("hij\nklm\n"));
    }

    [Test]
    public void EmptyHistoryReplaysNothing()
    {
        Assert.That(Replay(new ScreenHistory(16), 3), Is.EqualTo(""));
    }
}
