using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// <c>[ThreadStatic]</c> fields: a copy per thread, zero on each thread's first access, kept
/// alive by the thread (not by whoever reads them), gone with the thread. Kernel threads in the
/// kernel, threads of the process in ring 3, .NET's threads on the host.
/// </summary>
internal static class ThreadStaticCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("[ThreadStatic]: two threads see separate values", SeparateValues),
        new ConformanceCase("[ThreadStatic]: a reference held only by a thread static survives a collection", SurvivesCollection),
        new ConformanceCase("[ThreadStatic]: a finished thread's values do not reach a new thread", NoLeakToNewThread),
        new ConformanceCase("[ThreadStatic]: the static constructor's initializer sets only its own thread's copy", InitializerOnOneThread),
    };

    [ThreadStatic] private static int t_count;
    [ThreadStatic] private static string t_name;
    [ThreadStatic] private static long t_wide;
    [ThreadStatic] private static Pair t_pair;
    [ThreadStatic] private static int[] t_numbers;

    private struct Pair
    {
        public int First;
        public double Second;
    }

    private static void SeparateValues(ConformanceCheck c)
    {
        t_count = 7;
        t_name = "main";
        t_pair = new Pair { First = 3, Second = 0.5 };
        int started = 0;
        var seenFirst = new int[2];
        var finalCounts = new int[2];
        var names = new string[2];
        var wides = new long[2];
        var threads = new Thread[2];
        for (int i = 0; i < 2; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                seenFirst[index] = t_count + (t_name == null ? 0 : 1000) + t_pair.First;
                t_name = "thread " + index;
                Interlocked.Increment(ref started);
                // Both run at once: each adds to its own copy while the other does too.
                SpinWait.SpinUntil(() => Volatile.Read(ref started) == 2, 10000);
                for (int n = 0; n < 1000 * (index + 1); n++)
                {
                    t_count++;
                    t_wide += 1L << 33;
                    if (n % 100 == 0)
                        Thread.Yield();
                }
                finalCounts[index] = t_count;
                names[index] = t_name;
                wides[index] = t_wide;
            });
        }
        threads[0].Start();
        threads[1].Start();
        c.True(threads[0].Join(20000) && threads[1].Join(20000), "both threads finished");
        c.Equal(0, seenFirst[0], "a new thread starts with zero and null (first)");
        c.Equal(0, seenFirst[1], "a new thread starts with zero and null (second)");
        c.Equal(1000, finalCounts[0], "the first thread counted only its own");
        c.Equal(2000, finalCounts[1], "the second thread counted only its own");
        c.Equal(2000L << 33, wides[1], "a long per thread");
        c.Equal("thread 0", names[0], "a reference per thread (first)");
        c.Equal("thread 1", names[1], "a reference per thread (second)");
        c.Equal(7, t_count, "this thread's int is untouched");
        c.Equal("main", t_name, "this thread's string is untouched");
        c.Equal(0.5, t_pair.Second, "this thread's struct is untouched");
    }

    private static void SurvivesCollection(ConformanceCheck c)
    {
        bool intact = false;
        var worker = new Thread(() =>
        {
            FillNumbers();
            Churn();
            intact = NumbersIntact();
        });
        worker.Start();
        c.True(worker.Join(20000), "the thread finished");
        c.True(intact, "another thread's array survived collections and new allocations");
        FillNumbers();
        Churn();
        c.True(NumbersIntact(), "this thread's array survived collections and new allocations");
        t_numbers = null;
    }

    // Not inlined: no local of the caller holds the array, only the thread static does.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FillNumbers()
    {
        var numbers = new int[64];
        for (int i = 0; i < numbers.Length; i++)
            numbers[i] = i * 7 + 1;
        t_numbers = numbers;
    }

    // Collections, and arrays of the same size that would take the space of a freed one.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Churn()
    {
        for (int round = 0; round < 3; round++)
        {
            GC.Collect();
            for (int i = 0; i < 64; i++)
            {
                var garbage = new int[64];
                garbage[i] = -1;
            }
        }
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool NumbersIntact()
    {
        int[] numbers = t_numbers;
        if (numbers == null || numbers.Length != 64)
            return false;
        for (int i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] != i * 7 + 1)
                return false;
        }
        return true;
    }

    private static void NoLeakToNewThread(ConformanceCheck c)
    {
        var first = new Thread(() =>
        {
            t_count = 42;
            t_name = "left behind";
            t_numbers = new int[] { 1, 2, 3 };
        });
        first.Start();
        c.True(first.Join(20000), "the first thread finished");
        int count = -1;
        string name = "unset";
        int[] numbers = new int[1];
        var second = new Thread(() =>
        {
            count = t_count;
            name = t_name;
            numbers = t_numbers;
        });
        second.Start();
        c.True(second.Join(20000), "the second thread finished");
        c.Equal(0, count, "an int starts at zero");
        c.True(name == null, "a string starts null");
        c.True(numbers == null, "an array starts null");
    }

    private static void InitializerOnOneThread(ConformanceCheck c)
    {
        int here = Seeded.Value;
        int there = -1;
        var other = new Thread(() => there = Seeded.Value);
        other.Start();
        c.True(other.Join(20000), "the thread finished");
        c.Equal(5, here, "the thread that ran the static constructor sees the initializer's value");
        c.Equal(0, there, "another thread sees zero");
        c.Equal(Environment.CurrentManagedThreadId, Seeded.Creator, "the constructor ran on this thread");
    }

    // A static constructor the compiler cannot run ahead of time (it reads the running thread's id).
    private static class Seeded
    {
        public static readonly int Creator = Environment.CurrentManagedThreadId;
        [ThreadStatic] private static int t_value = 5;

        public static int Value => t_value;
    }
}
