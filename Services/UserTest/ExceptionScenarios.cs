using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.SelfTest.Conformance;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Exceptions in ring 3: conformance (every BCL conformance case, the exception checks
/// included, against this program's runtime), catch-faults (a null dereference and a
/// division by zero caught, and the program goes on), unhandled-trace (an exception
/// three calls deep that nobody catches: the report names the methods), dispatcher-fault
/// (a fault while the dispatcher itself runs: the program ends with a report) and throw-threads
/// (the program's first throws, in four threads at once: they race to build the unwind index).
/// </summary>
internal static class ExceptionScenarios
{
    public static int Conformance()
    {
        ConformanceCase[] cases = ConformanceSuite.Cases;
        int assertions = 0;
        int failures = 0;
        foreach (ConformanceCase testCase in cases)
        {
            var check = new ConformanceCheck(canCatchExceptions: true);
            testCase.Run(check);
            assertions += check.Passed;
            foreach (string failure in check.Failures)
            {
                Console.WriteLine("conformance: FAIL " + testCase.Name + ": " + failure);
                failures++;
            }
        }
        Console.WriteLine("conformance: " + cases.Length.ToString() + " cases, " + assertions.ToString()
            + " assertions passed, " + failures.ToString() + " failed");
        return failures == 0 ? 0 : 1;
    }

    private sealed class Node
    {
        public int Value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Node Missing() => null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Zero() => 0;

    public static int CatchFaults()
    {
        int caught = 0;
        try
        {
            Console.WriteLine("catch-faults: value " + Missing().Value.ToString());
        }
        catch (NullReferenceException e)
        {
            caught++;
            Console.WriteLine("catch-faults: caught NullReferenceException: " + e.Message);
        }
        try
        {
            Console.WriteLine("catch-faults: quotient " + (100 / Zero()).ToString());
        }
        catch (DivideByZeroException e)
        {
            caught++;
            Console.WriteLine("catch-faults: caught DivideByZeroException: " + e.Message);
        }
        Console.WriteLine("catch-faults: went on after " + caught.ToString() + " faults");
        return caught == 2 ? 0 : 1;
    }

    public static int UnhandledTrace() => Outer();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Outer() => Middle() + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Middle() => Innermost() + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Innermost() => throw new InvalidOperationException("usertest: nobody catches this");

    /// <summary>An exception whose Message faults: the dispatcher reads it to report the exception nobody catches.</summary>
    private sealed class FaultingMessageException : Exception
    {
        public override string Message => Missing().Value.ToString();
    }

    public static int DispatcherFault() => throw new FaultingMessageException();

    public static int ThrowInThreads(int iterations)
    {
        const int ThreadCount = 4;
        int ready = 0;
        int caught = 0;
        int namedTraces = 0;
        var threads = new System.Threading.Thread[ThreadCount];
        for (int t = 0; t < ThreadCount; t++)
        {
            threads[t] = new System.Threading.Thread(() =>
            {
                // Every thread waits for all the others, so the first throws start together.
                System.Threading.Interlocked.Increment(ref ready);
                while (System.Threading.Volatile.Read(ref ready) < ThreadCount)
                    System.Threading.Thread.Yield();
                for (int i = 0; i < iterations; i++)
                {
                    try
                    {
                        ThrowFromThread(i);
                    }
                    catch (InvalidOperationException e) when (e.Message == "throw-threads " + i.ToString())
                    {
                        System.Threading.Interlocked.Increment(ref caught);
                        if (i == 0 && e.StackTrace != null && e.StackTrace.Contains("ExceptionScenarios.ThrowFromThread"))
                            System.Threading.Interlocked.Increment(ref namedTraces);
                    }
                }
            });
            threads[t].Start();
        }
        foreach (System.Threading.Thread thread in threads)
            thread.Join();
        int expected = ThreadCount * iterations;
        Console.WriteLine("throw-threads: " + ThreadCount.ToString() + " threads x " + iterations.ToString() + ", caught "
            + caught.ToString() + " (expected " + expected.ToString() + "), traces naming the thrower " + namedTraces.ToString());
        return caught == expected && namedTraces == ThreadCount ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFromThread(int i) => throw new InvalidOperationException("throw-threads " + i.ToString());
}
