using System;
using System.Text;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>String interpolation and StringBuilder.</summary>
internal static class TextCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("text: interpolation of integers", InterpolateIntegers),
        new ConformanceCase("text: interpolation with hex formats", InterpolateHex),
        new ConformanceCase("text: interpolation with alignment", InterpolateAlignment),
        new ConformanceCase("text: interpolation of strings, chars, bools, null", InterpolateOthers),
        new ConformanceCase("text: interpolation of objects and IFormattable", InterpolateObjects),
        new ConformanceCase("text: long interpolated strings", InterpolateLong),
        new ConformanceCase("text: StringBuilder Append overloads", BuilderAppend),
        new ConformanceCase("text: StringBuilder AppendLine, AppendFormat, AppendJoin", BuilderLines),
        new ConformanceCase("text: StringBuilder Insert and Remove", BuilderInsertRemove),
        new ConformanceCase("text: StringBuilder Length, indexer, Clear", BuilderLength),
        new ConformanceCase("text: StringBuilder Replace and ToString ranges", BuilderReplace),
        new ConformanceCase("text: StringBuilder grows past its capacity", BuilderGrowth),
        new ConformanceCase("text: StringBuilder argument errors", BuilderErrors),
    };

    private static void InterpolateIntegers(ConformanceCheck c)
    {
        int x = 42;
        int negative = -7;
        long big = long.MinValue;
        ulong huge = ulong.MaxValue;
        byte small = 200;
        c.Equal("x=42", $"x={x}", "int");
        c.Equal("-7", $"{negative}", "negative int");
        c.Equal("[-9223372036854775808]", $"[{big}]", "long.MinValue");
        c.Equal("18446744073709551615", $"{huge}", "ulong.MaxValue");
        c.Equal("200/-7/42", $"{small}/{negative}/{x}", "several holes");
        c.Equal("0042", $"{x:D4}", "D4");
        short s = -300;
        uint u = 3000000000;
        c.Equal("-300 3000000000", $"{s} {u}", "short and uint");
    }

    private static void InterpolateHex(ConformanceCheck c)
    {
        uint address = 0xB8000;
        c.Equal("0x000b8000", $"0x{address:x8}", "x8");
        c.Equal("0xB8000", $"0x{address:X}", "X");
        c.Equal("ff", $"{(byte)255:x2}", "byte x2");
        c.Equal("ffffffff", $"{-1:x}", "negative int hex");
        c.Equal("00000000deadbeef", $"{0xDEADBEEFUL:x16}", "ulong x16");
        nuint pointer = 0x1000;
        c.Equal("1000", $"{pointer:x}", "nuint hex");
    }

    private static void InterpolateAlignment(ConformanceCheck c)
    {
        c.Equal("[  5]", $"[{5,3}]", "right-aligned int");
        c.Equal("[5  ]", $"[{5,-3}]", "left-aligned int");
        c.Equal("[  ab]", $"[{"ab",4}]", "right-aligned string");
        c.Equal("[ab  ]", $"[{"ab",-4}]", "left-aligned string");
        c.Equal("[toolong]", $"[{"toolong",3}]", "alignment narrower than the text");
        c.Equal("[  0x1f]", $"[{"0x" + 31.ToString("x"),6}]", "aligned expression");
        c.Equal("[    00ff]", $"[{255,8:x4}]", "alignment and format");
    }

    private static void InterpolateOthers(ConformanceCheck c)
    {
        string name = "net";
        string nothing = null;
        char letter = 'Q';
        bool flag = true;
        c.Equal("service net", $"service {name}", "string");
        c.Equal("[]", $"[{nothing}]", "null string");
        c.Equal("Q!", $"{letter}!", "char");
        c.Equal("True/False", $"{flag}/{!flag}", "bools");
        c.Equal("{braces}", $"{{braces}}", "escaped braces");
        c.Equal("", $"", "empty");
        ReadOnlySpan<char> span = "span text".AsSpan(0, 4);
        c.Equal("<span>", $"<{span}>", "span");
        int? maybe = null;
        int? some = 5;
        c.Equal("[][5]", $"[{maybe}][{some}]", "nullable ints");
    }

    private static void InterpolateObjects(ConformanceCheck c)
    {
        var point = new Point(3, -4);
        object boxed = 12;
        object none = null;
        c.Equal("(3, -4)", $"{point}", "custom ToString");
        c.Equal("P[3;-4]", $"{point:P}", "IFormattable with a format");
        c.Equal("12", $"{boxed}", "boxed int");
        c.Equal("<>", $"<{none}>", "null object");
        c.Equal("(1, a)", $"{(1, "a")}", "tuple");
    }

    private static void InterpolateLong(ConformanceCheck c)
    {
        string part = "0123456789";
        string text = $"{part}{part}{part}{part}{part}{part}{part}{part}{part}{part}|{12345678:x16}|{part}{part}";
        c.Equal(10 * 10 + 18 + 20, text.Length, "length");
        c.True(text.StartsWith("0123456789012"), "start");
        c.True(text.Contains("|0000000000bc614e|"), "hex hole in the middle");
        c.True(text.EndsWith("89"), "end");
    }

    private static void BuilderAppend(ConformanceCheck c)
    {
        var sb = new StringBuilder();
        sb.Append("ab").Append('c').Append(12).Append(-3L).Append(7u).Append(8UL).Append(true).Append((object)null).Append((string)null);
        c.Equal("abc12-378True", sb.ToString(), "chained Append");
        sb.Clear().Append('-', 3).Append(new[] { 'x', 'y' }).Append("hello", 1, 3).Append("span".AsSpan(1, 2));
        c.Equal("---xyellpa", sb.ToString(), "Append(char, count), char[], substring, span");
        sb.Clear().Append(short.MinValue).Append(' ').Append(byte.MaxValue).Append(' ').Append(long.MaxValue);
        c.Equal("-32768 255 9223372036854775807", sb.ToString(), "Append of other integers");
        var other = new StringBuilder("tail");
        c.Equal("head-tail", new StringBuilder("head-").Append(other).ToString(), "Append(StringBuilder)");
        c.Equal("obj", new StringBuilder().Append(new Named("obj")).ToString(), "Append(object)");
    }

    private static void BuilderLines(ConformanceCheck c)
    {
        var sb = new StringBuilder();
        sb.AppendLine("one").AppendLine().Append("two");
        c.Equal("one" + Environment.NewLine + Environment.NewLine + "two", sb.ToString(), "AppendLine");
        c.Equal("a=1, b=ff", new StringBuilder().AppendFormat("a={0}, b={1:x}", 1, 255).ToString(), "AppendFormat");
        c.Equal("1;2;3", new StringBuilder().AppendJoin(";", "1", "2", "3").ToString(), "AppendJoin");
        c.Equal("4,5", new StringBuilder().AppendJoin(",", new[] { 4, 5 }).ToString(), "AppendJoin<T>");
    }

    private static void BuilderInsertRemove(ConformanceCheck c)
    {
        var sb = new StringBuilder("held");
        sb.Insert(2, "llo wor").Insert(0, '>').Insert(sb.Length, 42);
        c.Equal(">hello world42", sb.ToString(), "Insert string, char, int");
        sb.Remove(0, 1).Remove(sb.Length - 2, 2);
        c.Equal("hello world", sb.ToString(), "Remove at both ends");
        sb.Remove(5, 1);
        c.Equal("helloworld", sb.ToString(), "Remove in the middle");
        sb.Remove(0, sb.Length);
        c.Equal("", sb.ToString(), "Remove everything");
    }

    private static void BuilderLength(ConformanceCheck c)
    {
        var sb = new StringBuilder("abcdef");
        c.Equal(6, sb.Length, "Length");
        c.Equal('c', sb[2], "indexer get");
        sb[2] = 'C';
        c.Equal("abCdef", sb.ToString(), "indexer set");
        sb.Length = 3;
        c.Equal("abC", sb.ToString(), "shorten");
        sb.Length = 5;
        c.Equal("abC\0\0", sb.ToString(), "lengthen pads with NUL");
        sb.Clear();
        c.Equal(0, sb.Length, "Clear");
        c.Equal(16, new StringBuilder().Capacity, "default capacity");
        c.True(new StringBuilder(100).Capacity >= 100, "requested capacity");
    }

    private static void BuilderReplace(ConformanceCheck c)
    {
        var sb = new StringBuilder("a.b.c");
        sb.Replace('.', '/');
        c.Equal("a/b/c", sb.ToString(), "Replace(char, char)");
        sb.Replace("/", " :: ");
        c.Equal("a :: b :: c", sb.ToString(), "Replace(string, string) growing");
        sb.Replace(" :: ", "");
        c.Equal("abc", sb.ToString(), "Replace(string, \"\")");
        c.Equal("bc", sb.ToString(1, 2), "ToString(start, length)");
        sb.Replace("x", "y");
        c.Equal("abc", sb.ToString(), "Replace without a match");
        var ranged = new StringBuilder("aaaa").Replace("a", "b", 1, 2);
        c.Equal("abba", ranged.ToString(), "Replace in a range");
    }

    private static void BuilderGrowth(ConformanceCheck c)
    {
        var sb = new StringBuilder(2);
        for (int i = 0; i < 1000; i++)
            sb.Append((char)('a' + i % 26));
        c.Equal(1000, sb.Length, "length after 1000 appends");
        c.Equal('a', sb[0], "first");
        c.Equal((char)('a' + 999 % 26), sb[999], "last");
        c.True(sb.Capacity >= 1000, "capacity grew");
        string text = sb.ToString();
        c.Equal(1000, text.Length, "ToString length");
        c.Equal("abcdef", text.Substring(0, 6), "ToString contents");
    }

    private static void BuilderErrors(ConformanceCheck c)
    {
        c.Throws<ArgumentOutOfRangeException>(() => new StringBuilder("ab").Insert(3, "x"), "Insert past the end");
        c.Throws<ArgumentOutOfRangeException>(() => new StringBuilder("ab").Remove(1, 2), "Remove too much");
        c.Throws<IndexOutOfRangeException>(() => _ = new StringBuilder("ab")[2], "indexer past the end");
        c.Throws<ArgumentOutOfRangeException>(() => new StringBuilder().Length = -1, "negative Length");
    }

    private sealed class Named
    {
        private readonly string _name;

        public Named(string name) { _name = name; }

        public override string ToString() => _name;
    }

    private readonly struct Point : IFormattable
    {
        private readonly int _x;
        private readonly int _y;

        public Point(int x, int y)
        {
            _x = x;
            _y = y;
        }

        public override string ToString() => "(" + _x.ToString() + ", " + _y.ToString() + ")";

        public string ToString(string format, IFormatProvider formatProvider) =>
            format == "P" ? "P[" + _x.ToString() + ";" + _y.ToString() + "]" : ToString();
    }
}
