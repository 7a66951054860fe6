using System;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Locks and thread wake-ups: an uncontended lock statement (no system call), the same on a
/// System.Threading.Lock, a contended hand-off between two threads (Monitor.Wait/Pulse ping-pong),
/// and the raw FutexWait/FutexWake round trip it is built on.
/// </summary>
internal static unsafe class ThreadBenchmarks
{
    private const int Trials = 7;
    private const int LockIterations = 20000;
    private const int HandOffRounds = 500;

    private static int s_ping;
    private static int s_pong;

    public static void Run()
    {
        Benchmarks.Report("lock_uncontended (lock(object) enter+exit)", UncontendedMonitor(), "ticks");
        Benchmarks.Report("lock_uncontended_Lock (System.Threading.Lock enter+exit)", UncontendedLock(), "ticks");
        Benchmarks.Report("lock_handoff (Monitor.Wait/Pulse between two threads, per hand-off)", MonitorHandOff(), "ticks");
        Benchmarks.Report("futex_round_trip (FutexWake + FutexWait ping-pong, per round trip)", FutexRoundTrip(), "ticks");
    }

    private static ulong UncontendedMonitor()
    {
        var gate = new object();
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < LockIterations; i++)
            {
                lock (gate)
                {
                }
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / LockIterations;
        }
        return Benchmarks.Median(samples);
    }

    private static ulong UncontendedLock()
    {
        var gate = new Lock();
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < LockIterations; i++)
            {
                lock (gate)
                {
                }
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / LockIterations;
        }
        return Benchmarks.Median(samples);
    }

    // Two threads take turns under one lock; each turn is a hand-off: Pulse, Wait releases the lock,
    // the other thread wakes and takes it.
    private static ulong MonitorHandOff()
    {
        var gate = new object();
        int turn = 0;
        int total = Trials * HandOffRounds;
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
                ulong start = Benchmarks.ReadTimestamp();
                for (int i = 0; i < HandOffRounds; i++)
                {
                    turn++;
                    Monitor.Pulse(gate);
                    while ((turn & 1) == 1)
                        Monitor.Wait(gate);
                }
                samples[trial] = (Benchmarks.ReadTimestamp() - start) / (2 * HandOffRounds);
            }
        }
        partner.Join();
        return Benchmarks.Median(samples);
    }

    // Ping: set the partner's word and wake it, then sleep on ours until it answers.
    private static ulong FutexRoundTrip()
    {
        s_ping = 0;
        s_pong = 0;
        int total = Trials * HandOffRounds;
        var partner = new Thread(() =>
        {
            fixed (int* ping = &s_ping)
            fixed (int* pong = &s_pong)
            {
                for (int i = 1; i <= total; i++)
                {
                    while (Volatile.Read(ref *ping) != i)
                        SystemCall.Call(SyscallNumber.FutexWait, (long)ping, i - 1, -1);
                    Volatile.Write(ref *pong, i);
                    SystemCall.Call(SyscallNumber.FutexWake, (long)pong, 1);
                }
            }
        });
        partner.Start();
        ulong[] samples = new ulong[Trials];
        int round = 0;
        fixed (int* ping = &s_ping)
        fixed (int* pong = &s_pong)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                ulong start = Benchmarks.ReadTimestamp();
                for (int i = 0; i < HandOffRounds; i++)
                {
                    round++;
                    Volatile.Write(ref *ping, round);
                    SystemCall.Call(SyscallNumber.FutexWake, (long)ping, 1);
                    while (Volatile.Read(ref *pong) != round)
                        SystemCall.Call(SyscallNumber.FutexWait, (long)pong, round - 1, -1);
                }
                samples[trial] = (Benchmarks.ReadTimestamp() - start) / HandOffRounds;
            }
        }
        partner.Join();
        return Benchmarks.Median(samples);
    }
}
