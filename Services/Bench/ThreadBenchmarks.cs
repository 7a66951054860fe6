using System;
using System.Threading;
using CosmosHybrid.Benchmarks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Locks and thread wake-ups: an uncontended lock statement (no system call), the same on a
/// System.Threading.Lock, a contended hand-off between two threads (Monitor.Wait/Pulse ping-pong),
/// and the raw FutexWait/FutexWake round trip it is built on. The lock rows are <see cref="LockMeasurements"/>,
/// shared with the kernel's own benchmarks.
/// </summary>
internal static unsafe class ThreadBenchmarks
{
    private const int Trials = LockMeasurements.Trials;
    private const int LockIterations = 20000;
    private const int HandOffRounds = 500;

    private static int s_ping;
    private static int s_pong;

    public static void Run()
    {
        Benchmarks.Report("lock_uncontended (lock(object) enter+exit)",
            Benchmarks.Median(LockMeasurements.UncontendedMonitor(() => Benchmarks.ReadTimestamp(), LockIterations)), "ticks");
        Benchmarks.Report("lock_uncontended_Lock (System.Threading.Lock enter+exit)",
            Benchmarks.Median(LockMeasurements.UncontendedLock(() => Benchmarks.ReadTimestamp(), LockIterations)), "ticks");
        Benchmarks.Report("lock_handoff (Monitor.Wait/Pulse between two threads, per hand-off)",
            Benchmarks.Median(LockMeasurements.MonitorHandOff(() => Benchmarks.ReadTimestamp(), HandOffRounds)), "ticks");
        Benchmarks.Report("futex_round_trip (FutexWake + FutexWait ping-pong, per round trip)", FutexRoundTrip(), "ticks");
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
