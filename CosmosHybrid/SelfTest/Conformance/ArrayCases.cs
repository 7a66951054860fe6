using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>The static Array helpers and arrays seen through the collection interfaces.</summary>
internal static class ArrayCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("array: Empty, Resize, Fill, Clear", Basics),
        new ConformanceCase("array: Copy, including overlapping and between reference types", Copy),
        new ConformanceCase("array: IndexOf, LastIndexOf, Exists, Find, FindIndex", Search),
        new ConformanceCase("array: Sort with default order, Comparison, IComparer, ranges", Sort),
        new ConformanceCase("array: Reverse", Reverse),
        new ConformanceCase("array: arrays as IList<T> and IEnumerable<T>", Interfaces),
        new ConformanceCase("array: errors", Errors),
    };

    private static void Basics(ConformanceCheck c)
    {
        int[] empty = Array.Empty<int>();
        c.Equal(0, empty.Length, "Array.Empty length");
        c.True(ReferenceEquals(empty, Array.Empty<int>()), "Array.Empty is shared");
        c.True(ReferenceEquals(Array.Empty<string>(), Array.Empty<string>()), "Array.Empty<string> is shared");
        int[] data = { 1, 2, 3 };
        Array.Resize(ref data, 5);
        c.SequenceEqual(new[] { 1, 2, 3, 0, 0 }, data, "Resize larger");
        Array.Resize(ref data, 2);
        c.SequenceEqual(new[] { 1, 2 }, data, "Resize smaller");
        int[] none = null;
        Array.Resize(ref none, 2);
        c.Equal(2, none.Length, "Resize null");
        Array.Fill(data, 9);
        c.SequenceEqual(new[] { 9, 9 }, data, "Fill");
        var longer = new int[5];
        Array.Fill(longer, 4, 1, 3);
        c.SequenceEqual(new[] { 0, 4, 4, 4, 0 }, longer, "Fill range");
        Array.Clear(longer, 2, 2);
        c.SequenceEqual(new[] { 0, 4, 0, 0, 0 }, longer, "Clear range");
        string[] names = { "a", "b" };
        Array.Clear(names);
        c.Equal(null, names[1], "Clear references");
    }

    private static void Copy(ConformanceCheck c)
    {
        int[] source = { 1, 2, 3, 4, 5 };
        int[] target = new int[5];
        Array.Copy(source, target, 3);
        c.SequenceEqual(new[] { 1, 2, 3, 0, 0 }, target, "Copy(source, target, length)");
        Array.Copy(source, 3, target, 0, 2);
        c.SequenceEqual(new[] { 4, 5, 3, 0, 0 }, target, "Copy with indexes");
        Array.Copy(source, 0, source, 1, 4);
        c.SequenceEqual(new[] { 1, 1, 2, 3, 4 }, source, "overlapping Copy forward");
        Array.Copy(source, 1, source, 0, 4);
        c.SequenceEqual(new[] { 1, 2, 3, 4, 4 }, source, "overlapping Copy backward");
        string[] strings = { "x", "y" };
        object[] objects = new object[3];
        Array.Copy(strings, 0, objects, 1, 2);
        c.Equal("y", (string)objects[2], "string[] into object[]");
        object[] boxedStrings = { "p", "q" };
        string[] back = new string[2];
        Array.Copy(boxedStrings, back, 2);
        c.Equal("q", back[1], "object[] holding strings into string[]");
        long[] longs = { 1, 2 };
        long[] longCopy = new long[2];
        longs.CopyTo(longCopy, 0);
        c.SequenceEqual(longs, longCopy, "Array.CopyTo");
    }

    private static void Search(ConformanceCheck c)
    {
        string[] names = { "ls", "cat", null, "ls" };
        c.Equal(0, Array.IndexOf(names, "ls"), "IndexOf");
        c.Equal(3, Array.LastIndexOf(names, "ls"), "LastIndexOf");
        c.Equal(2, Array.IndexOf(names, null), "IndexOf(null)");
        c.Equal(3, Array.IndexOf(names, "ls", 1), "IndexOf from 1");
        c.Equal(-1, Array.IndexOf(names, "ls", 1, 2), "IndexOf in a range");
        c.Equal(-1, Array.IndexOf(new int[0], 1), "IndexOf in an empty array");
        int[] numbers = { 4, 8, 15, 16, 23, 42 };
        c.True(Array.Exists(numbers, n => n > 40), "Exists");
        c.Equal(15, Array.Find(numbers, n => n % 2 == 1), "Find");
        c.Equal(3, Array.FindIndex(numbers, n => n == 16), "FindIndex");
        c.Equal(0, Array.Find(numbers, n => n > 100), "Find without a match");
    }

    private static void Sort(ConformanceCheck c)
    {
        int[] numbers = { 9, -2, 7, 0, 7, 100, -50, 3 };
        Array.Sort(numbers);
        c.SequenceEqual(new[] { -50, -2, 0, 3, 7, 7, 9, 100 }, numbers, "Sort ints");
        string[] words = { "delta", "alpha", "charlie", "bravo" };
        Array.Sort(words);
        c.SequenceEqual(new[] { "alpha", "bravo", "charlie", "delta" }, words, "Sort strings");
        Array.Sort(words, (a, b) => b.Length != a.Length ? b.Length - a.Length : string.CompareOrdinal(a, b));
        c.SequenceEqual(new[] { "charlie", "alpha", "bravo", "delta" }, words, "Sort(Comparison)");
        Array.Sort(words, StringComparer.Ordinal);
        c.SequenceEqual(new[] { "alpha", "bravo", "charlie", "delta" }, words, "Sort(IComparer)");
        int[] partial = { 5, 4, 3, 2, 1 };
        Array.Sort(partial, 1, 3);
        c.SequenceEqual(new[] { 5, 2, 3, 4, 1 }, partial, "Sort range");
        uint[] unsigned = { 3000000000, 1, 2000000000 };
        Array.Sort(unsigned);
        c.SequenceEqual(new[] { 1u, 2000000000u, 3000000000u }, unsigned, "Sort uints");
        var big = new int[1000];
        for (int i = 0; i < big.Length; i++)
            big[i] = (i * 7919) % 1000;
        Array.Sort(big);
        bool identity = true;
        for (int i = 0; i < big.Length; i++)
            identity &= big[i] == i;
        c.True(identity, "Sort of a permutation of 0..999");
        var already = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
        Array.Sort(already);
        c.Equal(20, already[19], "Sort of sorted input");
        var equal = new int[50];
        Array.Sort(equal);
        c.Equal(0, equal[49], "Sort of equal values");
    }

    private static void Reverse(ConformanceCheck c)
    {
        int[] numbers = { 1, 2, 3, 4, 5 };
        Array.Reverse(numbers);
        c.SequenceEqual(new[] { 5, 4, 3, 2, 1 }, numbers, "Reverse");
        Array.Reverse(numbers, 1, 3);
        c.SequenceEqual(new[] { 5, 2, 3, 4, 1 }, numbers, "Reverse range");
        Array.Reverse(new int[0]);
        c.True(true, "Reverse of an empty array");
    }

    private static void Interfaces(ConformanceCheck c)
    {
        IList<int> list = new[] { 3, 1, 2 };
        c.Equal(3, list.Count, "IList Count");
        c.Equal(1, list[1], "IList indexer");
        c.Equal(2, list.IndexOf(2), "IList IndexOf");
        c.True(list.Contains(3), "IList Contains");
        c.True(list.IsReadOnly, "arrays are fixed-size");
        list[0] = 30;
        c.Equal(30, list[0], "IList set");
        IEnumerable<string> sequence = new[] { "a", "b" };
        string joined = "";
        foreach (string s in sequence)
            joined += s;
        c.Equal("ab", joined, "IEnumerable<string> over an array");
        IReadOnlyList<long> readOnly = new long[] { 5, 6 };
        c.Equal(6L, readOnly[1], "IReadOnlyList");
        c.Equal("x|y", string.Join("|", (IEnumerable<string>)new[] { "x", "y" }), "Join over an array as IEnumerable");
        var fromArray = new List<int>(new[] { 7, 8 });
        c.SequenceEqual(new[] { 7, 8 }, fromArray, "List from an array");
    }

    private static void Errors(ConformanceCheck c)
    {
        c.Throws<ArgumentException>(() => Array.Copy(new int[2], new int[1], 2), "Copy into a short array");
        c.Throws<ArgumentOutOfRangeException>(() => Array.Copy(new int[2], new int[2], -1), "Copy negative length");
        c.Throws<ArgumentNullException>(() => Array.Copy(null, new int[1], 0), "Copy from null");
        c.Throws<NotSupportedException>(() => ((IList<int>)new int[1]).Add(1), "Add to an array");
        c.Throws<ArgumentNullException>(() => Array.Sort((int[])null), "Sort(null)");
        c.Throws<InvalidCastException>(() => Array.Copy(new object[] { 1 }, new string[1], 1), "Copy a non-string into string[]");
        c.Throws<IndexOutOfRangeException>(() => (new int[2])[2] = 0, "array index past the end");
    }
}
