using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>List&lt;T&gt;: growth, insertion and removal at the ends, searching, sorting, enumeration.</summary>
internal static class ListCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("list: Add, Count, indexer", AddAndIndex),
        new ConformanceCase("list: capacity grows 0, 4, 8, 16", Capacity),
        new ConformanceCase("list: Insert at the start, middle and end", Insert),
        new ConformanceCase("list: RemoveAt at both ends, Remove first match", Remove),
        new ConformanceCase("list: RemoveAll, RemoveRange, Clear and reuse", RemoveMany),
        new ConformanceCase("list: Contains, IndexOf, LastIndexOf with nulls", Search),
        new ConformanceCase("list: Find, FindIndex, Exists, TrueForAll, FindAll", Predicates),
        new ConformanceCase("list: Sort, Sort(Comparison), Sort(IComparer), Reverse", Sort),
        new ConformanceCase("list: sorting 500 pseudo-random values", SortLarge),
        new ConformanceCase("list: AddRange, InsertRange (also from itself), GetRange", Ranges),
        new ConformanceCase("list: ToArray, CopyTo, ConvertAll, ForEach", Conversions),
        new ConformanceCase("list: foreach order and IEnumerable<T>", Enumerate),
        new ConformanceCase("list: IList<T> and IReadOnlyList<T> views", Interfaces),
        new ConformanceCase("list: 10000 elements of a struct type", ManyStructs),
        new ConformanceCase("list: BinarySearch", BinarySearch),
        new ConformanceCase("list: errors and changes during enumeration", Errors),
    };

    private static void AddAndIndex(ConformanceCheck c)
    {
        var list = new List<int>();
        c.Equal(0, list.Count, "new list is empty");
        list.Add(10);
        list.Add(20);
        list.Add(30);
        c.Equal(3, list.Count, "Count");
        c.Equal(20, list[1], "indexer");
        list[1] = 25;
        c.Equal(25, list[1], "indexer set");
        var words = new List<string> { "a", null, "c" };
        c.Equal(3, words.Count, "collection initializer");
        c.Equal(null, words[1], "null element");
    }

    private static void Capacity(ConformanceCheck c)
    {
        var list = new List<int>();
        c.Equal(0, list.Capacity, "initial capacity");
        list.Add(1);
        c.Equal(4, list.Capacity, "after the first Add");
        for (int i = 0; i < 4; i++)
            list.Add(i);
        c.Equal(8, list.Capacity, "after the fifth Add");
        for (int i = 0; i < 4; i++)
            list.Add(i);
        c.Equal(16, list.Capacity, "after the ninth Add");
        c.Equal(9, list.Count, "Count");
        var sized = new List<int>(3);
        c.Equal(3, sized.Capacity, "requested capacity");
        sized.AddRange(new[] { 1, 2, 3, 4 });
        c.Equal(6, sized.Capacity, "doubling from 3");
        c.Equal(20, sized.EnsureCapacity(20), "EnsureCapacity");
        sized.Capacity = 4;
        c.Equal(4, sized.Capacity, "shrinking Capacity");
        c.SequenceEqual(new[] { 1, 2, 3, 4 }, sized, "contents survive resizing");
    }

    private static void Insert(ConformanceCheck c)
    {
        var list = new List<string> { "b", "d" };
        list.Insert(0, "a");
        list.Insert(2, "c");
        list.Insert(list.Count, "e");
        c.SequenceEqual(new[] { "a", "b", "c", "d", "e" }, list, "inserted in order");
        var empty = new List<int>();
        empty.Insert(0, 7);
        c.SequenceEqual(new[] { 7 }, empty, "Insert into an empty list");
        var full = new List<int>(2) { 1, 2 };
        full.Insert(1, 9);
        c.SequenceEqual(new[] { 1, 9, 2 }, full, "Insert into a full list grows it");
    }

    private static void Remove(ConformanceCheck c)
    {
        var list = new List<int> { 1, 2, 3, 2, 5 };
        list.RemoveAt(0);
        c.SequenceEqual(new[] { 2, 3, 2, 5 }, list, "RemoveAt(0)");
        list.RemoveAt(list.Count - 1);
        c.SequenceEqual(new[] { 2, 3, 2 }, list, "RemoveAt(last)");
        c.True(list.Remove(2), "Remove present");
        c.SequenceEqual(new[] { 3, 2 }, list, "Remove takes the first match");
        c.False(list.Remove(42), "Remove absent");
        list.RemoveAt(0);
        list.RemoveAt(0);
        c.Equal(0, list.Count, "removed everything");
        list.Add(8);
        c.SequenceEqual(new[] { 8 }, list, "Add after emptying");
    }

    private static void RemoveMany(ConformanceCheck c)
    {
        var list = new List<int>();
        for (int i = 0; i < 10; i++)
            list.Add(i);
        c.Equal(5, list.RemoveAll(x => x % 2 == 0), "RemoveAll count");
        c.SequenceEqual(new[] { 1, 3, 5, 7, 9 }, list, "RemoveAll contents");
        list.RemoveRange(1, 3);
        c.SequenceEqual(new[] { 1, 9 }, list, "RemoveRange");
        list.RemoveRange(0, 0);
        c.Equal(2, list.Count, "RemoveRange of nothing");
        list.Clear();
        c.Equal(0, list.Count, "Clear");
        c.True(list.Capacity >= 2, "Clear keeps the capacity");
        list.Add(4);
        c.Equal(4, list[0], "reuse after Clear");
    }

    private static void Search(ConformanceCheck c)
    {
        var list = new List<string> { "x", null, "y", "x" };
        c.True(list.Contains("y"), "Contains");
        c.True(list.Contains(null), "Contains(null)");
        c.False(list.Contains("z"), "Contains absent");
        c.Equal(0, list.IndexOf("x"), "IndexOf");
        c.Equal(3, list.LastIndexOf("x"), "LastIndexOf");
        c.Equal(1, list.IndexOf(null), "IndexOf(null)");
        c.Equal(3, list.IndexOf("x", 1), "IndexOf from 1");
        c.Equal(-1, list.IndexOf("q"), "IndexOf absent");
        var numbers = new List<long> { 5, 6 };
        c.Equal(1, numbers.IndexOf(6), "IndexOf long");
        string built = new string('x', 1);
        c.True(list.Contains(built), "Contains compares strings by value");
    }

    private static void Predicates(ConformanceCheck c)
    {
        var list = new List<int> { 3, 8, 12, 5, 20 };
        c.Equal(8, list.Find(x => x > 5), "Find");
        c.Equal(0, list.Find(x => x > 100), "Find without a match gives default");
        c.Equal(2, list.FindIndex(x => x > 10), "FindIndex");
        c.Equal(4, list.FindLastIndex(x => x > 10), "FindLastIndex");
        c.Equal(20, list.FindLast(x => x > 10), "FindLast");
        c.True(list.Exists(x => x == 5), "Exists");
        c.False(list.TrueForAll(x => x > 3), "TrueForAll false");
        c.True(list.TrueForAll(x => x > 2), "TrueForAll true");
        c.SequenceEqual(new[] { 8, 12, 20 }, list.FindAll(x => x % 4 == 0), "FindAll");
    }

    private static void Sort(ConformanceCheck c)
    {
        var numbers = new List<int> { 5, -1, 3, 3, 0, 12, -7 };
        numbers.Sort();
        c.SequenceEqual(new[] { -7, -1, 0, 3, 3, 5, 12 }, numbers, "Sort()");
        numbers.Sort((a, b) => b.CompareTo(a));
        c.SequenceEqual(new[] { 12, 5, 3, 3, 0, -1, -7 }, numbers, "Sort(Comparison) descending");
        var words = new List<string> { "pear", "apple", "fig", "banana" };
        words.Sort();
        c.SequenceEqual(new[] { "apple", "banana", "fig", "pear" }, words, "Sort() strings");
        words.Sort(new ByLength());
        c.SequenceEqual(new[] { "fig", "pear", "apple", "banana" }, words, "Sort(IComparer)");
        words.Sort(StringComparer.Ordinal);
        c.SequenceEqual(new[] { "apple", "banana", "fig", "pear" }, words, "Sort(StringComparer.Ordinal)");
        words.Reverse();
        c.SequenceEqual(new[] { "pear", "fig", "banana", "apple" }, words, "Reverse");
        var single = new List<int> { 1 };
        single.Sort();
        c.Equal(1, single[0], "Sort of one element");
    }

    private static void SortLarge(ConformanceCheck c)
    {
        var list = new List<int>();
        uint seed = 12345;
        for (int i = 0; i < 500; i++)
        {
            seed = seed * 1103515245 + 12345;
            list.Add((int)(seed >> 16) % 1000 - 500);
        }
        long sum = 0;
        foreach (int value in list)
            sum += value;
        list.Sort();
        bool ordered = true;
        long sortedSum = 0;
        for (int i = 0; i < list.Count; i++)
        {
            sortedSum += list[i];
            if (i > 0 && list[i - 1] > list[i])
                ordered = false;
        }
        c.True(ordered, "ascending order");
        c.Equal(sum, sortedSum, "same elements");

        var descending = new List<int>();
        for (int i = 0; i < 300; i++)
            descending.Add(300 - i);
        descending.Sort();
        c.Equal(1, descending[0], "sorted reversed input: first");
        c.Equal(300, descending[299], "sorted reversed input: last");
    }

    private static void Ranges(ConformanceCheck c)
    {
        var list = new List<int> { 1, 2 };
        list.AddRange(new[] { 3, 4 });
        list.AddRange(new List<int> { 5 });
        c.SequenceEqual(new[] { 1, 2, 3, 4, 5 }, list, "AddRange");
        list.InsertRange(1, new[] { 9, 9 });
        c.SequenceEqual(new[] { 1, 9, 9, 2, 3, 4, 5 }, list, "InsertRange");
        var self = new List<int> { 1, 2, 3 };
        self.InsertRange(1, self);
        c.SequenceEqual(new[] { 1, 1, 2, 3, 2, 3 }, self, "InsertRange from itself");
        self.AddRange(self);
        c.Equal(12, self.Count, "AddRange from itself");
        c.SequenceEqual(new[] { 9, 2, 3 }, list.GetRange(2, 3), "GetRange");
        c.Equal(0, list.GetRange(7, 0).Count, "empty GetRange at the end");
        var fromSet = new List<int>(new HashSet<int> { 4 });
        c.SequenceEqual(new[] { 4 }, fromSet, "List(IEnumerable)");
    }

    private static void Conversions(ConformanceCheck c)
    {
        var list = new List<int> { 1, 2, 3 };
        int[] array = list.ToArray();
        c.SequenceEqual(new[] { 1, 2, 3 }, array, "ToArray");
        array[0] = 100;
        c.Equal(1, list[0], "ToArray copies");
        int[] target = new int[5];
        list.CopyTo(target, 2);
        c.SequenceEqual(new[] { 0, 0, 1, 2, 3 }, target, "CopyTo with an offset");
        c.SequenceEqual(new[] { "1", "2", "3" }, list.ConvertAll(x => x.ToString()), "ConvertAll");
        int total = 0;
        list.ForEach(x => total += x);
        c.Equal(6, total, "ForEach");
        c.Equal(0, new List<string>().ToArray().Length, "ToArray of an empty list");
    }

    private static void Enumerate(ConformanceCheck c)
    {
        var list = new List<string> { "a", "b", "c" };
        string joined = "";
        foreach (string item in list)
            joined += item;
        c.Equal("abc", joined, "foreach order");

        IEnumerable<string> sequence = list;
        joined = "";
        foreach (string item in sequence)
            joined += item;
        c.Equal("abc", joined, "through IEnumerable<string>");

        IEnumerator<string> enumerator = sequence.GetEnumerator();
        c.True(enumerator.MoveNext(), "MoveNext 1");
        c.Equal("a", enumerator.Current, "Current 1");
        c.True(enumerator.MoveNext() && enumerator.MoveNext(), "MoveNext 2, 3");
        c.False(enumerator.MoveNext(), "MoveNext at the end");
        c.False(enumerator.MoveNext(), "MoveNext after the end");
        enumerator.Dispose();

        var numbers = new List<int> { 4, 5 };
        int sum = 0;
        foreach (int n in (IEnumerable<int>)numbers)
            sum += n;
        c.Equal(9, sum, "value-type list through IEnumerable<int>");
    }

    private static void Interfaces(ConformanceCheck c)
    {
        IList<int> list = new List<int> { 1, 2, 3 };
        list.Insert(0, 0);
        list.RemoveAt(3);
        list[1] = 10;
        c.Equal(3, list.Count, "IList Count");
        c.Equal(10, list[1], "IList indexer");
        c.Equal(2, list.IndexOf(2), "IList IndexOf");
        c.True(list.Contains(0), "ICollection Contains");
        c.False(list.IsReadOnly, "IsReadOnly");
        IReadOnlyList<int> readOnly = new List<int> { 7, 8 };
        c.Equal(8, readOnly[1], "IReadOnlyList indexer");
        c.Equal(2, readOnly.Count, "IReadOnlyCollection Count");
        ICollection<string> collection = new List<string>();
        collection.Add("z");
        c.True(collection.Remove("z"), "ICollection Remove");
        c.Equal(0, collection.Count, "ICollection Count");
    }

    private static void ManyStructs(ConformanceCheck c)
    {
        var list = new List<Sample>();
        for (int i = 0; i < 10000; i++)
            list.Add(new Sample(i, i * 2L));
        long sum = 0;
        foreach (Sample s in list)
            sum += s.B - s.A;
        c.Equal(10000, list.Count, "Count");
        c.Equal(49995000L, sum, "sum");
        c.Equal(5000, list.IndexOf(new Sample(5000, 10000)), "IndexOf a struct (IEquatable)");
        c.Equal(-1, list.IndexOf(new Sample(5000, 1)), "IndexOf a missing struct");
    }

    private static void BinarySearch(ConformanceCheck c)
    {
        var list = new List<int> { 1, 3, 5, 7 };
        c.Equal(2, list.BinarySearch(5), "found");
        c.Equal(~2, list.BinarySearch(4), "not found: complement of the insertion point");
        c.Equal(~4, list.BinarySearch(9), "past the end");
        int[] array = { 2, 4, 6 };
        c.Equal(1, Array.BinarySearch(array, 4), "Array.BinarySearch");
    }

    private static void Errors(ConformanceCheck c)
    {
        var list = new List<int> { 1, 2, 3 };
        c.Throws<ArgumentOutOfRangeException>(() => _ = list[3], "indexer past the end");
        c.Throws<ArgumentOutOfRangeException>(() => list[-1] = 0, "negative index");
        c.Throws<ArgumentOutOfRangeException>(() => list.RemoveAt(3), "RemoveAt past the end");
        c.Throws<ArgumentOutOfRangeException>(() => list.Insert(4, 0), "Insert past the end");
        c.Throws<ArgumentException>(() => list.RemoveRange(2, 2), "RemoveRange too long");
        c.Throws<InvalidOperationException>(() =>
        {
            foreach (int x in list)
                list.Add(x);
        }, "Add during foreach");
        c.Throws<InvalidOperationException>(() =>
        {
            foreach (int x in list)
                list[0] = x;
        }, "setting an element during foreach");
        c.Throws<ArgumentNullException>(() => new List<int>(null), "List(null)");
    }

    private sealed class ByLength : IComparer<string>
    {
        public int Compare(string x, string y) => x.Length != y.Length ? x.Length - y.Length : string.CompareOrdinal(x, y);
    }

    private readonly struct Sample : IEquatable<Sample>
    {
        public Sample(int a, long b)
        {
            A = a;
            B = b;
        }

        public int A { get; }

        public long B { get; }

        public bool Equals(Sample other) => A == other.A && B == other.B;

        public override bool Equals(object obj) => obj is Sample other && Equals(other);

        public override int GetHashCode() => A;
    }
}
