using CosmosHybrid.Services.Shell.Editing;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Editing;

public class LineHistoryTests
{
    [Test]
    public void UpWalksBackDownComesForwardToTheDraft()
    {
        var history = new LineHistory();
        history.Add("ls");
        history.Add("cat a");
        Assert.That(history.Previous("draft"), Is.EqualTo("cat a"));
        Assert.That(history.Previous("cat a"), Is.EqualTo("ls"));
        Assert.That(history.Previous("ls"), Is.Null, "nothing older");
        Assert.That(history.Next(), Is.EqualTo("cat a"));
        Assert.That(history.Next(), Is.EqualTo("draft"));
        Assert.That(history.Next(), Is.Null);
    }

    [Test]
    public void EmptyLinesAndRepeatsAreNotKeptAndTheOldestGo()
    {
        var history = new LineHistory(capacity: 2);
        history.Add("a");
        history.Add("");
        history.Add("   ");
        history.Add("a");
        history.Add("b");
        history.Add("c");
        Assert.That(history.Count, Is.EqualTo(2));
        Assert.That(history.Previous(""), Is.EqualTo("c"));
        Assert.That(history.Previous(""), Is.EqualTo("b"));
        Assert.That(history.Previous(""), Is.Null);
    }
}
