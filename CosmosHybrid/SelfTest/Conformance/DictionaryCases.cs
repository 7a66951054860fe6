using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>Dictionary&lt;TKey, TValue&gt;: lookups, removal and re-adding, order, growth, key equality.</summary>
internal static class DictionaryCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("dictionary: Add, indexer, TryGetValue, ContainsKey", Basics),
        new ConformanceCase("dictionary: indexer set adds or replaces; TryAdd", SetAndTryAdd),
        new ConformanceCase("dictionary: Remove and re-add", RemoveAndReAdd),
        new ConformanceCase("dictionary: enumeration order, removed slots reused last-freed first", Order),
        new ConformanceCase("dictionary: growth to 5000 keys", Growth),
        new ConformanceCase("dictionary: string keys and ignore-case comparer", StringKeys),
        new ConformanceCase("dictionary: colliding hash codes (custom IEquatable key)", Collisions),
        new ConformanceCase("dictionary: class key without IEquatable uses Equals/GetHashCode", ObjectKeys),
        new ConformanceCase("dictionary: struct keys compared field by field", StructKeys),
        new ConformanceCase("dictionary: enum keys", EnumKeys),
        new ConformanceCase("dictionary: Keys, Values, ContainsValue", KeysAndValues),
        new ConformanceCase("dictionary: Clear, copy constructor, GetValueOrDefault", ClearAndCopy),
        new ConformanceCase("dictionary: KeyValuePair and deconstruction", Pairs),
        new ConformanceCase("dictionary: overwrite and remove during foreach are allowed", ChangesDuringEnumeration),
        new ConformanceCase("dictionary: IDictionary and IReadOnlyDictionary views", Interfaces),
        new ConformanceCase("dictionary: errors", Errors),
    };

    private static void Basics(ConformanceCheck c)
    {
        var d = new Dictionary<int, string>();
        d.Add(1, "one");
        d.Add(2, "two");
        c.Equal(2, d.Count, "Count");
        c.Equal("two", d[2], "indexer");
        c.True(d.TryGetValue(1, out string value) && value == "one", "TryGetValue present");
        c.False(d.TryGetValue(3, out value), "TryGetValue absent");
        c.Equal(null, value, "TryGetValue absent gives default");
        c.True(d.ContainsKey(1), "ContainsKey present");
        c.False(d.ContainsKey(-1), "ContainsKey absent");
        var empty = new Dictionary<string, int>();
        c.False(empty.ContainsKey("x"), "ContainsKey on an empty dictionary");
        c.False(empty.Remove("x"), "Remove on an empty dictionary");
    }

    private static void SetAndTryAdd(ConformanceCheck c)
    {
        var d = new Dictionary<string, int>();
        d["a"] = 1;
        d["a"] = 2;
        c.Equal(1, d.Count, "indexer set twice keeps one key");
        c.Equal(2, d["a"], "indexer set replaces");
        c.True(d.TryAdd("b", 3), "TryAdd new");
        c.False(d.TryAdd("b", 4), "TryAdd existing");
        c.Equal(3, d["b"], "TryAdd does not replace");
    }

    private static void RemoveAndReAdd(ConformanceCheck c)
    {
        var d = new Dictionary<int, int>();
        for (int i = 0; i < 10; i++)
            d.Add(i, i * i);
        c.True(d.Remove(3), "Remove present");
        c.False(d.Remove(3), "Remove twice");
        c.False(d.ContainsKey(3), "removed key is gone");
        c.Equal(9, d.Count, "Count after Remove");
        c.True(d.Remove(4, out int removed) && removed == 16, "Remove(key, out value)");
        d.Add(3, 33);
        c.Equal(33, d[3], "re-added key");
        d.Add(4, 44);
        c.Equal(10, d.Count, "Count after re-adding");
        for (int i = 0; i < 10; i++)
            c.True(d.ContainsKey(i), "key " + i.ToString() + " present");
        for (int round = 0; round < 50; round++)
        {
            d.Remove(7);
            d[7] = round;
        }
        c.Equal(49, d[7], "remove/add cycles");
        c.Equal(10, d.Count, "Count after cycles");
    }

    private static void Order(ConformanceCheck c)
    {
        var d = new Dictionary<string, int> { ["e"] = 5, ["b"] = 2, ["d"] = 4, ["a"] = 1 };
        c.SequenceEqual(new[] { "e", "b", "d", "a" }, d.Keys, "insertion order");
        d.Remove("b");
        d.Remove("a");
        d.Add("x", 0);
        d.Add("y", 0);
        d.Add("z", 0);
        c.SequenceEqual(new[] { "e", "y", "d", "x", "z" }, d.Keys, "freed slots reused, last freed first");
        c.SequenceEqual(new[] { 5, 0, 4, 0, 0 }, d.Values, "values follow the keys");
    }

    private static void Growth(ConformanceCheck c)
    {
        var d = new Dictionary<int, long>();
        for (int i = 0; i < 5000; i++)
            d.Add(i * 7919, i);
        c.Equal(5000, d.Count, "Count");
        bool allFound = true;
        for (int i = 0; i < 5000; i++)
        {
            if (!d.TryGetValue(i * 7919, out long value) || value != i)
                allFound = false;
        }
        c.True(allFound, "every key found after growing");
        c.False(d.ContainsKey(7918), "absent key");
        int index = 0;
        bool ordered = true;
        foreach (KeyValuePair<int, long> pair in d)
        {
            if (pair.Value != index++)
                ordered = false;
        }
        c.True(ordered, "insertion order survives resizing");
        var presized = new Dictionary<int, int>(100);
        for (int i = 0; i < 100; i++)
            presized[i] = i;
        c.Equal(100, presized.Count, "presized dictionary");
        c.True(presized.EnsureCapacity(10) >= 100, "EnsureCapacity keeps the larger size");
    }

    private static void StringKeys(ConformanceCheck c)
    {
        var d = new Dictionary<string, string>();
        d["ls"] = "list";
        string key = new string(new[] { 'l', 's' });
        c.True(d.ContainsKey(key), "equal string built at run time");
        c.False(d.ContainsKey("LS"), "default comparer is case-sensitive");
        var ignoreCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        ignoreCase["Path"] = 1;
        ignoreCase["PATH"] = 2;
        c.Equal(1, ignoreCase.Count, "ignore-case keys collapse");
        c.Equal(2, ignoreCase["path"], "ignore-case lookup");
        c.True(ignoreCase.Comparer == StringComparer.OrdinalIgnoreCase, "Comparer property");
        var withEmpty = new Dictionary<string, int> { [""] = 0 };
        c.True(withEmpty.ContainsKey(""), "empty string key");
    }

    private static void Collisions(ConformanceCheck c)
    {
        var d = new Dictionary<CollidingKey, int>();
        for (int i = 0; i < 200; i++)
            d.Add(new CollidingKey(i), i);
        c.Equal(200, d.Count, "Count with one hash code for all keys");
        c.Equal(150, d[new CollidingKey(150)], "lookup in a long chain");
        c.True(d.Remove(new CollidingKey(0)), "remove the first of the chain");
        c.True(d.Remove(new CollidingKey(199)), "remove the last of the chain");
        c.True(d.Remove(new CollidingKey(100)), "remove in the middle of the chain");
        c.False(d.ContainsKey(new CollidingKey(100)), "removed key is gone");
        c.Equal(99, d[new CollidingKey(99)], "neighbour still there");
        d.Add(new CollidingKey(100), -100);
        c.Equal(-100, d[new CollidingKey(100)], "re-added in the chain");
        c.Equal(198, d.Count, "Count");
    }

    private static void ObjectKeys(ConformanceCheck c)
    {
        var d = new Dictionary<OpaqueKey, string>();
        var first = new OpaqueKey(1);
        d[first] = "first";
        d[new OpaqueKey(1)] = "other";
        c.Equal(2, d.Count, "reference identity without overrides");
        c.Equal("first", d[first], "same instance found");
        var byValue = new Dictionary<ValueKey, int>();
        byValue[new ValueKey("a", 1)] = 1;
        byValue[new ValueKey("a", 1)] = 2;
        c.Equal(1, byValue.Count, "Equals(object)/GetHashCode overrides");
        c.Equal(2, byValue[new ValueKey("a", 1)], "lookup by value");
    }

    private static void StructKeys(ConformanceCheck c)
    {
        var byBits = new Dictionary<Plain, string>();
        byBits[new Plain(1, 2)] = "a";
        byBits[new Plain(1, 2)] = "b";
        byBits[new Plain(2, 1)] = "c";
        c.Equal(2, byBits.Count, "struct of ints: ValueType.Equals");
        c.Equal("b", byBits[new Plain(1, 2)], "struct of ints: lookup");

        var byFields = new Dictionary<Mixed, int>();
        byFields[new Mixed(new string('n', 3), 7)] = 1;
        byFields[new Mixed("nnn", 7)] = 2;
        byFields[new Mixed("nnn", 8)] = 3;
        byFields[new Mixed(null, 7)] = 4;
        c.Equal(3, byFields.Count, "struct with a string field: compared by value");
        c.Equal(2, byFields[new Mixed("nnn", 7)], "struct with a string field: lookup");
        c.Equal(4, byFields[new Mixed(null, 7)], "null field");

        var tuples = new Dictionary<(int, string), int>();
        tuples[(1, "a")] = 1;
        tuples[(1, "a")] = 2;
        tuples[(2, "a")] = 3;
        c.Equal(2, tuples.Count, "tuple keys");
        c.Equal(2, tuples[(1, "a")], "tuple key lookup");
    }

    private static void EnumKeys(ConformanceCheck c)
    {
        var d = new Dictionary<Color, int> { [Color.Red] = 1, [Color.Green] = 2 };
        d[Color.Red] = 10;
        c.Equal(2, d.Count, "enum keys");
        c.Equal(10, d[Color.Red], "enum lookup");
        c.False(d.ContainsKey(Color.Blue), "absent enum key");
        c.True(d.ContainsKey((Color)1), "cast value");
    }

    private static void KeysAndValues(ConformanceCheck c)
    {
        var d = new Dictionary<string, int> { ["one"] = 1, ["two"] = 2, ["three"] = 3 };
        c.Equal(3, d.Keys.Count, "Keys.Count");
        c.Equal(3, d.Values.Count, "Values.Count");
        var keys = new List<string>(d.Keys);
        c.SequenceEqual(new[] { "one", "two", "three" }, keys, "Keys order");
        int sum = 0;
        foreach (int v in d.Values)
            sum += v;
        c.Equal(6, sum, "Values sum");
        c.True(d.ContainsValue(2), "ContainsValue present");
        c.False(d.ContainsValue(4), "ContainsValue absent");
        string[] keyArray = new string[4];
        d.Keys.CopyTo(keyArray, 1);
        c.SequenceEqual(new[] { null, "one", "two", "three" }, keyArray, "Keys.CopyTo");
        Dictionary<string, int>.KeyCollection live = d.Keys;
        d.Add("four", 4);
        c.Equal(4, live.Count, "Keys is a live view");
        c.True(live.Contains("four"), "Keys.Contains");
    }

    private static void ClearAndCopy(ConformanceCheck c)
    {
        var d = new Dictionary<int, int> { [1] = 1, [2] = 2 };
        var copy = new Dictionary<int, int>(d);
        d.Clear();
        c.Equal(0, d.Count, "Clear");
        c.False(d.ContainsKey(1), "Clear removes keys");
        c.Equal(2, copy.Count, "copy is independent");
        d[5] = 50;
        c.Equal(50, d[5], "reuse after Clear");
        c.Equal(0, d.GetValueOrDefault(6), "GetValueOrDefault absent");
        c.Equal(-1, d.GetValueOrDefault(6, -1), "GetValueOrDefault with a default");
        c.Equal(50, d.GetValueOrDefault(5), "GetValueOrDefault present");
    }

    private static void Pairs(ConformanceCheck c)
    {
        var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        string text = "";
        foreach (var (key, value) in d)
            text += key + "=" + value.ToString() + ";";
        c.Equal("a=1;b=2;", text, "deconstructed pairs");
        var pair = new KeyValuePair<string, int>("k", 9);
        c.Equal("[k, 9]", pair.ToString(), "KeyValuePair.ToString");
        c.Equal("k", KeyValuePair.Create("k", 9).Key, "KeyValuePair.Create");
        var list = new List<KeyValuePair<string, int>>(d);
        c.Equal(2, list.Count, "pairs copied through ICollection");
        c.Equal("b", list[1].Key, "copied pair key");
    }

    private static void ChangesDuringEnumeration(ConformanceCheck c)
    {
        var d = new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3 };
        foreach (KeyValuePair<int, int> pair in d)
            d[pair.Key] = pair.Value * 10;
        c.Equal(20, d[2], "values replaced during foreach");
        foreach (KeyValuePair<int, int> pair in d)
        {
            if (pair.Key != 2)
                d.Remove(pair.Key);
        }
        c.Equal(1, d.Count, "keys removed during foreach");
        c.True(d.ContainsKey(2), "kept key");
    }

    private static void Interfaces(ConformanceCheck c)
    {
        IDictionary<string, int> d = new Dictionary<string, int>();
        d.Add("x", 1);
        d["y"] = 2;
        c.True(d.ContainsKey("y"), "IDictionary ContainsKey");
        c.Equal(2, d.Keys.Count, "IDictionary Keys");
        c.True(d.Remove("x"), "IDictionary Remove");
        ICollection<KeyValuePair<string, int>> pairs = d;
        c.True(pairs.Contains(new KeyValuePair<string, int>("y", 2)), "ICollection<KeyValuePair>.Contains");
        c.False(pairs.Contains(new KeyValuePair<string, int>("y", 3)), "Contains compares the value too");
        IReadOnlyDictionary<string, int> readOnly = new Dictionary<string, int> { ["r"] = 7 };
        c.True(readOnly.TryGetValue("r", out int value) && value == 7, "IReadOnlyDictionary TryGetValue");
        int count = 0;
        foreach (string key in readOnly.Keys)
            count += key.Length;
        c.Equal(1, count, "IReadOnlyDictionary Keys");
    }

    private static void Errors(ConformanceCheck c)
    {
        var d = new Dictionary<string, int> { ["a"] = 1 };
        c.Throws<KeyNotFoundException>(() => _ = d["b"], "missing key");
        c.Throws<ArgumentException>(() => d.Add("a", 2), "duplicate Add");
        c.Throws<ArgumentNullException>(() => d.ContainsKey(null), "null key lookup");
        c.Throws<ArgumentNullException>(() => d[null] = 1, "null key set");
        c.Throws<InvalidOperationException>(() =>
        {
            foreach (KeyValuePair<string, int> pair in d)
                d.Add(pair.Key + "+", 0);
        }, "Add during foreach");
    }

    private sealed class CollidingKey : IEquatable<CollidingKey>
    {
        private readonly int _id;

        public CollidingKey(int id) { _id = id; }

        public bool Equals(CollidingKey other) => other != null && other._id == _id;

        public override bool Equals(object obj) => Equals(obj as CollidingKey);

        public override int GetHashCode() => 42;
    }

    private sealed class OpaqueKey
    {
        public OpaqueKey(int id) { Id = id; }

        public int Id { get; }
    }

    private sealed class ValueKey
    {
        private readonly string _name;
        private readonly int _number;

        public ValueKey(string name, int number)
        {
            _name = name;
            _number = number;
        }

        public override bool Equals(object obj) => obj is ValueKey other && other._name == _name && other._number == _number;

        public override int GetHashCode() => _name.GetHashCode() ^ _number;
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

    private struct Mixed
    {
        public string Name;
        public long Number;

        public Mixed(string name, long number)
        {
            Name = name;
            Number = number;
        }
    }

    private enum Color
    {
        Red,
        Green,
        Blue,
    }
}
