using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CosmosHybrid.Tools.RuntimeBench;

/// <summary>
/// The operations of the guest's runtime benchmarks (CosmosHybrid/Benchmarks: ExceptionBenchmark,
/// LockMeasurements, FloatTextBenchmark), written the same way: the same call depths, the same
/// seeded random doubles. Each runs a given number of operations; the caller times it.
/// </summary>
internal static class RuntimeMeasurements
{
    private static readonly InvalidOperationException s_exception = new("bench");
    private static int s_sink;
    private static double s_doubleSink;

    public static void ThrowAndCatch(int depth, int throws)
    {
        for (int i = 0; i < throws; i++)
            CatchOnce(depth);
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

    public static void CallsWithFinally(int calls)
    {
        for (int i = 0; i < calls; i++)
            WithFinally(i);
    }

    public static void CallsWithoutFinally(int calls)
    {
        for (int i = 0; i < calls; i++)
            WithoutFinally(i);
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

    public static void UncontendedMonitor(int iterations)
    {
        var gate = new object();
        for (int i = 0; i < iterations; i++)
        {
            lock (gate)
            {
            }
        }
    }

    public static void UncontendedLock(int iterations)
    {
        var gate = new Lock();
        for (int i = 0; i < iterations; i++)
        {
            lock (gate)
            {
            }
        }
    }

    /// <summary>Two threads take turns under one lock, Pulse then Wait: <paramref name="rounds"/> round trips.</summary>
    public static void MonitorHandOff(int rounds)
    {
        var gate = new object();
        int turn = 0;
        var partner = new Thread(() =>
        {
            lock (gate)
            {
                for (int i = 0; i < rounds; i++)
                {
                    while ((turn & 1) == 0)
                        Monitor.Wait(gate);
                    turn++;
                    Monitor.Pulse(gate);
                }
            }
        });
        partner.Start();
        lock (gate)
        {
            for (int i = 0; i < rounds; i++)
            {
                turn++;
                Monitor.Pulse(gate);
                while ((turn & 1) == 1)
                    Monitor.Wait(gate);
            }
        }
        partner.Join();
    }

    /// <summary>Finite doubles from random bit patterns, with the guest benchmark's seed and xorshift.</summary>
    public static double[] RandomDoubles(int count)
    {
        double[] values = new double[count];
        ulong state = 0x2545F4914F6CDD1D;
        for (int i = 0; i < values.Length; i++)
        {
            ulong bits;
            do
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bits = state;
            }
            while ((bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000);
            values[i] = BitConverter.Int64BitsToDouble((long)bits);
        }
        return values;
    }

    public static void FormatAll(double[] values)
    {
        foreach (double value in values)
            s_sink += value.ToString().Length;
    }

    public static void ParseAll(string[] texts)
    {
        foreach (string text in texts)
            s_doubleSink += double.Parse(text, CultureInfo.InvariantCulture);
    }
}
