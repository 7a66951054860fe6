using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Editing;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Editing;

public class CompletionTests
{
    private sealed class Table : ICompletionSource
    {
        public void AddCommands(string prefix, bool programsOnly, List<string> candidates)
        {
            foreach (string name in programsOnly ? new[] { "usertest" } : new[] { "cat", "cd", "echo", "usertest", "uptime" })
            {
                if (name.StartsWith(prefix, System.StringComparison.Ordinal))
                    candidates.Add(name);
            }
        }

        public void AddEntries(string directory, string prefix, List<string> candidates)
        {
            string[] names = directory switch
            {
                "" => new[] { "notes.txt", "docs/", "données/", "report-2025.txt", "report-2026.txt" },
                "/disk" => new[] { "Привет.txt", "Пока.txt", "x.bin" },
                _ => new string[0],
            };
            foreach (string name in names)
            {
                if (name.StartsWith(prefix, System.StringComparison.Ordinal))
                    candidates.Add(name);
            }
        }
    }

    private static Completion.Result Complete(string line) => Completion.Complete(line, line.Length, new Table());

    [Test]
    public void TheFirstWordIsACommand()
    {
        Assert.That(Complete("ec").Insert, Is.EqualTo("ho "));
        Assert.That(Complete("u").Insert, Is.EqualTo(""));
        Assert.That(Complete("u").Listing, Is.EqualTo(new[] { "uptime", "usertest" }));
        Assert.That(Complete("ls; ca").Insert, Is.EqualTo("t "), "after ; a command again");
        Assert.That(Complete("run u").Insert, Is.EqualTo("sertest "), "run takes a program, not a built-in");
    }

    [Test]
    public void LaterWordsArePaths()
    {
        Assert.That(Complete("cat no").Insert, Is.EqualTo("tes.txt "));
        Assert.That(Complete("cd do").Insert, Is.EqualTo(""), "docs/ and données/ share only 'do'");
        Assert.That(Complete("cd doc").Insert, Is.EqualTo("s/"), "a directory gets no space");
        Assert.That(Complete("cat /disk/П").Insert, Is.EqualTo(""));
        Assert.That(Complete("cat /disk/П").Listing, Is.EqualTo(new[] { "Пока.txt", "Привет.txt" }));
        Assert.That(Complete("cat /disk/Пр").Insert, Is.EqualTo("ивет.txt "));
        Assert.That(Complete("cat zz").Listing, Is.Null);
    }

    [Test]
    public void CommonPrefixOfSeveralIsInsertedWithoutAListing()
    {
        Completion.Result result = Complete("cat re");
        Assert.That(result.Insert, Is.EqualTo("port-202"));
        Assert.That(result.Listing, Is.Null, "the list shows only when Tab adds nothing");
        Assert.That(Complete("cat report-202").Listing, Is.EqualTo(new[] { "report-2025.txt", "report-2026.txt" }));
    }

    [Test]
    public void CompletesTheWordAtTheCursorNotTheLineEnd()
    {
        Completion.Result result = Completion.Complete("cat no other", 6, new Table());
        Assert.That(result.Insert, Is.EqualTo("tes.txt "));
    }
}
