using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Words;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Words;

/// <summary>Words quoted for a child shell come back from the parser exactly as they were.</summary>
[TestFixture]
public class ShellQuotingTests
{
    [TestCase("echo", "hi")]
    [TestCase("cat", "a b.txt")]
    [TestCase("echo", "it's", "\"quoted\"", "back\\slash")]
    [TestCase("echo", "*.txt", "$?", "a|b", "c>d", "e;f", "#g")]
    [TestCase("echo", "", "γεια σου", "😀")]
    public void QuotedWordsParseBackUnchanged(params string[] words)
    {
        string line = ShellQuoting.Quote(new List<string>(words));
        var commands = new List<ShellCommand>();
        Assert.That(ShellParser.Parse(line, commands), Is.Null);
        Assert.That(commands, Has.Count.EqualTo(1));
        Assert.That(commands[0].Redirections, Is.Empty);
        var parsed = new List<string>();
        foreach (ShellWord word in commands[0].Words)
        {
            ExpandedWord expanded = word.Expand(7);
            Assert.That(expanded.HasGlob, Is.False);
            parsed.Add(expanded.Text);
        }

        Assert.That(parsed, Is.EqualTo(words));
    }
}
