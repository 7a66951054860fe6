using System;
using System.Runtime.CompilerServices;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The exception measurements, written once: the kernel's benchmarks run them with the time-stamp
/// counter (<see cref="ExceptionBenchmark"/>), tools/RuntimeBench links this file and runs them on
/// .NET with the host's clock. Each returns the ticks per operation of every trial, like
/// <see cref="LockMeasurements"/>; the caller takes the median.
/// </summary>
internal static class ExceptionMeasurements
{
    public const int Trials = 7;

    private static Exception s_exception;
    private static int s_sink;

    /// <summary>
    /// A throw caught <paramref name="depth"/> + 1 frames up: two-pass dispatch, unwinding through
    /// each frame. One throw before the trials builds the unwind index.
    /// </summary>
    public static ulong[] ThrowAndCatch(Func<ulong> readTimestamp, int depth, int throwsPerTrial)
    {
        s_exception ??= new InvalidOperationException("bench");
        CatchOnce(depth);
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            for (int i = 0; i < throwsPerTrial; i++)
                CatchOnce(depth);
            samples[trial] = (readTimestamp() - start) / (ulong)throwsPerTrial;
        }
        return samples;
    }

    /// <summary>
    /// A call whose body sits in a try/finally that does not throw (<paramref name="withFinally"/>), or
    /// the same call without it: with table-based EH the finally is inlined on the normal path, so the
    /// two should cost the same.
    /// </summary>
    public static ulong[] Calls(Func<ulong> readTimestamp, bool withFinally, int callsPerTrial)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            if (withFinally)
            {
                for (int i = 0; i < callsPerTrial; i++)
                    WithFinally(i);
            }
            else
            {
                for (int i = 0; i < callsPerTrial; i++)
                    WithoutFinally(i);
            }
            samples[trial] = (readTimestamp() - start) / (ulong)callsPerTrial;
        }
        return samples;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CatchOnce(int depth)
    {
        try
        {
            ThrowAt(depth);
        }
        catch (InvalidOperationException)
        {
            s_sink++;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowAt(int depth)
    {
        if (depth == 0)
            throw s_exception;
        return ThrowAt(depth - 1) + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WithFinally(int value)
    {
        try
        {
            s_sink += value;
        }
        finally
        {
            s_sink ^= 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WithoutFinally(int value)
    {
        s_sink += value;
        s_sink ^= 1;
    }
}
