using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>Language features that lean on the library: iterators, using, equality, comparers, enums, tuples, records.</summary>
internal static class LanguageCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("language: yield return iterators", Iterators),
        new ConformanceCase("language: iterator finally blocks run on Dispose", IteratorFinally),
        new ConformanceCase("language: using and IDisposable", Using),
        new ConformanceCase("language: struct equality without IEquatable", StructEquality),
        new ConformanceCase("language: struct hash codes", StructHashCodes),
        new ConformanceCase("language: EqualityComparer<T>.Default", EqualityComparers),
        new ConformanceCase("language: Comparer<T>.Default", Comparers),
        new ConformanceCase("language: enums: equality, flags, comparison, D and X formats", Enums),
        new ConformanceCase("language: tuples", Tuples),
        new ConformanceCase("language: Nullable<T>", Nullables),
        new ConformanceCase("language: record struct and record class", Records),
        new ConformanceCase("language: delegates and closures", Delegates),
        new ConformanceCase("language: Index, Range, HashCode", IndexRangeHash),
        new ConformanceCase("language: pattern matching and boxing", Patterns),
        new ConformanceCase("language: argument checks and checked arithmetic", Checks),
        new ConformanceCase("threading: Interlocked", InterlockedOperations),
    };

    private static int s_sharedCounter;

    private static void InterlockedOperations(ConformanceCheck c)
    {
        int value = 5;
        c.Equal(5, System.Threading.Interlocked.CompareExchange(ref value, 9, 5), "CompareExchange returns the old value");
        c.Equal(9, value, "CompareExchange stores when equal");
        c.Equal(9, System.Threading.Interlocked.CompareExchange(ref value, 1, 5), "CompareExchange when different");
        c.Equal(9, value, "CompareExchange leaves it when different");
        c.Equal(9, System.Threading.Interlocked.Exchange(ref value, -3), "Exchange returns the old value");
        c.Equal(-3, value, "Exchange stores");
        c.Equal(4, System.Threading.Interlocked.Add(ref value, 7), "Add returns the new value");
        c.Equal(5, System.Threading.Interlocked.Increment(ref value), "Increment");
        c.Equal(4, System.Threading.Interlocked.Decrement(ref value), "Decrement");
        long wide = long.MaxValue - 1;
        c.Equal(long.MaxValue, System.Threading.Interlocked.Increment(ref wide), "Increment long");
        c.Equal(long.MinValue, System.Threading.Interlocked.Increment(ref wide), "Increment long wraps");
        c.Equal(long.MinValue, System.Threading.Interlocked.CompareExchange(ref wide, 0x1_0000_0000L, long.MinValue), "CompareExchange long");
        c.Equal(0x1_0000_0000L, System.Threading.Interlocked.Exchange(ref wide, 2), "Exchange long");
        c.Equal(-8L, System.Threading.Interlocked.Add(ref wide, -10), "Add long");
        int before = s_sharedCounter;
        c.Equal(before + 2, System.Threading.Interlocked.Add(ref s_sharedCounter, 2), "Add on a static field");
        c.Equal(before + 2, s_sharedCounter, "the static field holds the sum");
    }

    private static IEnumerable<int> Countdown(int from)
    {
        for (int i = from; i > 0; i--)
            yield return i;
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "stop")
                yield break;
            yield return word.ToUpperInvariant();
        }
    }

    private static IEnumerable<T> Interleave<T>(IEnumerable<T> first, IEnumerable<T> second)
    {
        using IEnumerator<T> a = first.GetEnumerator();
        using IEnumerator<T> b = second.GetEnumerator();
        bool more = true;
        while (more)
        {
            more = false;
            if (a.MoveNext())
            {
                more = true;
                yield return a.Current;
            }
            if (b.MoveNext())
            {
                more = true;
                yield return b.Current;
            }
        }
    }

    private static void Iterators(ConformanceCheck c)
    {
        c.SequenceEqual(new[] { 3, 2, 1 }, Countdown(3), "simple iterator");
        c.SequenceEqual(new int[0], Countdown(0), "empty iterator");
        c.SequenceEqual(new[] { "GO", "ON" }, Words("go  on stop never"), "yield break");
        c.SequenceEqual(new[] { "a", "1", "b", "2", "3" }, Interleave(new[] { "a", "b" }, new List<string> { "1", "2", "3" }), "generic iterator over two sources");
        IEnumerable<int> twice = Countdown(2);
        int total = 0;
        foreach (int n in twice)
            total += n;
        foreach (int n in twice)
            total += n;
        c.Equal(6, total, "an iterator can be enumerated twice");
        var list = new List<int>(Countdown(4));
        c.Equal(4, list.Count, "List from an iterator");
    }

    private static IEnumerable<int> Guarded(List<string> log)
    {
        try
        {
            log.Add("start");
            yield return 1;
            yield return 2;
        }
        finally
        {
            log.Add("finally");
        }
    }

    private static void IteratorFinally(ConformanceCheck c)
    {
        var log = new List<string>();
        foreach (int n in Guarded(log))
        {
            if (n == 1)
                break;
        }
        c.SequenceEqual(new[] { "start", "finally" }, log, "break runs finally");
        log.Clear();
        foreach (int n in Guarded(log))
        {
        }
        c.SequenceEqual(new[] { "start", "finally" }, log, "completion runs finally");
    }

    private static void Using(ConformanceCheck c)
    {
        var log = new List<string>();
        using (var resource = new Resource(log, "a"))
        {
            log.Add("body");
        }
        c.SequenceEqual(new[] { "open a", "body", "close a" }, log, "using statement");
        log.Clear();
        UseTwo(log);
        c.SequenceEqual(new[] { "open x", "open y", "close y", "close x" }, log, "using declarations dispose in reverse");
        var counter = new DisposeCounter();
        using (counter)
        {
        }
        c.Equal(1, counter.Count, "using on an existing object");
    }

    private static void UseTwo(List<string> log)
    {
        using var x = new Resource(log, "x");
        using var y = new Resource(log, "y");
    }

    private static void StructEquality(ConformanceCheck c)
    {
        c.True(new Plain(1, 2).Equals(new Plain(1, 2)), "struct of ints equal");
        c.False(new Plain(1, 2).Equals(new Plain(2, 1)), "struct of ints different");
        c.False(new Plain(1, 2).Equals(null), "struct vs null");
        c.False(new Plain(1, 2).Equals((object)1), "struct vs other type");
        c.True(new WithString("ab", 1).Equals(new WithString(new string(new[] { 'a', 'b' }), 1)), "string field by value");
        c.False(new WithString("ab", 1).Equals(new WithString("ab", 2)), "other field differs");
        c.True(new WithString(null, 1).Equals(new WithString(null, 1)), "null fields equal");
        c.False(new WithString(null, 1).Equals(new WithString("", 1)), "null vs empty");
        c.True(new WithDouble(double.NaN).Equals(new WithDouble(double.NaN)), "NaN fields are equal");
        c.True(new WithDouble(0.0).Equals(new WithDouble(-0.0)), "0.0 equals -0.0");
        c.True(new Nested(new Plain(3, 4), "n").Equals(new Nested(new Plain(3, 4), "n")), "nested struct");
        c.False(new Nested(new Plain(3, 5), "n").Equals(new Nested(new Plain(3, 4), "n")), "nested struct differs");
        c.True(new Small(1, 2, 3).Equals(new Small(1, 2, 3)), "byte fields");
        c.False(new Small(1, 2, 3).Equals(new Small(1, 2, 4)), "byte fields differ");
        c.True(new WithBool(true, 5).Equals(new WithBool(true, 5)), "padded struct");
        c.False(new WithBool(true, 5).Equals(new WithBool(false, 5)), "padded struct differs");
    }

    private static void StructHashCodes(ConformanceCheck c)
    {
        c.Equal(new Plain(7, 8).GetHashCode(), new Plain(7, 8).GetHashCode(), "equal ints hash alike");
        c.Equal(new WithString("q", 2).GetHashCode(), new WithString(new string('q', 1), 2).GetHashCode(), "equal string fields hash alike");
        c.Equal(new WithDouble(0.0).GetHashCode(), new WithDouble(-0.0).GetHashCode(), "0.0 and -0.0 hash alike");
        c.Equal(new Nested(new Plain(1, 1), "z").GetHashCode(), new Nested(new Plain(1, 1), "z").GetHashCode(), "nested hash");
        var set = new HashSet<WithString> { new WithString("a", 1), new WithString("a", 1), new WithString("b", 1) };
        c.Equal(2, set.Count, "HashSet of structs");
    }

    private static void EqualityComparers(ConformanceCheck c)
    {
        c.True(EqualityComparer<int>.Default.Equals(4, 4), "int");
        c.True(EqualityComparer<string>.Default.Equals("ab", new string(new[] { 'a', 'b' })), "string");
        c.True(EqualityComparer<string>.Default.Equals(null, null), "null strings");
        c.False(EqualityComparer<string>.Default.Equals(null, "x"), "null vs string");
        c.True(EqualityComparer<Id>.Default.Equals(new Id(5), new Id(5)), "class with IEquatable");
        c.False(EqualityComparer<Opaque>.Default.Equals(new Opaque(), new Opaque()), "class without overrides");
        c.True(EqualityComparer<Plain>.Default.Equals(new Plain(1, 1), new Plain(1, 1)), "struct without IEquatable");
        c.True(EqualityComparer<Color>.Default.Equals(Color.Green, (Color)1), "enum");
        c.True(EqualityComparer<int?>.Default.Equals(null, null), "null nullables");
        c.False(EqualityComparer<int?>.Default.Equals(1, null), "value vs null nullable");
        c.True(EqualityComparer<int?>.Default.Equals(3, 3), "equal nullables");
        c.Equal(EqualityComparer<Id>.Default.GetHashCode(new Id(9)), new Id(9).GetHashCode(), "GetHashCode delegates to the value");
        c.Equal(0, EqualityComparer<string>.Default.GetHashCode(null), "hash of null");
        c.True(EqualityComparer<object>.Default.Equals("s", new string('s', 1)), "object comparer uses virtual Equals");
    }

    private static void Comparers(ConformanceCheck c)
    {
        c.True(Comparer<int>.Default.Compare(1, 2) < 0, "int");
        c.True(Comparer<long>.Default.Compare(long.MaxValue, long.MinValue) > 0, "long extremes");
        c.True(Comparer<uint>.Default.Compare(uint.MaxValue, 1) > 0, "uint unsigned");
        c.True(Comparer<string>.Default.Compare("apple", "banana") < 0, "lower-case strings");
        c.True(Comparer<string>.Default.Compare(null, "a") < 0, "null string first");
        c.Equal(0, Comparer<string>.Default.Compare(null, null), "null strings equal");
        c.True(Comparer<Version>.Default.Compare(new Version(1, 2), new Version(1, 10)) < 0, "class with IComparable<T>");
        c.True(Comparer<Version>.Default.Compare(null, new Version(0, 0)) < 0, "null class first");
        c.True(Comparer<Priority>.Default.Compare(Priority.Low, Priority.High) < 0, "enum with negative values");
        c.True(Comparer<Flags8>.Default.Compare(Flags8.High, Flags8.Low) > 0, "byte enum unsigned");
        c.True(Comparer<int?>.Default.Compare(null, 0) < 0, "null nullable first");
        var byDescending = Comparer<int>.Create((a, b) => b.CompareTo(a));
        int[] values = { 1, 3, 2 };
        Array.Sort(values, byDescending);
        c.SequenceEqual(new[] { 3, 2, 1 }, values, "Comparer.Create");
        c.True(StringComparer.OrdinalIgnoreCase.Compare("abc", "ABD") < 0, "StringComparer.OrdinalIgnoreCase.Compare");
        c.True(StringComparer.Ordinal.Equals("a", "a") && !StringComparer.Ordinal.Equals("a", "A"), "StringComparer.Ordinal.Equals");
    }

    private static void Enums(ConformanceCheck c)
    {
        Color color = Color.Blue;
        c.True(color == Color.Blue, "==");
        c.True(color.Equals(Color.Blue), "Equals");
        c.False(color.Equals(Color.Red), "Equals different");
        c.False(((object)Color.Blue).Equals(2), "enum vs int box");
        c.Equal(2, (int)color, "underlying value");
        c.Equal(2, color.GetHashCode(), "GetHashCode is the underlying value's");
        Access access = Access.Read | Access.Write;
        c.True(access.HasFlag(Access.Read), "HasFlag single");
        c.True(access.HasFlag(Access.Read | Access.Write), "HasFlag combined");
        c.False(access.HasFlag(Access.Execute), "HasFlag absent");
        c.True(access.HasFlag(Access.None), "HasFlag(None)");
        c.True((access & Access.Write) != 0, "bitwise test");
        c.True(Priority.Low.CompareTo(Priority.High) < 0, "CompareTo with negative values");
        c.Equal("2", color.ToString("D"), "ToString(\"D\")");
        c.Equal("00000002", color.ToString("X"), "ToString(\"X\")");
        c.Equal("FF", Flags8.High.ToString("X"), "byte enum ToString(\"X\")");
        c.Equal("-5", Priority.Low.ToString("D"), "negative ToString(\"D\")");
        c.Equal("7", ((Color)7).ToString(), "ToString of an undefined value");
        var names = new Dictionary<Access, string> { [Access.Read] = "r", [Access.Write] = "w" };
        c.Equal("w", names[Access.Write], "enum dictionary key");
    }

    private static void Tuples(ConformanceCheck c)
    {
        (int Count, string Name) pair = (2, "two");
        c.Equal(2, pair.Count, "named element");
        c.Equal("two", pair.Item2, "ItemN");
        var (count, name) = pair;
        c.Equal("two2", name + count.ToString(), "deconstruction");
        c.True(pair == (2, "two"), "tuple ==");
        c.True(pair.Equals((2, "two")), "tuple Equals");
        c.False(pair.Equals((3, "two")), "tuple Equals different");
        c.Equal("(2, two)", pair.ToString(), "tuple ToString");
        c.Equal("(1, , 3)", (1, (string)null, 3).ToString(), "triple with null ToString");
        c.Equal((1, "a").GetHashCode(), (1, new string('a', 1)).GetHashCode(), "equal tuples hash alike");
        (int q, int r) = Divide(17, 5);
        c.Equal(32, q * 10 + r, "tuple return");
        c.True((1, 2).CompareTo((1, 3)) < 0, "tuple CompareTo");
    }

    private static (int Quotient, int Remainder) Divide(int a, int b) => (a / b, a % b);

    private static void Nullables(ConformanceCheck c)
    {
        int? none = null;
        int? some = 42;
        c.False(none.HasValue, "HasValue false");
        c.True(some.HasValue, "HasValue true");
        c.Equal(42, some.Value, "Value");
        c.Equal(0, none.GetValueOrDefault(), "GetValueOrDefault");
        c.Equal(7, none.GetValueOrDefault(7), "GetValueOrDefault(7)");
        c.Equal(5, none ?? 5, "??");
        c.True(some == 42, "== lifted");
        c.False(none == 0, "null == 0 is false");
        c.True(none == null, "== null");
        c.Equal("", none.ToString(), "ToString of null");
        c.Equal("42", some.ToString(), "ToString of a value");
        c.True(some.Equals(42), "Equals(value)");
        c.True(none.Equals(null), "Equals(null)");
        int? sum = some + 1;
        c.Equal(43, sum.Value, "lifted +");
        int? nothing = none + 1;
        c.False(nothing.HasValue, "lifted + with null");
        object boxedSome = some;
        object boxedNone = none;
        c.True(boxedSome is int, "a boxed Nullable<int> with a value is a boxed int");
        c.True(boxedNone == null, "an empty Nullable<int> boxes to null");
        c.Equal(42, (int)boxedSome, "unbox to int");
        int? unboxed = (int?)boxedSome;
        c.Equal(42, unboxed.Value, "unbox to int?");
        int? unboxedNone = (int?)boxedNone;
        c.False(unboxedNone.HasValue, "unbox null to int?");
        object boxedLong = (long?)7L;
        c.Equal("7", boxedLong.ToString(), "boxed Nullable<long> ToString");
    }

    private static void Records(ConformanceCheck c)
    {
        var a = new PointRecord(1, 2);
        var b = new PointRecord(1, 2);
        c.True(a == b, "record struct ==");
        c.True(a.Equals(b), "record struct Equals");
        c.False(a == new PointRecord(2, 1), "record struct != ");
        c.Equal(a.GetHashCode(), b.GetHashCode(), "record struct hash");
        c.Equal("PointRecord { X = 1, Y = 2 }", a.ToString(), "record struct ToString");
        var moved = a with { Y = 5 };
        c.Equal(5, moved.Y, "with expression");
        var n1 = new NameRecord("eth0", 1500);
        var n2 = new NameRecord("eth0", 1500);
        c.True(n1 == n2, "record class ==");
        c.False(ReferenceEquals(n1, n2), "distinct instances");
        c.True(n1.Equals(n2), "record class Equals");
        c.Equal(n1.GetHashCode(), n2.GetHashCode(), "record class hash");
        c.False(n1 == n2 with { Mtu = 9000 }, "record class with");
        c.Equal("NameRecord { Name = eth0, Mtu = 1500 }", n1.ToString(), "record class ToString");
    }

    private static void Delegates(ConformanceCheck c)
    {
        int captured = 1;
        Func<int, int> add = x => x + captured;
        captured = 10;
        c.Equal(15, add(5), "closure sees later changes");
        Func<string, string, string> concat = string.Concat;
        c.Equal("ab", concat("a", "b"), "static method group");
        Predicate<int> even = x => x % 2 == 0;
        c.True(even(4), "Predicate");
        Comparison<string> byLength = (x, y) => x.Length - y.Length;
        c.True(byLength("a", "bb") < 0, "Comparison");
        var actions = new List<Action>();
        int counter = 0;
        for (int i = 0; i < 3; i++)
        {
            int copy = i;
            actions.Add(() => counter += copy);
        }
        foreach (Action action in actions)
            action();
        c.Equal(3, counter, "closures capture per iteration");
        Func<int> constant = () => 7;
        c.Equal(7, constant(), "Func<int>");
        var formatter = new Resource(new List<string>(), "fmt");
        Func<string> bound = formatter.ToString;
        c.Equal("resource fmt", bound(), "instance method group");
        Converter<int, string> hex = x => x.ToString("x");
        c.Equal("ff", hex(255), "Converter");
    }

    private static void IndexRangeHash(ConformanceCheck c)
    {
        int[] data = { 10, 20, 30, 40, 50 };
        c.Equal(50, data[^1], "^1");
        c.Equal(40, data[^2], "^2");
        c.SequenceEqual(new[] { 20, 30 }, data[1..3], "1..3");
        c.SequenceEqual(new[] { 40, 50 }, data[^2..], "^2..");
        c.Equal(5, data[..].Length, "..");
        Index index = ^3;
        c.Equal(2, index.GetOffset(5), "Index.GetOffset");
        c.True(index.IsFromEnd, "IsFromEnd");
        c.Equal("^3", index.ToString(), "Index.ToString");
        Range range = 1..^1;
        c.Equal("1..^1", range.ToString(), "Range.ToString");
        (int offset, int length) = range.GetOffsetAndLength(10);
        c.Equal(18, offset * 10 + length, "GetOffsetAndLength");
        c.Equal(HashCode.Combine(1, "a"), HashCode.Combine(1, new string('a', 1)), "HashCode.Combine is deterministic");
        var hash = new HashCode();
        hash.Add(5);
        hash.Add("x");
        var same = new HashCode();
        same.Add(5);
        same.Add("x");
        c.Equal(hash.ToHashCode(), same.ToHashCode(), "HashCode.Add");
    }

    private static void Patterns(ConformanceCheck c)
    {
        object[] values = { 1, "two", 3L, null, Color.Green, new Plain(1, 2), 'c' };
        string kinds = "";
        foreach (object value in values)
        {
            kinds += value switch
            {
                int i when i > 0 => "I",
                string s => "S" + s.Length.ToString(),
                long => "L",
                null => "N",
                Color color => "E" + ((int)color).ToString(),
                Plain { X: 1 } => "P",
                _ => "?",
            };
        }
        c.Equal("IS3LNE1P?", kinds, "switch expression over boxed values");
        object boxed = 5;
        c.True(boxed is int five && five == 5, "is int");
        c.False(boxed is long, "is long");
        c.True(boxed is IComparable, "boxed int is IComparable");
        c.True(boxed is IEquatable<int>, "boxed int is IEquatable<int>");
        object text = "s";
        c.True(text is IEnumerable<char>, "string is IEnumerable<char>");
        c.True(new List<int>() is IReadOnlyList<int>, "List is IReadOnlyList");
        c.False(new List<int>() is IReadOnlyList<long>, "List<int> is not IReadOnlyList<long>");
        c.Equal(5, (int)boxed, "unbox");
        object boxedColor = Color.Blue;
        c.Equal(Color.Blue, (Color)boxedColor, "unbox enum");
    }

    private static void Checks(ConformanceCheck c)
    {
        ArgumentNullException.ThrowIfNull("not null");
        c.True(true, "ThrowIfNull accepts a value");
        c.Throws<ArgumentNullException>(() => ArgumentNullException.ThrowIfNull((object)null), "ThrowIfNull(null)");
        c.Throws<ArgumentException>(() => ArgumentException.ThrowIfNullOrEmpty(""), "ThrowIfNullOrEmpty(\"\")");
        int max = int.MaxValue;
        c.Throws<OverflowException>(() => _ = checked(max + 1), "checked overflow");
        int zero = 0;
        c.Throws<DivideByZeroException>(() => _ = 1 / zero, "divide by zero");
        object text = "x";
        c.Throws<InvalidCastException>(() => _ = (int)text, "invalid unbox");
        c.Throws<NullReferenceException>(() => _ = ((string)null).Length, "null dereference");
    }

    private sealed class Resource : IDisposable
    {
        private readonly List<string> _log;
        private readonly string _name;

        public Resource(List<string> log, string name)
        {
            _log = log;
            _name = name;
            log.Add("open " + name);
        }

        public void Dispose() => _log.Add("close " + _name);

        public override string ToString() => "resource " + _name;
    }

    private sealed class DisposeCounter : IDisposable
    {
        public int Count { get; private set; }

        public void Dispose() => Count++;
    }

    private struct Plain
    {
        public int X;
        public int Y;

        public Plain(int x, int y)
        {
            X = x;
            Y = y;
        }
    }

    private struct WithString
    {
        public string Text;
        public int Number;

        public WithString(string text, int number)
        {
            Text = text;
            Number = number;
        }
    }

    private struct WithDouble
    {
        public double Value;

        public WithDouble(double value) { Value = value; }
    }

    private struct Nested
    {
        public Plain Inner;
        public string Tag;

        public Nested(Plain inner, string tag)
        {
            Inner = inner;
            Tag = tag;
        }
    }

    private struct Small
    {
        public byte A;
        public byte B;
        public byte C;

        public Small(byte a, byte b, byte c)
        {
            A = a;
            B = b;
            C = c;
        }
    }

    private struct WithBool
    {
        public bool Flag;
        public long Value;

        public WithBool(bool flag, long value)
        {
            Flag = flag;
            Value = value;
        }
    }

    private sealed class Id : IEquatable<Id>
    {
        private readonly int _value;

        public Id(int value) { _value = value; }

        public bool Equals(Id other) => other != null && other._value == _value;

        public override bool Equals(object obj) => Equals(obj as Id);

        public override int GetHashCode() => _value * 31;
    }

    private sealed class Opaque
    {
    }

    private sealed class Version : IComparable<Version>
    {
        private readonly int _major;
        private readonly int _minor;

        public Version(int major, int minor)
        {
            _major = major;
            _minor = minor;
        }

        public int CompareTo(Version other)
        {
            if (other == null)
                return 1;
            return _major != other._major ? _major.CompareTo(other._major) : _minor.CompareTo(other._minor);
        }
    }

    private enum Color
    {
        Red,
        Green,
        Blue,
    }

    private enum Priority
    {
        Low = -5,
        Normal = 0,
        High = 5,
    }

    private enum Flags8 : byte
    {
        Low = 1,
        High = 0xFF,
    }

    [Flags]
    private enum Access
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
    }

    private record struct PointRecord(int X, int Y);

    private sealed record NameRecord(string Name, int Mtu);
}
