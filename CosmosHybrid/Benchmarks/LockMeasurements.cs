using System;
using System.Threading;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The lock measurements, written once for both rings: the kernel's benchmarks run them over kernel
/// threads (<see cref="LockBenchmark"/>), ring 3's bench program over its threads (Services/Bench
/// ThreadBenchmarks links this file). Each returns the ticks per operation of every trial; the caller
/// takes the median and reports it.
/// </summary>
internal static class LockMeasurements
{
    public const int Trials = 7;

    /// <summary>An uncontended lock statement on an object (Monitor): enter and exit.</summary>
    public static ulong[] UncontendedMonitor(Func<ulong> readTimestamp, int iterations)
    {
        var gate = new object();
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                lock (gate)
                {
                }
            }
            samples[trial] = (readTimestamp() - start) / (ulong)iterations;
        }
        return samples;
    }

    /// <summary>An uncontended lock statement on a System.Threading.Lock.</summary>
    public static ulong[] UncontendedLock(Func<ulong> readTimestamp, int iterations)
    {
        var gate = new Lock();
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                lock (gate)
                {
                }
            }
            samples[trial] = (readTimestamp() - start) / (ulong)iterations;
        }
        return samples;
    }

    /// <summary>
    /// Two threads take turns under one lock; each turn is a hand-off: Pulse, Wait releases the lock,
    /// the other thread wakes and takes it. Ticks per hand-off.
    /// </summary>
    public static ulong[] MonitorHandOff(Func<ulong> readTimestamp, int rounds)
    {
        var gate = new object();
        int turn = 0;
        int total = Trials * rounds;
        var partner = new Thread(() =>
        {
            lock (gate)
            {
                for (int i = 0; i < total; i++)
                {
                    while ((turn & 1) == 0)
                        Monitor.Wait(gate);
                    turn++;
                    Monitor.Pulse(gate);
                }
            }
        });
        partner.Start();
        ulong[] samples = new ulong[Trials];
        lock (gate)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                ulong start = readTimestamp();
                for (int i = 0; i < rounds; i++)
                {
                    turn++;
                    Monitor.Pulse(gate);
                    while ((turn & 1) == 1)
                        Monitor.Wait(gate);
                }
                samples[trial] = (readTimestamp() - start) / (ulong)(2 * rounds);
            }
        }
        partner.Join();
        return samples;
    }
}
