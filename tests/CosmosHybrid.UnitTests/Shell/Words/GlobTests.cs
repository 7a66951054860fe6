using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Services.Shell.Words;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Words;

/// <summary>Glob matching (as POSIX fnmatch matches file names) and expansion over a table of directories.</summary>
[TestFixture]
public class GlobTests
{
    [TestCase("*.txt", "a.txt", true)]
    [TestCase("*.txt", "a.txt.bak", false)]
    [TestCase("*.txt", ".hidden.txt", false)]
    [TestCase("?hidden.txt", ".hidden.txt", false)]
    [TestCase("[.]hidden.txt", ".hidden.txt", false)]
    [TestCase(".*", ".hidden", true)]
    [TestCase("\\.*", ".hidden", true)]
    [TestCase("*", "anything at all", true)]
    [TestCase("a*b*c", "aXXbYYc", true)]
    [TestCase("a*b*c", "aXXbYY", false)]
    [TestCase("a*a*a", "aaa", true)]
    [TestCase("a?c", "abc", true)]
    [TestCase("a?c", "ac", false)]
    [TestCase("?", "é", true)]
    [TestCase("?", "😀", true)]
    [TestCase("??", "😀", false)]
    [TestCase("*😀*", "x😀y", true)]
    [TestCase("*?", "😀", true)]
    [TestCase("[abc]", "b", true)]
    [TestCase("[abc]", "d", false)]
    [TestCase("[!abc]", "b", false)]
    [TestCase("[!abc]", "d", true)]
    [TestCase("[^abc]", "d", true)]
    [TestCase("[a-c]x", "bx", true)]
    [TestCase("[a-c]x", "dx", false)]
    [TestCase("file[0-9][0-9]", "file42", true)]
    [TestCase("file[0-9][0-9]", "file4x", false)]
    [TestCase("[]]", "]", true)]
    [TestCase("[!]]", "a", true)]
    [TestCase("[!]]", "]", false)]
    [TestCase("[a-]", "-", true)]
    [TestCase("[\\]]", "]", true)]
    [TestCase("[a\\-z]", "-", true)]
    [TestCase("[a\\-z]", "b", false)]
    [TestCase("[a-", "[a-", true)]
    [TestCase("[a-", "a", false)]
    [TestCase("\\*", "*", true)]
    [TestCase("\\*", "a", false)]
    [TestCase("\\[a]", "[a]", true)]
    [TestCase("[α-ω]*", "ελληνικά.txt", true)]
    [TestCase("[А-Я]*", "Привет.txt", true)]
    [TestCase("[😀-😂]", "😁", true)]
    [TestCase("[😀-😂]", "😃", false)]
    [TestCase("[!😀]", "😁", true)]
    [TestCase("Ü*", "Über café.txt", true)]
    [TestCase("ü*", "Über café.txt", false)]
    [TestCase("*.TXT", "a.txt", false)]
    [TestCase("日本*", "日本語.txt", true)]
    public void MatchesNamesInCharacters(string pattern, string name, bool matches)
    {
        Assert.That(GlobPattern.Match(pattern, name), Is.EqualTo(matches));
    }

    private sealed class TableFileSystem : IGlobFileSystem
    {
        private readonly Dictionary<string, List<GlobEntry>> _directories = new();

        public TableFileSystem()
        {
            Add("/disk", "a.txt", "b.txt", "c.log", "sub/", "Über café.txt", ".hidden.txt", "many/", "x y/", "ελληνικά.txt", "😀 smile.txt", "Zebra.txt");
            Add("/disk/sub", "one.txt", "two.txt", "deep/");
            Add("/disk/sub/deep", "one.txt");
            Add("/disk/x y", "z.txt");
            Add("/disk/many", Enumerable.Range(0, 1500).Select(i => "file" + i.ToString("D4")).ToArray());
            Add("/", "disk/");
        }

        public string WorkingDirectory { get; set; } = "/disk";

        public bool List(string directory, List<GlobEntry> entries)
        {
            if (!_directories.TryGetValue(Absolute(directory), out List<GlobEntry> list))
            {
                return false;
            }

            entries.AddRange(list);
            return true;
        }

        public bool Exists(string path)
        {
            string absolute = Absolute(path);
            int slash = absolute.LastIndexOf('/');
            string parent = slash == 0 ? "/" : absolute.Substring(0, slash);
            return _directories.TryGetValue(parent, out List<GlobEntry> list) && list.Any(e => e.Name == absolute.Substring(slash + 1));
        }

        private string Absolute(string path)
        {
            if (path == ".")
            {
                return WorkingDirectory;
            }

            string absolute = path.StartsWith('/') ? path : WorkingDirectory + "/" + path;
            return absolute.Length > 1 ? absolute.TrimEnd('/') : absolute;
        }

        private void Add(string directory, params string[] names) =>
            _directories[directory] = names.Select(n => new GlobEntry(n.TrimEnd('/'), n.EndsWith('/'))).ToList();
    }

    [TestCase("/disk/*.txt", "/disk/Zebra.txt|/disk/a.txt|/disk/b.txt|/disk/Über café.txt|/disk/ελληνικά.txt|/disk/😀 smile.txt")]
    [TestCase("*.txt", "Zebra.txt|a.txt|b.txt|Über café.txt|ελληνικά.txt|😀 smile.txt")]
    [TestCase("./[ab].txt", "./a.txt|./b.txt")]
    [TestCase("/disk/.*", "/disk/.hidden.txt")]
    [TestCase("/disk/*/one.txt", "/disk/sub/one.txt")]
    [TestCase("/disk/*/*.txt", "/disk/sub/one.txt|/disk/sub/two.txt|/disk/x y/z.txt")]
    [TestCase("/disk/sub/*/*", "/disk/sub/deep/one.txt")]
    [TestCase("/*/sub", "/disk/sub")]
    [TestCase("/disk/s*/", "/disk/sub/")]
    [TestCase("/disk/*/", "/disk/many/|/disk/sub/|/disk/x y/")]
    [TestCase("/disk/many/file000?", "/disk/many/file0000|/disk/many/file0001|/disk/many/file0002|/disk/many/file0003|/disk/many/file0004|/disk/many/file0005|/disk/many/file0006|/disk/many/file0007|/disk/many/file0008|/disk/many/file0009")]
    [TestCase("/disk/many/file1[2-4]9[!0-8]", "/disk/many/file1299|/disk/many/file1399|/disk/many/file1499")]
    [TestCase("/disk/x\\ y/*", "/disk/x y/z.txt")]
    [TestCase("/disk/[α-ω]*", "/disk/ελληνικά.txt")]
    [TestCase("/disk/? smile.txt", "/disk/😀 smile.txt")]
    public void ExpandsInEveryComponentSortedOrdinally(string pattern, string expected)
    {
        var matches = new List<string>();
        Assert.That(GlobExpander.Expand(pattern, new TableFileSystem(), matches), Is.EqualTo(GlobResult.Matched));
        Assert.That(string.Join("|", matches), Is.EqualTo(expected));
    }

    [TestCase("/disk/*.none")]
    [TestCase("/nowhere/*")]
    [TestCase("/disk/*/missing.txt")]
    [TestCase("/disk/a.txt/*")]
    [TestCase("/disk/\\*.txt")]
    [TestCase("/disk/a.txt")]
    public void NoMatchLeavesTheWordAsTyped(string pattern)
    {
        var matches = new List<string>();
        Assert.That(GlobExpander.Expand(pattern, new TableFileSystem(), matches), Is.EqualTo(GlobResult.NoMatch));
        Assert.That(matches, Is.Empty);
    }

    [Test]
    public void ThousandsOfMatchesAreRefused()
    {
        var matches = new List<string>();
        Assert.That(GlobExpander.Expand("/disk/many/file*", new TableFileSystem(), matches), Is.EqualTo(GlobResult.TooManyMatches));
        Assert.That(GlobExpander.Expand("/disk/many/file0*", new TableFileSystem(), matches), Is.EqualTo(GlobResult.Matched));
        Assert.That(matches.Count, Is.EqualTo(1000));
    }

    [Test]
    public void OrdinalOrderIsUtf16CodeUnitOrder()
    {
        string[] names = { "b", "B", "a", "é", "😀", "\uFF21", "_", "A1", "A" };
        string[] expected = names.OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        System.Array.Sort(names, GlobExpander.CompareOrdinal);
        Assert.That(names, Is.EqualTo(expected));
    }
}
