using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>String operations a shell uses: searching, splitting, trimming, comparing, building.</summary>
internal static class StringCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("string: length, indexer, empty and blank checks", LengthAndBlank),
        new ConformanceCase("string: Substring", Substring),
        new ConformanceCase("string: IndexOf char and string", IndexOf),
        new ConformanceCase("string: IndexOf with start and count", IndexOfRanges),
        new ConformanceCase("string: LastIndexOf", LastIndexOf),
        new ConformanceCase("string: IndexOfAny and LastIndexOfAny", IndexOfAny),
        new ConformanceCase("string: Contains, StartsWith, EndsWith", ContainsStartsEnds),
        new ConformanceCase("string: ordinal and ignore-case equality", Equality),
        new ConformanceCase("string: ordinal comparison", Comparison),
        new ConformanceCase("string: Trim, TrimStart, TrimEnd", Trim),
        new ConformanceCase("string: Split on a char keeps empty pieces", SplitChar),
        new ConformanceCase("string: Split with RemoveEmptyEntries and TrimEntries", SplitOptions),
        new ConformanceCase("string: Split on several chars and on white space", SplitMany),
        new ConformanceCase("string: Split on strings", SplitStrings),
        new ConformanceCase("string: Split with a count", SplitCount),
        new ConformanceCase("string: Replace", Replace),
        new ConformanceCase("string: invariant case mapping", CaseMapping),
        new ConformanceCase("string: Join", Join),
        new ConformanceCase("string: Concat", Concat),
        new ConformanceCase("string: PadLeft and PadRight", Pad),
        new ConformanceCase("string: Insert and Remove", InsertRemove),
        new ConformanceCase("string: constructors and ToCharArray", Constructors),
        new ConformanceCase("string: foreach and IEnumerable<char>", Enumerate),
        new ConformanceCase("string: switch over many literals", Switch),
        new ConformanceCase("string: Format", Format),
        new ConformanceCase("string: hash codes of equal strings", HashCodes),
        new ConformanceCase("string: ranges and from-end indexes", Ranges),
        new ConformanceCase("string: argument errors", Errors),
    };

    private static void LengthAndBlank(ConformanceCheck c)
    {
        c.Equal(0, "".Length, "\"\".Length");
        c.Equal(0, string.Empty.Length, "string.Empty.Length");
        c.Equal(5, "hello".Length, "\"hello\".Length");
        c.Equal('e', "hello"[1], "indexer");
        c.True(string.IsNullOrEmpty(null), "IsNullOrEmpty(null)");
        c.True(string.IsNullOrEmpty(""), "IsNullOrEmpty(\"\")");
        c.False(string.IsNullOrEmpty(" "), "IsNullOrEmpty(\" \")");
        c.True(string.IsNullOrWhiteSpace(null), "IsNullOrWhiteSpace(null)");
        c.True(string.IsNullOrWhiteSpace(" \t\r\n"), "IsNullOrWhiteSpace(blanks)");
        c.True(string.IsNullOrWhiteSpace("\u3000\u00A0"), "IsNullOrWhiteSpace(Unicode spaces)");
        c.False(string.IsNullOrWhiteSpace(" x "), "IsNullOrWhiteSpace(\" x \")");
    }

    private static void Substring(ConformanceCheck c)
    {
        string s = "kernel shell";
        c.Equal("shell", s.Substring(7), "Substring(7)");
        c.Equal("ker", s.Substring(0, 3), "Substring(0, 3)");
        c.Equal("", s.Substring(s.Length), "Substring(Length)");
        c.Equal("", s.Substring(3, 0), "Substring(3, 0)");
        c.Equal(s, s.Substring(0), "Substring(0)");
        c.Equal("l s", s.Substring(5, 3), "Substring(5, 3)");
    }

    private static void IndexOf(ConformanceCheck c)
    {
        string s = "abcabc";
        c.Equal(1, s.IndexOf('b'), "IndexOf('b')");
        c.Equal(-1, s.IndexOf('z'), "IndexOf('z')");
        c.Equal(2, s.IndexOf("ca"), "IndexOf(\"ca\")");
        c.Equal(0, s.IndexOf(""), "IndexOf(\"\")");
        c.Equal(-1, s.IndexOf("abcd"), "IndexOf longer than a match");
        c.Equal(-1, "".IndexOf('a'), "IndexOf in empty string");
        c.Equal(0, "".IndexOf(""), "\"\".IndexOf(\"\")");
        c.Equal(1, s.IndexOf("BCA", StringComparison.OrdinalIgnoreCase), "IndexOf(\"BCA\", OrdinalIgnoreCase)");
        c.Equal(-1, s.IndexOf("BCA", StringComparison.Ordinal), "IndexOf(\"BCA\", Ordinal)");
        c.Equal(4, "x\r\ny\n".IndexOf('\n', 3), "IndexOf('\\n', 3)");
    }

    private static void IndexOfRanges(ConformanceCheck c)
    {
        string s = "abcabc";
        c.Equal(4, s.IndexOf('b', 2), "IndexOf('b', 2)");
        c.Equal(-1, s.IndexOf('b', 2, 2), "IndexOf('b', 2, 2)");
        c.Equal(4, s.IndexOf('b', 2, 3), "IndexOf('b', 2, 3)");
        c.Equal(-1, s.IndexOf('a', 6), "IndexOf at the end");
        c.Equal(3, s.IndexOf("abc", 1), "IndexOf(\"abc\", 1)");
        c.Equal(6, s.IndexOf("", 6), "IndexOf(\"\", Length)");
        c.Equal(3, s.IndexOf("abc", 1, 5), "IndexOf(\"abc\", 1, 5)");
        c.Equal(-1, s.IndexOf("abc", 1, 4), "IndexOf(\"abc\", 1, 4)");
    }

    private static void LastIndexOf(ConformanceCheck c)
    {
        string s = "a/b/c";
        c.Equal(3, s.LastIndexOf('/'), "LastIndexOf('/')");
        c.Equal(1, s.LastIndexOf('/', 2), "LastIndexOf('/', 2)");
        c.Equal(-1, s.LastIndexOf('x'), "LastIndexOf missing");
        c.Equal(-1, "".LastIndexOf('x'), "LastIndexOf in empty");
        c.Equal(2, "abcabc".LastIndexOf('c', 2), "LastIndexOf('c', 2)");
        c.Equal(3, "abcabc".LastIndexOf("abc"), "LastIndexOf(\"abc\")");
        c.Equal(6, "abcabc".LastIndexOf(""), "LastIndexOf(\"\") is the length");
        c.Equal(0, "".LastIndexOf(""), "\"\".LastIndexOf(\"\")");
        c.Equal(0, "abcabc".LastIndexOf("abc", 4), "LastIndexOf(\"abc\", 4)");
        c.Equal(3, "abcABC".LastIndexOf("abc", StringComparison.OrdinalIgnoreCase), "LastIndexOf ignoring case");
        c.Equal(4, "a.b.c".LastIndexOf('c', 4, 1), "LastIndexOf('c', 4, 1)");
        c.Equal(-1, "a.b.c".LastIndexOf('a', 4, 4), "LastIndexOf('a', 4, 4)");
    }

    private static void IndexOfAny(ConformanceCheck c)
    {
        char[] separators = { ',', ';' };
        c.Equal(1, "a;b,c".IndexOfAny(separators), "IndexOfAny");
        c.Equal(3, "a;b,c".IndexOfAny(separators, 2), "IndexOfAny from 2");
        c.Equal(-1, "abc".IndexOfAny(separators), "IndexOfAny missing");
        c.Equal(3, "a;b,c".LastIndexOfAny(separators), "LastIndexOfAny");
    }

    private static void ContainsStartsEnds(ConformanceCheck c)
    {
        string s = "/usr/bin/ls";
        c.True(s.Contains("bin"), "Contains(\"bin\")");
        c.True(s.Contains(""), "Contains(\"\")");
        c.False(s.Contains("BIN"), "Contains is case-sensitive");
        c.True(s.Contains("BIN", StringComparison.OrdinalIgnoreCase), "Contains ignoring case");
        c.True(s.Contains('/'), "Contains('/')");
        c.True(s.StartsWith("/usr", StringComparison.Ordinal), "StartsWith ordinal");
        c.True(s.StartsWith('/'), "StartsWith('/')");
        c.False("".StartsWith('/'), "\"\".StartsWith('/')");
        c.True(s.StartsWith(""), "StartsWith(\"\")");
        c.True(s.EndsWith("ls"), "EndsWith(\"ls\")");
        c.True(s.EndsWith('s'), "EndsWith('s')");
        c.False(s.EndsWith("/usr/bin/ls/"), "EndsWith longer string");
        c.True(s.StartsWith("/USR", StringComparison.OrdinalIgnoreCase), "StartsWith ignoring case");
        c.True(s.EndsWith("LS", StringComparison.OrdinalIgnoreCase), "EndsWith ignoring case");
    }

    private static void Equality(ConformanceCheck c)
    {
        string built = new string(new[] { 'e', 'c', 'h', 'o' });
        c.True("echo" == built, "== compares contents");
        c.True("echo".Equals(built), "Equals(string)");
        c.True("echo".Equals((object)built), "Equals(object)");
        c.False("echo" == "Echo", "== is case-sensitive");
        c.True(string.Equals("ECHO", "echo", StringComparison.OrdinalIgnoreCase), "Equals OrdinalIgnoreCase");
        c.False(string.Equals("ECHO", "echo", StringComparison.Ordinal), "Equals Ordinal");
        c.True("Straße".Equals("STRAßE", StringComparison.OrdinalIgnoreCase), "ignore-case with non-ASCII");
        c.True(string.Equals(null, null), "Equals(null, null)");
        c.False(string.Equals("a", null), "Equals(\"a\", null)");
        c.False("a".Equals(null), "\"a\".Equals(null)");
        c.True("été".Equals("ÉTÉ", StringComparison.OrdinalIgnoreCase), "Latin-1 letters ignore case");
    }

    private static void Comparison(ConformanceCheck c)
    {
        c.True(string.CompareOrdinal("a", "b") < 0, "CompareOrdinal a < b");
        c.True(string.CompareOrdinal("b", "a") > 0, "CompareOrdinal b > a");
        c.Equal(0, string.CompareOrdinal("abc", "abc"), "CompareOrdinal equal");
        c.True(string.CompareOrdinal("B", "a") < 0, "CompareOrdinal B < a (code units)");
        c.True(string.CompareOrdinal("ab", "abc") < 0, "CompareOrdinal prefix first");
        c.True(string.CompareOrdinal(null, "a") < 0, "CompareOrdinal null first");
        c.True(string.Compare("abc", "abd", StringComparison.Ordinal) < 0, "Compare Ordinal");
        c.Equal(0, string.Compare("ABC", "abc", StringComparison.OrdinalIgnoreCase), "Compare OrdinalIgnoreCase");
        c.True("apple".CompareTo("banana") < 0, "CompareTo on lower-case words");
        c.True(string.Compare("kernel", "kern") > 0, "Compare longer after prefix");
    }

    private static void Trim(ConformanceCheck c)
    {
        c.Equal("a b", "  a b \t\r\n".Trim(), "Trim");
        c.Equal("a b \t", "  a b \t".TrimStart(), "TrimStart");
        c.Equal("  a b", "  a b \t".TrimEnd(), "TrimEnd");
        c.Equal("", "   ".Trim(), "Trim of blanks");
        c.Equal("", "".Trim(), "Trim of empty");
        c.Equal("x", "\u3000\u2003x\u00A0".Trim(), "Trim of Unicode spaces");
        c.Equal("path", "//path//".Trim('/'), "Trim('/')");
        c.Equal("path//", "//path//".TrimStart('/'), "TrimStart('/')");
        c.Equal("//path", "//path//".TrimEnd('/'), "TrimEnd('/')");
        c.Equal("b", "-=b=-".Trim('-', '='), "Trim(params char[])");
        c.Equal("a b", " a b ".Trim(null), "Trim(null) trims white space");
    }

    private static void SplitChar(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { "a", "b", "c" }, "a,b,c".Split(','), "simple split");
        c.SequenceEqual(new[] { "a", "", "b", "" }, "a,,b,".Split(','), "consecutive and trailing separators");
        c.SequenceEqual(new[] { "", "a" }, ",a".Split(','), "leading separator");
        c.SequenceEqual(new[] { "abc" }, "abc".Split(','), "no separator");
        c.SequenceEqual(new[] { "" }, "".Split(','), "empty string");
        c.SequenceEqual(new[] { "", "" }, ",".Split(','), "only a separator");
    }

    private static void SplitOptions(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { "a", "b" }, "a,,b,".Split(',', StringSplitOptions.RemoveEmptyEntries), "RemoveEmptyEntries");
        c.Equal(0, "".Split(',', StringSplitOptions.RemoveEmptyEntries).Length, "RemoveEmptyEntries on empty string");
        c.Equal(0, ",,,".Split(',', StringSplitOptions.RemoveEmptyEntries).Length, "RemoveEmptyEntries on separators only");
        c.SequenceEqual(new[] { "a", "b", "" }, " a , b ,".Split(',', StringSplitOptions.TrimEntries), "TrimEntries");
        c.SequenceEqual(new[] { "a", "b" }, " a , b , ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "TrimEntries and RemoveEmptyEntries");
        c.SequenceEqual(new[] { "ls", "-l", "/tmp" }, "ls  -l   /tmp ".Split(' ', StringSplitOptions.RemoveEmptyEntries), "command line split");
    }

    private static void SplitMany(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { "a", "b", "c", "d" }, "a,b;c d".Split(',', ';', ' '), "Split(params char[])");
        c.SequenceEqual(new[] { "a", "b", "", "c" }, "a b\t\nc".Split(), "Split() on white space");
        c.SequenceEqual(new[] { "a", "b", "c" }, "a b\t\nc".Split((char[])null, StringSplitOptions.RemoveEmptyEntries), "Split(null, RemoveEmptyEntries)");
        c.SequenceEqual(new[] { "x", "y" }, "x;;y".Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries), "Split(char[], options)");
    }

    private static void SplitStrings(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { "a", "b", "c" }, "a::b::c".Split("::"), "Split(string)");
        c.SequenceEqual(new[] { "a:b" }, "a:b".Split("::"), "Split(string) without a match");
        c.SequenceEqual(new[] { "a::b" }, "a::b".Split(""), "Split(\"\") does not split");
        c.SequenceEqual(new[] { "line1", "line2", "", "line3" }, "line1\r\nline2\n\nline3".Split(new[] { "\r\n", "\n" }, StringSplitOptions.None), "Split(string[])");
        c.SequenceEqual(new[] { "a", ">b" }, "a<>b".Split(new[] { "<", "<>" }, StringSplitOptions.RemoveEmptyEntries), "first matching separator wins");
        c.SequenceEqual(new[] { "a", "b" }, "a<>b".Split(new[] { "<>", "<" }, StringSplitOptions.RemoveEmptyEntries), "longer separator listed first");
        c.SequenceEqual(new[] { "a", "b" }, "a b".Split(new string[0], StringSplitOptions.None), "no string separators: white space");
    }

    private static void SplitCount(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { "a", "b,c" }, "a,b,c".Split(',', 2), "count 2");
        c.SequenceEqual(new[] { "a,b,c" }, "a,b,c".Split(',', 1), "count 1");
        c.Equal(0, "a,b,c".Split(',', 0).Length, "count 0");
        c.SequenceEqual(new[] { "a", "b,c" }, "a,,b,c".Split(',', 2, StringSplitOptions.RemoveEmptyEntries), "count with RemoveEmptyEntries");
        c.SequenceEqual(new[] { "a", "", "b,c" }, "a,,b,c".Split(',', 3), "count 3 keeps empty piece");
        c.SequenceEqual(new[] { "set", "name value with spaces" }, "set name value with spaces".Split(' ', 2), "command and rest");
        c.SequenceEqual(new[] { "x", "y" }, "x=y".Split("=", 5), "Split(string, count)");
    }

    private static void Replace(ConformanceCheck c)
    {
        c.Equal("a-b-c", "a.b.c".Replace('.', '-'), "Replace(char, char)");
        c.Equal("abc", "abc".Replace('x', 'y'), "Replace(char, char) without match");
        c.Equal("Heo", "Hello".Replace("l", ""), "Replace with empty");
        c.Equal("Heo", "Hello".Replace("l", null), "Replace with null");
        c.Equal("ba", "aaa".Replace("aa", "b"), "non-overlapping left to right");
        c.Equal("one two two", "one two three".Replace("three", "two"), "Replace at the end");
        c.Equal("[x][x]", "xx".Replace("x", "[x]"), "Replace growing");
        c.Equal("A-a", "a-a".Replace("a", "A", StringComparison.Ordinal).Replace("A", "a", StringComparison.Ordinal).Replace("a-", "A-"), "Replace chain");
        c.Equal("", "aaaa".Replace("aa", ""), "Replace everything");
    }

    private static void CaseMapping(ConformanceCheck c)
    {
        c.Equal("HELLO, WORLD 42!", "Hello, World 42!".ToUpperInvariant(), "ToUpperInvariant");
        c.Equal("hello, world 42!", "Hello, World 42!".ToLowerInvariant(), "ToLowerInvariant");
        c.Equal("ÉTÉ À ÇA", "été à ça".ToUpperInvariant(), "ToUpperInvariant Latin-1");
        c.Equal("été", "ÉTÉ".ToLowerInvariant(), "ToLowerInvariant Latin-1");
        c.Equal("", "".ToUpperInvariant(), "ToUpperInvariant of empty");
        c.Equal('A', char.ToUpperInvariant('a'), "char.ToUpperInvariant");
        c.Equal('z', char.ToLowerInvariant('Z'), "char.ToLowerInvariant");
        c.Equal('1', char.ToUpperInvariant('1'), "char.ToUpperInvariant of a digit");
    }

    private static void Join(ConformanceCheck c)
    {
        c.Equal("a, b, c", string.Join(", ", "a", "b", "c"), "Join(params)");
        c.Equal("a,,c", string.Join(",", new[] { "a", null, "c" }), "Join with null element");
        c.Equal("", string.Join(",", new string[0]), "Join of nothing");
        c.Equal("x", string.Join(",", new[] { "x" }), "Join of one");
        c.Equal("1-2-3", string.Join('-', new List<string> { "1", "2", "3" }), "Join(char, IEnumerable<string>) ");
        c.Equal("1/2/3", string.Join("/", new List<int> { 1, 2, 3 }), "Join<T>");
        c.Equal("b|c", string.Join("|", new[] { "a", "b", "c" }, 1, 2), "Join with a range");
        c.Equal("a.b", string.Join('.', "a", "b"), "Join(char, params)");
        c.Equal("ab", string.Join(null, "a", "b"), "Join with null separator");
    }

    private static void Concat(ConformanceCheck c)
    {
        string none = null;
        c.Equal("ab", "a" + "b", "+");
        c.Equal("a", "a" + none, "+ null");
        c.Equal("x1", "x" + 1, "+ int");
        c.Equal("abcd", string.Concat("a", "b", "c", "d"), "Concat four");
        c.Equal("abcde", string.Concat("a", "b", "c", "d", "e"), "Concat(params)");
        c.Equal("ac", string.Concat("a", null, "c"), "Concat with null");
        c.Equal("12", string.Concat(1, 2), "Concat(object, object)");
        c.Equal("", string.Concat(none, none), "Concat of nulls");
        c.Equal("xyz", string.Concat(new List<string> { "x", "y", "z" }), "Concat(IEnumerable<string>)");
        c.Equal("ab", string.Concat("a".AsSpan(), "b".AsSpan()), "Concat(spans)");
    }

    private static void Pad(ConformanceCheck c)
    {
        c.Equal("   42", "42".PadLeft(5), "PadLeft");
        c.Equal("00042", "42".PadLeft(5, '0'), "PadLeft('0')");
        c.Equal("42   |", "42".PadRight(5) + "|", "PadRight");
        c.Equal("hello", "hello".PadLeft(3), "PadLeft shorter");
        c.Equal("..", "".PadRight(2, '.'), "PadRight of empty");
    }

    private static void InsertRemove(ConformanceCheck c)
    {
        c.Equal("hello world", "helloworld".Insert(5, " "), "Insert in the middle");
        c.Equal(">x", "x".Insert(0, ">"), "Insert at the start");
        c.Equal("x<", "x".Insert(1, "<"), "Insert at the end");
        c.Equal("hello", "hello world".Remove(5), "Remove(start)");
        c.Equal("helloworld", "hello world".Remove(5, 1), "Remove(start, count)");
        c.Equal("abc", "abc".Remove(1, 0), "Remove nothing");
    }

    private static void Constructors(ConformanceCheck c)
    {
        c.Equal("---", new string('-', 3), "new string(char, count)");
        c.Equal("", new string('-', 0), "new string(char, 0)");
        c.Equal("bcd", new string(new[] { 'a', 'b', 'c', 'd' }, 1, 3), "new string(char[], start, length)");
        c.Equal("", new string((char[])null), "new string(null)");
        char[] chars = "kernel".ToCharArray();
        c.Equal(6, chars.Length, "ToCharArray length");
        c.Equal('k', chars[0], "ToCharArray first");
        c.Equal("rn", new string("kernel".ToCharArray(2, 2)), "ToCharArray(start, length)");
        c.Equal("ern", new string("kernel".AsSpan(1, 3)), "new string(span)");
    }

    private static void Enumerate(ConformanceCheck c)
    {
        int digits = 0;
        foreach (char ch in "a1b22c333")
        {
            if (char.IsDigit(ch))
                digits++;
        }
        c.Equal(6, digits, "foreach over a string");

        IEnumerable<char> sequence = "xyz";
        var seen = new List<char>();
        foreach (char ch in sequence)
            seen.Add(ch);
        c.SequenceEqual(new[] { 'x', 'y', 'z' }, seen, "IEnumerable<char>");
    }

    private static void Switch(ConformanceCheck c)
    {
        string[] commands = { "ls", "cat", "write", "mkdir", "rm", "ps", "kill", "ifconfig", "ping", "bench", "crash", "help", "nope" };
        int sum = 0;
        foreach (string command in commands)
            sum += Classify(command);
        c.Equal(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 0, sum, "switch over 12 strings");
        c.Equal(0, Classify(""), "switch over empty string");
        c.Equal(0, Classify("LS"), "switch is case-sensitive");
    }

    private static int Classify(string command)
    {
        switch (command)
        {
            case "ls": return 1;
            case "cat": return 2;
            case "write": return 3;
            case "mkdir": return 4;
            case "rm": return 5;
            case "ps": return 6;
            case "kill": return 7;
            case "ifconfig": return 8;
            case "ping": return 9;
            case "bench": return 10;
            case "crash": return 11;
            case "help": return 12;
            default: return 0;
        }
    }

    private static void Format(ConformanceCheck c)
    {
        c.Equal("x=5, y=-3", string.Format("x={0}, y={1}", 5, -3), "positional arguments");
        c.Equal("0x00ff", string.Format("0x{0:x4}", 255), "format string in an item");
        c.Equal("[   ab][ab   ]", string.Format("[{0,5}][{0,-5}]", "ab"), "alignment");
        c.Equal("{literal} 1", string.Format("{{literal}} {0}", 1), "escaped braces");
        c.Equal("a  b", string.Format("{0} {1} {2}", "a", null, "b"), "null argument");
        c.Equal("3 2 1", string.Format("{2} {1} {0}", 1, 2, 3), "reordered arguments");
    }

    private static void HashCodes(ConformanceCheck c)
    {
        string a = "network";
        string b = new string("network".ToCharArray());
        c.Equal(a.GetHashCode(), b.GetHashCode(), "equal strings hash alike");
        c.Equal(a.GetHashCode(StringComparison.OrdinalIgnoreCase), "NETWORK".GetHashCode(StringComparison.OrdinalIgnoreCase), "ignore-case hash");
        c.Equal(StringComparer.OrdinalIgnoreCase.GetHashCode("Ab"), StringComparer.OrdinalIgnoreCase.GetHashCode("aB"), "StringComparer.OrdinalIgnoreCase hash");
    }

    private static void Ranges(ConformanceCheck c)
    {
        string s = "[value]";
        c.Equal("value", s[1..^1], "s[1..^1]");
        c.Equal(']', s[^1], "s[^1]");
        c.Equal("[val", s[..4], "s[..4]");
        c.Equal("ue]", s[4..], "s[4..]");
    }

    private static void Errors(ConformanceCheck c)
    {
        c.Throws<ArgumentOutOfRangeException>(() => "abc".Substring(4), "Substring past the end");
        c.Throws<ArgumentOutOfRangeException>(() => "abc".Substring(1, 3), "Substring too long");
        c.Throws<ArgumentException>(() => "abc".Replace("", "x"), "Replace(\"\")");
        c.Throws<ArgumentNullException>(() => "abc".Replace(null, "x"), "Replace(null)");
        c.Throws<ArgumentNullException>(() => "abc".Contains((string)null), "Contains(null)");
        c.Throws<IndexOutOfRangeException>(() => _ = "abc"[3], "indexer past the end");
        c.Throws<FormatException>(() => string.Format("{1}", 1), "Format with a missing argument");
        c.Throws<ArgumentOutOfRangeException>(() => "a,b".Split(',', -1), "Split with a negative count");
    }
}
