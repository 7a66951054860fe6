using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// try/catch/finally/filters as C# defines them: which handler runs, in what order
/// (filters before any finally: two-pass dispatch), rethrow, throws from handlers,
/// disposal, exceptions crossing frames and delegates, exceptions the runtime raises.
/// </summary>
internal static class ExceptionCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("exceptions: catch by type picks the first matching clause", CatchByType),
        new ConformanceCase("exceptions: filters run before finally blocks", FiltersBeforeFinally),
        new ConformanceCase("exceptions: a false or throwing filter passes the exception on", FalseAndThrowingFilters),
        new ConformanceCase("exceptions: finally runs on return, on break and on throw", Finally),
        new ConformanceCase("exceptions: rethrow keeps the exception object", Rethrow),
        new ConformanceCase("exceptions: throw from catch and from finally", ThrowFromHandlers),
        new ConformanceCase("exceptions: nested try blocks and handlers", Nested),
        new ConformanceCase("exceptions: using and foreach dispose on throw", Disposal),
        new ConformanceCase("exceptions: across ten frames and through delegates", AcrossFrames),
        new ConformanceCase("exceptions: Message, InnerException, StackTrace, ToString", Properties),
        new ConformanceCase("exceptions: raised by the runtime and the library", RuntimeRaised),
        new ConformanceCase("exceptions: null dereference and divide by zero (CPU faults)", HardwareFaults),
    };

    private sealed class FirstException : Exception
    {
        public FirstException(string message) : base(message) { }
    }

    private sealed class SecondException : Exception
    {
        public SecondException(string message) : base(message) { }
    }

    private static bool Note(List<string> log, string entry, bool result)
    {
        log.Add(entry);
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFirst(string message) => throw new FirstException(message);

    private static void CatchByType(ConformanceCheck c)
    {
        string caught = null;
        try
        {
            ThrowFirst("a");
        }
        catch (SecondException)
        {
            caught = "second";
        }
        catch (FirstException e)
        {
            caught = "first " + e.Message;
        }
        catch (Exception)
        {
            caught = "base";
        }
        c.Equal("first a", caught, "the clause of the thrown type");

        try
        {
            throw new ArgumentNullException("name");
        }
        catch (ArgumentException e)
        {
            caught = "argument " + e.ParamName;
        }
        c.Equal("argument name", caught, "a base type catches a derived exception");

        int value = 1;
        try
        {
            value = 2;
            ThrowFirst("b");
            value = 3;
        }
        catch
        {
            value += 10;
        }
        c.Equal(12, value, "a catch-all clause; locals written in try are seen in catch");
    }

    private static void FiltersBeforeFinally(ConformanceCheck c)
    {
        var log = new List<string>();
        try
        {
            try
            {
                log.Add("try");
                ThrowFirst("x");
            }
            finally
            {
                log.Add("finally");
            }
        }
        catch (FirstException e) when (Note(log, "filter " + e.Message, true))
        {
            log.Add("catch");
        }
        c.SequenceEqual(new[] { "try", "filter x", "finally", "catch" }, log, "first pass, then second pass");

        log.Clear();
        try
        {
            Inner(log);
        }
        catch (FirstException) when (Note(log, "outer filter", true))
        {
            log.Add("outer catch");
        }
        c.SequenceEqual(new[] { "inner filter", "outer filter", "inner finally", "outer catch" }, log, "filters of every frame before any finally");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Inner(List<string> log)
    {
        try
        {
            ThrowFirst("y");
        }
        catch (FirstException) when (Note(log, "inner filter", false))
        {
            log.Add("inner catch");
        }
        finally
        {
            log.Add("inner finally");
        }
    }

    private static bool ThrowingFilter() => throw new SecondException("from the filter");

    private static void FalseAndThrowingFilters(ConformanceCheck c)
    {
        string caught = null;
        try
        {
            try
            {
                ThrowFirst("p");
            }
            catch (FirstException e) when (e.Message == "q")
            {
                caught = "wrong";
            }
        }
        catch (FirstException e) when (e.Message == "p")
        {
            caught = "outer";
        }
        c.Equal("outer", caught, "a false filter");

        caught = null;
        try
        {
            try
            {
                ThrowFirst("r");
            }
            catch (FirstException) when (ThrowingFilter())
            {
                caught = "wrong";
            }
        }
        catch (SecondException)
        {
            caught = "the filter's exception escaped";
        }
        catch (FirstException e)
        {
            caught = "outer " + e.Message;
        }
        c.Equal("outer r", caught, "an exception in a filter counts as false and is swallowed");
    }

    private static int ReturnFromTry(List<string> log)
    {
        try
        {
            return 5;
        }
        finally
        {
            log.Add("finally after return");
        }
    }

    private static void Finally(ConformanceCheck c)
    {
        var log = new List<string>();
        c.Equal(5, ReturnFromTry(log), "return value survives the finally");
        for (int i = 0; i < 3; i++)
        {
            try
            {
                if (i == 1)
                    break;
            }
            finally
            {
                log.Add("loop " + i.ToString());
            }
        }
        try
        {
            try
            {
                ThrowFirst("f");
            }
            finally
            {
                log.Add("finally on throw");
            }
        }
        catch (FirstException)
        {
            log.Add("caught");
        }
        c.SequenceEqual(new[] { "finally after return", "loop 0", "loop 1", "finally on throw", "caught" }, log, "finally order");
    }

    private static void Rethrow(ConformanceCheck c)
    {
        var original = new FirstException("original");
        Exception caught = null;
        int handlers = 0;
        try
        {
            try
            {
                throw original;
            }
            catch (FirstException)
            {
                handlers++;
                throw;
            }
        }
        catch (Exception e)
        {
            handlers++;
            caught = e;
        }
        c.True(ReferenceEquals(original, caught), "throw; rethrows the same object");
        c.Equal(2, handlers, "both handlers ran once");

        caught = null;
        try
        {
            try
            {
                ThrowFirst("again");
            }
            catch (FirstException e)
            {
                try
                {
                    throw;
                }
                catch (FirstException inner)
                {
                    c.True(ReferenceEquals(e, inner), "throw; inside a nested try is caught there");
                }
#pragma warning disable CA2200 // the point of this check: `throw e` rethrows the same object
                throw e;
#pragma warning restore CA2200
            }
        }
        catch (FirstException e)
        {
            caught = e;
        }
        c.Equal("again", caught == null ? null : caught.Message, "throw e; rethrows the object");
    }

    private static void ThrowFromHandlers(ConformanceCheck c)
    {
        string caught = null;
        try
        {
            try
            {
                ThrowFirst("one");
            }
            catch (FirstException e)
            {
                throw new SecondException("from catch, after " + e.Message);
            }
        }
        catch (FirstException)
        {
            caught = "wrong";
        }
        catch (SecondException e)
        {
            caught = e.Message;
        }
        c.Equal("from catch, after one", caught, "an exception thrown by a catch block");

        caught = null;
        try
        {
            try
            {
                try
                {
                    ThrowFirst("lost");
                }
                catch (SecondException)
                {
                    caught = "wrong";
                }
            }
            finally
            {
                throw new SecondException("from finally");
            }
        }
        catch (FirstException)
        {
            caught = "the first exception";
        }
        catch (SecondException e)
        {
            caught = e.Message;
        }
        c.Equal("from finally", caught, "an exception thrown by a finally block replaces the first");

        caught = null;
        try
        {
            try
            {
                ThrowFirst("x");
            }
            catch (FirstException)
            {
                ThrowFirst("second first");
            }
            catch (Exception)
            {
                caught = "a sibling catch of the same try";
            }
        }
        catch (FirstException e)
        {
            caught = e.Message;
        }
        c.Equal("second first", caught, "a catch's exception skips the other catches of its try");
    }

    private static void Nested(ConformanceCheck c)
    {
        var log = new List<string>();
        try
        {
            try
            {
                try
                {
                    ThrowFirst("deep");
                }
                finally
                {
                    log.Add("finally 1");
                }
            }
            catch (SecondException)
            {
                log.Add("wrong");
            }
            finally
            {
                log.Add("finally 2");
            }
        }
        catch (FirstException e)
        {
            log.Add("caught " + e.Message);
            try
            {
                ThrowFirst("in catch");
            }
            catch (FirstException inner)
            {
                log.Add("inner " + inner.Message);
            }
            finally
            {
                log.Add("finally in catch");
            }
        }
        log.Add("after");
        c.SequenceEqual(new[] { "finally 1", "finally 2", "caught deep", "inner in catch", "finally in catch", "after" }, log, "handler order");
    }

    private sealed class Resource : IDisposable
    {
        private readonly List<string> _log;
        private readonly string _name;

        public Resource(List<string> log, string name)
        {
            _log = log;
            _name = name;
        }

        public void Dispose() => _log.Add("dispose " + _name);
    }

    private sealed class ThrowingSequence : IEnumerable<int>
    {
        private readonly List<string> _log;

        public ThrowingSequence(List<string> log) => _log = log;

        public IEnumerator<int> GetEnumerator() => new Enumerator(_log);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator : IEnumerator<int>
        {
            private readonly List<string> _log;
            private int _current;

            public Enumerator(List<string> log) => _log = log;

            public int Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext() => ++_current <= 3;

            public void Reset() => _current = 0;

            public void Dispose() => _log.Add("enumerator disposed");
        }
    }

    private static IEnumerable<int> IteratorWithFinally(List<string> log)
    {
        try
        {
            yield return 1;
            yield return 2;
        }
        finally
        {
            log.Add("iterator finally");
        }
    }

    private static void Disposal(ConformanceCheck c)
    {
        var log = new List<string>();
        try
        {
            using (new Resource(log, "a"))
            using (var b = new Resource(log, "b"))
                ThrowFirst("using");
        }
        catch (FirstException)
        {
            log.Add("caught");
        }
        c.SequenceEqual(new[] { "dispose b", "dispose a", "caught" }, log, "using disposes in reverse order before the catch");

        log.Clear();
        try
        {
            foreach (int item in new ThrowingSequence(log))
            {
                if (item == 2)
                    ThrowFirst("foreach");
            }
        }
        catch (FirstException)
        {
            log.Add("caught");
        }
        c.SequenceEqual(new[] { "enumerator disposed", "caught" }, log, "foreach disposes its enumerator");

        log.Clear();
        try
        {
            foreach (int item in IteratorWithFinally(log))
                ThrowFirst("iterator");
        }
        catch (FirstException)
        {
            log.Add("caught");
        }
        c.SequenceEqual(new[] { "iterator finally", "caught" }, log, "an iterator's finally runs when the loop throws");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth, List<string> log)
    {
        if (depth == 0)
            ThrowFirst("bottom");
        try
        {
            return Recurse(depth - 1, log) + 1;
        }
        finally
        {
            log.Add(depth.ToString());
        }
    }

    private static void AcrossFrames(ConformanceCheck c)
    {
        var log = new List<string>();
        string caught = null;
        try
        {
            Recurse(10, log);
        }
        catch (FirstException e)
        {
            caught = e.Message;
        }
        c.Equal("bottom", caught, "caught ten frames up");
        c.SequenceEqual(new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" }, log, "every frame's finally, innermost first");

        int captured = 7;
        Func<int, int> divide = x => x == 0 ? throw new SecondException("lambda " + captured.ToString()) : 100 / x;
        Action<string> thrower = ThrowFirst;
        caught = null;
        try
        {
            divide(0);
        }
        catch (SecondException e)
        {
            caught = e.Message;
        }
        c.Equal("lambda 7", caught, "from a closure");
        caught = null;
        try
        {
            thrower("method group");
        }
        catch (FirstException e)
        {
            caught = e.Message;
        }
        c.Equal("method group", caught, "from a delegate to a static method");

        var list = new List<int> { 3, 1, 2 };
        caught = null;
        try
        {
            list.Sort((a, b) => a == 2 || b == 2 ? throw new SecondException("comparer") : a.CompareTo(b));
        }
        catch (Exception e)
        {
            caught = e is SecondException || e.InnerException is SecondException ? "comparer" : e.GetType().Name;
        }
        c.Equal("comparer", caught, "out of library code calling back");
    }

    private static void Properties(ConformanceCheck c)
    {
        var inner = new FirstException("inner");
        var outer = new InvalidOperationException("outer", inner);
        c.Equal("outer", outer.Message, "Message");
        c.True(ReferenceEquals(inner, outer.InnerException), "InnerException");
        c.True(outer.StackTrace == null, "no stack trace before the throw");
        c.Equal("Specified argument was out of the range of valid values.", new ArgumentOutOfRangeException().Message, "default messages");

        Exception caught = null;
        try
        {
            ThrowFirst("traced");
        }
        catch (FirstException e)
        {
            caught = e;
        }
        string trace = caught.StackTrace;
        c.True(trace != null && trace.Contains("ExceptionCases.ThrowFirst"), "the stack trace names the throwing method: " + trace);
        c.True(trace != null && trace.Contains("ExceptionCases.Properties"), "and the catching one");
        string text = caught.ToString();
        c.True(text.Contains("traced") && text.Contains("ExceptionCases.ThrowFirst"), "ToString has the message and the trace: " + text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Box(int value) => value;

    private static void RuntimeRaised(ConformanceCheck c)
    {
        int[] array = new int[3];
        int index = 3;
        c.Throws<IndexOutOfRangeException>(() => array[index] = 1, "array index");
        c.Throws<InvalidCastException>(() => { string s = (string)Box(1); }, "cast");
        c.Throws<InvalidCastException>(() => { object o = Box(2); long l = (long)o; }, "unboxing to another type");
        int big = int.MaxValue;
        c.Throws<OverflowException>(() => { int x = checked(big + 1); }, "checked add");
        c.Throws<OverflowException>(() => { uint x = checked((uint)(big - int.MaxValue - 1)); }, "checked narrowing");
        c.Throws<ArgumentOutOfRangeException>(() => { int x = new List<int>()[0]; }, "List indexer");
        c.Throws<KeyNotFoundException>(() => { int x = new Dictionary<int, int>()[1]; }, "Dictionary indexer");
        c.Throws<ArgumentNullException>(() => new List<string>((IEnumerable<string>)null), "null collection");
        c.Throws<FormatException>(() => int.Parse("x1"), "int.Parse");
        c.Throws<OverflowException>(() => int.Parse("99999999999"), "int.Parse range");
        c.Throws<ArgumentException>(() => new Dictionary<int, int> { { 1, 1 }, { 1, 2 } }, "duplicate key");
        c.Throws<InvalidOperationException>(() => new Queue<int>().Dequeue(), "empty queue");
        int huge = int.MaxValue;
        c.Throws<OutOfMemoryException>(() => { byte[] b = new byte[huge]; }, "an array larger than memory");
        c.Throws<InvalidOperationException>(() =>
        {
            var list = new List<int> { 1, 2 };
            foreach (int item in list)
                list.Add(item);
        }, "collection modified during enumeration");
    }

    private sealed class Holder
    {
        public int Value = 1;

        public override string ToString() => "holder";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Holder NoHolder() => null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Zero() => 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadField(Holder holder) => holder.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadElement(int[] array) => array[0];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int dividend, int divisor) => dividend / divisor;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Remainder(long dividend, long divisor) => dividend % divisor;

    private static void HardwareFaults(ConformanceCheck c)
    {
        c.Throws<NullReferenceException>(() => ReadField(NoHolder()), "a field through null");
        c.Throws<NullReferenceException>(() => ReadElement(null), "an element through null");
        c.Throws<NullReferenceException>(() => NoHolder().ToString(), "a virtual call on null");
        c.Throws<DivideByZeroException>(() => Divide(7, Zero()), "int division by zero");
        c.Throws<DivideByZeroException>(() => Remainder(7, Zero()), "long remainder by zero");

        var log = new List<string>();
        int value = 0;
        try
        {
            try
            {
                value = ReadField(NoHolder());
            }
            finally
            {
                log.Add("finally");
            }
        }
        catch (NullReferenceException e) when (Note(log, "filter", true))
        {
            log.Add("caught: " + e.Message);
        }
        value += Divide(10, 2);
        c.SequenceEqual(new[] { "filter", "finally", "caught: Object reference not set to an instance of an object." }, log, "a fault goes through filters and finally blocks");
        c.Equal(5, value, "and the method goes on after the catch");
    }
}
