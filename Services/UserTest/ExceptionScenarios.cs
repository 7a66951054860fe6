using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.SelfTest.Conformance;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Exceptions in ring 3: conformance (every BCL conformance case, the exception checks
/// included, against this program's runtime), catch-faults (a null dereference and a
/// division by zero caught, and the program goes on) and unhandled-trace (an exception
/// three calls deep that nobody catches: the report names the methods).
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
}
