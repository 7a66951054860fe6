using System;
using System.Runtime.CompilerServices;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>Checks the language features the runtime must support, compiled by ILC for ring 0.</summary>
internal static class RuntimeTests
{
    public static void Run()
    {
        VirtualCalls();
        InterfaceCalls();
        Generics();
        StaticConstructors();
        Strings();
        Arrays();
        Spans();
        Delegates();
        CastsAndBoxing();
        Allocation();
    }

    private static void VirtualCalls()
    {
        Begin("virtual calls");
        Shape[] shapes = { new Square(3), new Rectangle(2, 5), new Triangle(4, 6) };
        int total = 0;
        for (int i = 0; i < shapes.Length; i++)
            total += shapes[i].Area();
        Equal(9 + 10 + 12, total, "sum of areas");
        Equal("square", shapes[0].Name, "overridden property");
        Equal("shape", shapes[2].Name, "inherited property");
    }

    private static void InterfaceCalls()
    {
        // Five implementations, so ILC cannot devirtualize and a real dispatch cell is used.
        Begin("interface calls");
        ICounter[] counters = { new AddOne(), new AddTwo(), new Doubler(), new Squarer(), new Negator() };
        int value = 3;
        for (int i = 0; i < counters.Length; i++)
            value = counters[i].Next(value);
        Equal(-100, value, "chained interface calls");
        IDisposable disposable = new DisposeProbe();
        using (disposable)
        {
        }
        Check(DisposeProbe.Disposed, "using calls IDisposable.Dispose");
    }

    private static void Generics()
    {
        Begin("generics");
        var ints = new Stack<int>(4);
        ints.Push(1);
        ints.Push(2);
        ints.Push(40);
        Equal(40, ints.Pop(), "Stack<int>.Pop");
        Equal(2, ints.Count, "Stack<int>.Count");

        var strings = new Stack<string>(2);
        strings.Push("hybrid");
        strings.Push("kernel");
        Equal("kernel", strings.Pop(), "Stack<string>.Pop (shared canonical code)");

        var pair = new Pair<long, string>(7, "seven");
        Equal(7, pair.First, "generic struct with value field");
        Equal("seven", pair.Second, "generic struct with reference field");
        Equal("x", Identity("x"), "generic method over a reference type");
        Equal(12, Identity(12), "generic method over a value type");
    }

    private static void StaticConstructors()
    {
        Begin("static constructors");
        int first = LazyStatics.Value;
        int second = LazyStatics.Value;
        Equal(1, LazyStatics.ConstructorRuns, "static constructor ran exactly once");
        Equal(first, second, "static value is stable");
        Equal(42, first, "static value computed by the constructor");
    }

    private static void Strings()
    {
        Begin("strings");
        string hello = "Hello";
        string joined = hello + ", " + "kernel" + "!";
        Equal("Hello, kernel!", joined, "concatenation");
        Equal(14, joined.Length, "length");
        Check(joined.StartsWith("Hello") && joined.EndsWith("!"), "StartsWith/EndsWith");
        Equal(7, joined.IndexOf("kernel"), "IndexOf(string)");
        Equal("kernel", joined.Substring(7, 6), "Substring");
        Equal("trim me", "  trim me \t".Trim(), "Trim");
        Equal("-1234567", (-1234567).ToString(), "int formatting");
        Equal("18446744073709551615", ulong.MaxValue.ToString(), "ulong formatting");
        Equal("00000000cafe", 0xCAFEUL.ToString("x12"), "hex formatting");
        Check("abc" == new string(new[] { 'a', 'b', 'c' }), "string equality by value");
        Check("abc".GetHashCode() == new string(new[] { 'a', 'b', 'c' }).GetHashCode(), "equal strings hash alike");
    }

    private static void Arrays()
    {
        Begin("arrays");
        int[] squares = new int[100];
        for (int i = 0; i < squares.Length; i++)
            squares[i] = i * i;
        long sum = 0;
        foreach (int square in squares)
            sum += square;
        Equal(328350, sum, "sum of squares 0..99");

        string[] words = new string[3];
        words[1] = "middle";
        Check(words[0] == null && words[1] == "middle", "reference array store");

        Pair<int, int>[] pairs = new Pair<int, int>[2];
        pairs[1] = new Pair<int, int>(5, 6);
        Equal(11, pairs[1].First + pairs[1].Second, "struct array");

        object[] objects = words;
        Equal(3, objects.Length, "array covariance (string[] as object[])");
    }

    private static unsafe void Spans()
    {
        Begin("span and stackalloc");
        Span<int> buffer = stackalloc int[16];
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = i;
        Span<int> middle = buffer.Slice(4, 8);
        Equal(4, middle[0], "slice start");
        Equal(8, middle.Length, "slice length");
        middle.Fill(-1);
        Equal(-1, buffer[11], "Fill through a slice");
        Equal(12, buffer[12], "Fill stays inside the slice");

        int[] copy = new int[16];
        buffer.CopyTo(copy);
        Check(((ReadOnlySpan<int>)copy).SequenceEqual(buffer), "CopyTo and SequenceEqual");
        ReadOnlySpan<char> text = "kernel".AsSpan().Slice(1, 3);
        Equal("ern", new string(text), "string span");
    }

    private static void Delegates()
    {
        Begin("delegates");
        Func<int, int> twice = x => x * 2;
        Equal(42, twice(21), "lambda");

        int captured = 10;
        Func<int, int> addCaptured = x => x + captured;
        captured = 20;
        Equal(25, addCaptured(5), "closure sees the captured variable");

        Func<int, int> methodGroup = Negate;
        Equal(-8, methodGroup(8), "static method group");

        var counter = new AddTwo();
        Func<int, int> instance = counter.Next;
        Equal(7, instance(5), "instance method group");
    }

    private static void CastsAndBoxing()
    {
        Begin("casts and boxing");
        object shape = new Square(2);
        Check(shape is Shape, "is base class");
        Check(shape is Square, "is exact class");
        Check(!(shape is Rectangle), "is unrelated class");
        Check(shape as ICounter == null, "as interface not implemented");
        object counter = new Squarer();
        Check(counter is ICounter, "is interface");
        Equal(16, ((ICounter)counter).Next(4), "cast to interface and call");

        object boxed = 1234;
        Check(boxed is int, "boxed int is int");
        Equal(1234, (int)boxed, "unbox");
        Equal("1234", boxed.ToString(), "virtual call on a boxed value");
    }

    private static void Allocation()
    {
        Begin("allocation");
        const int Count = 2000;
        Node head = null;
        for (int i = 0; i < Count; i++)
            head = new Node(i, head);

        long sum = 0;
        int length = 0;
        for (Node node = head; node != null; node = node.Next)
        {
            sum += node.Value;
            length++;
        }
        Equal(Count, length, "linked list length");
        Equal((long)Count * (Count - 1) / 2, sum, "linked list contents");

        byte[] large = new byte[256 * 1024];
        large[large.Length - 1] = 0x5A;
        Check(large[0] == 0 && large[large.Length - 1] == 0x5A, "large array is zeroed and writable");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Identity<T>(T value) => value;

    private static int Negate(int value) => -value;

    private abstract class Shape
    {
        public abstract int Area();

        public virtual string Name => "shape";
    }

    private sealed class Square : Shape
    {
        private readonly int _side;

        public Square(int side) => _side = side;

        public override int Area() => _side * _side;

        public override string Name => "square";
    }

    private sealed class Rectangle : Shape
    {
        private readonly int _width;
        private readonly int _height;

        public Rectangle(int width, int height)
        {
            _width = width;
            _height = height;
        }

        public override int Area() => _width * _height;
    }

    private sealed class Triangle : Shape
    {
        private readonly int _base;
        private readonly int _height;

        public Triangle(int baseLength, int height)
        {
            _base = baseLength;
            _height = height;
        }

        public override int Area() => _base * _height / 2;
    }

    private interface ICounter
    {
        int Next(int value);
    }

    private sealed class AddOne : ICounter
    {
        public int Next(int value) => value + 1;
    }

    private sealed class AddTwo : ICounter
    {
        public int Next(int value) => value + 2;
    }

    private sealed class Doubler : ICounter
    {
        public int Next(int value) => value * 2;
    }

    private sealed class Squarer : ICounter
    {
        public int Next(int value) => value * value;
    }

    private sealed class Negator : ICounter
    {
        public int Next(int value) => -value + 44;
    }

    private sealed class DisposeProbe : IDisposable
    {
        public static bool Disposed;

        public void Dispose() => Disposed = true;
    }

    private sealed class Stack<T>
    {
        private readonly T[] _items;

        public Stack(int capacity) => _items = new T[capacity];

        public int Count { get; private set; }

        public void Push(T item) => _items[Count++] = item;

        public T Pop() => _items[--Count];
    }

    private readonly struct Pair<TFirst, TSecond>
    {
        public Pair(TFirst first, TSecond second)
        {
            First = first;
            Second = second;
        }

        public TFirst First { get; }

        public TSecond Second { get; }
    }

    private static class LazyStatics
    {
        public static int ConstructorRuns;
        public static readonly int Value;

        // Not foldable at compile time (it calls a method that is not inlined), so it runs at first use.
        static LazyStatics()
        {
            ConstructorRuns++;
            Value = Compute();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Compute() => 6 * 7;
    }

    private sealed class Node
    {
        public Node(int value, Node next)
        {
            Value = value;
            Next = next;
        }

        public int Value { get; }

        public Node Next { get; }
    }
}
