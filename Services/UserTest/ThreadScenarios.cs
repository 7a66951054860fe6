using System;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The threading scenarios: lock-count (threads contend on one lock), monitor-queue (a
/// producer-consumer queue on Monitor.Wait/PulseAll), cctor-cycle (two threads whose static
/// constructors need each other's type), futex-errors (FutexWait/FutexWake refuse bad words),
/// thread-api (Thread, Join, ThreadLocal, events, semaphores, Lock), foreground (the process
/// waits for a foreground thread, not for a background one), futex-sleeper (waits for ever, to be killed).
/// </summary>
internal static unsafe class ThreadScenarios
{
    public static int LockCount(int iterations)
    {
        const int ThreadCount = 4;
        var gate = new object();
        long count = 0;
        var threads = new Thread[ThreadCount];
        for (int t = 0; t < ThreadCount; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < iterations; i++)
                {
                    lock (gate)
                        count++;
                }
            });
            threads[t].Start();
        }
        foreach (Thread thread in threads)
            thread.Join();
        long expected = (long)ThreadCount * iterations;
        Console.WriteLine("lock-count: " + ThreadCount.ToString() + " threads x " + iterations.ToString() + ", count "
            + count.ToString() + " (expected " + expected.ToString() + ")");
        return count == expected ? 0 : 1;
    }

    public static int MonitorQueue(int items)
    {
        const int Capacity = 4;
        const int Producers = 2;
        const int Consumers = 2;
        var queue = new System.Collections.Generic.Queue<int>();
        var gate = new object();
        long consumedSum = 0;
        int consumedCount = 0;
        int waits = 0;
        var threads = new System.Collections.Generic.List<Thread>();
        for (int p = 0; p < Producers; p++)
        {
            int first = p * (items / Producers);
            threads.Add(new Thread(() =>
            {
                for (int i = 0; i < items / Producers; i++)
                {
                    lock (gate)
                    {
                        while (queue.Count == Capacity)
                        {
                            waits++;
                            Monitor.Wait(gate);
                        }
                        queue.Enqueue(first + i + 1);
                        Monitor.PulseAll(gate);
                    }
                }
            }));
        }
        for (int c = 0; c < Consumers; c++)
        {
            threads.Add(new Thread(() =>
            {
                while (true)
                {
                    lock (gate)
                    {
                        while (queue.Count == 0 && consumedCount < items)
                        {
                            waits++;
                            Monitor.Wait(gate);
                        }
                        if (queue.Count == 0)
                            return;
                        consumedSum += queue.Dequeue();
                        consumedCount++;
                        Monitor.PulseAll(gate);
                    }
                }
            }));
        }
        foreach (Thread thread in threads)
            thread.Start();
        foreach (Thread thread in threads)
            thread.Join();
        long expected = (long)items * (items + 1) / 2;
        Console.WriteLine("monitor-queue: " + consumedCount.ToString() + " items, sum " + consumedSum.ToString()
            + " (expected " + expected.ToString() + "), " + waits.ToString() + " waits");
        return consumedSum == expected && consumedCount == items ? 0 : 1;
    }

    public static int CctorCycle()
    {
        var first = new Thread(() => CycleA.Touch());
        var second = new Thread(() => CycleB.Touch());
        first.Start();
        second.Start();
        bool ended = first.Join(20000) & second.Join(20000);
        Console.WriteLine("cctor-cycle: " + (ended ? "completed" : "stuck") + "; A ran " + CycleA.Runs.ToString()
            + " time(s), B ran " + CycleB.Runs.ToString() + " time(s)");
        return ended && CycleA.Runs == 1 && CycleB.Runs == 1 ? 0 : 1;
    }

    // Each constructor waits until the other has started, then needs the other's type.
    private static int s_cyclesStarted;

    private static class CycleA
    {
        public static int Runs;
        public static readonly int Value;

        static CycleA()
        {
            Runs++;
            Interlocked.Increment(ref s_cyclesStarted);
            while (Volatile.Read(ref s_cyclesStarted) < 2)
                Thread.Sleep(1);
            Value = CycleB.Value + 1;
        }

        public static int Touch() => Value;
    }

    private static class CycleB
    {
        public static int Runs;
        public static readonly int Value;

        static CycleB()
        {
            Runs++;
            Interlocked.Increment(ref s_cyclesStarted);
            while (Volatile.Read(ref s_cyclesStarted) < 2)
                Thread.Sleep(1);
            Value = CycleA.Value + 1;
        }

        public static int Touch() => Value;
    }

    public static int FutexErrors()
    {
        int word = 5;
        int failures = 0;
        failures += Check("wait below user memory", SystemCall.Call(SyscallNumber.FutexWait, 0x10, 0, -1), SyscallResult.Error(SyscallError.BadAddress));
        failures += Check("wait on kernel memory", SystemCall.Call(SyscallNumber.FutexWait, unchecked((long)0xFFFF_8000_0010_0000), 0, -1), SyscallResult.Error(SyscallError.BadAddress));
        failures += Check("wait on unmapped memory", SystemCall.Call(SyscallNumber.FutexWait, 0x7FFF_0000_0000, 0, -1), SyscallResult.Error(SyscallError.BadAddress));
        failures += Check("wait misaligned", SystemCall.Call(SyscallNumber.FutexWait, (long)((byte*)&word + 1), 0, -1), SyscallResult.Error(SyscallError.InvalidArgument));
        failures += Check("wait on a changed word", SystemCall.Call(SyscallNumber.FutexWait, (long)&word, 4, -1), 1);
        failures += Check("wait with a time-out", SystemCall.Call(SyscallNumber.FutexWait, (long)&word, 5, 20), SyscallResult.Error(SyscallError.TimedOut));
        failures += Check("wake below user memory", SystemCall.Call(SyscallNumber.FutexWake, 0x10, 1), SyscallResult.Error(SyscallError.BadAddress));
        failures += Check("wake nobody", SystemCall.Call(SyscallNumber.FutexWake, (long)&word, 1), 0);
        failures += Check("thread pointer in kernel memory", SystemCall.Call(SyscallNumber.SetThreadPointer, unchecked((long)0xFFFF_8000_0000_0000)), SyscallResult.Error(SyscallError.BadAddress));
        Console.WriteLine("futex-errors: " + failures.ToString() + " wrong");
        return failures == 0 ? 0 : 1;
    }

    private static int Check(string what, long result, long expected)
    {
        Console.WriteLine("futex-errors: " + what + " -> " + result.ToString() + (result == expected ? "" : " (expected " + expected.ToString() + ")"));
        return result == expected ? 0 : 1;
    }

    public static int ThreadApi()
    {
        int failures = 0;
        Thread main = Thread.CurrentThread;
        failures += Expect("main thread id matches Environment", main.ManagedThreadId == Environment.CurrentManagedThreadId);

        // A parameter, a name, a distinct id, and CurrentThread inside the thread.
        object seen = null;
        int workerId = 0;
        bool sameObject = false;
        var worker = new Thread(parameter =>
        {
            seen = parameter;
            workerId = Environment.CurrentManagedThreadId;
            sameObject = Thread.CurrentThread.Name == "worker";
        }) { Name = "worker" };
        worker.Start("parameter");
        worker.Join();
        failures += Expect("parameter arrived", (string)seen == "parameter");
        failures += Expect("worker id", workerId == worker.ManagedThreadId && workerId != main.ManagedThreadId);
        failures += Expect("CurrentThread in the worker", sameObject);
        failures += Expect("ended thread is not alive", !worker.IsAlive);

        // Join with a time-out: false while the thread sleeps, true once it is done.
        var sleeper = new Thread(() => Thread.Sleep(300));
        sleeper.Start();
        failures += Expect("join times out", !sleeper.Join(20));
        failures += Expect("join after the end", sleeper.Join(5000));

        // ThreadLocal: each thread sees its own value.
        var local = new ThreadLocal<int>(() => Environment.CurrentManagedThreadId * 10);
        int otherValue = 0;
        var reader = new Thread(() => { otherValue = local.Value; local.Value = 7; });
        reader.Start();
        reader.Join();
        failures += Expect("thread-local values", local.Value == main.ManagedThreadId * 10 && otherValue == reader.ManagedThreadId * 10);

        // Events and semaphores between threads.
        var ready = new ManualResetEventSlim();
        var go = new SemaphoreSlim(0);
        int stage = 0;
        var signaller = new Thread(() => { stage = 1; ready.Set(); go.Wait(); stage = 2; });
        signaller.Start();
        failures += Expect("event waited for", ready.Wait(5000) && stage == 1);
        failures += Expect("semaphore wait times out", !go.Wait(10));   // nobody has released yet
        go.Release();
        signaller.Join();
        failures += Expect("semaphore released the worker", stage == 2);

        // Lock (System.Threading.Lock) and Monitor.TryEnter with a time-out against a holder.
        var gate = new Lock();
        var monitorGate = new object();
        var holding = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (gate)
            {
                Monitor.Enter(monitorGate);
                holding.Set();
                release.Wait();
                Monitor.Exit(monitorGate);
            }
        });
        holder.Start();
        holding.Wait();
        failures += Expect("Lock held elsewhere", !gate.TryEnter(30) && !gate.IsHeldByCurrentThread);
        failures += Expect("Monitor.TryEnter times out", !Monitor.TryEnter(monitorGate, 30) && !Monitor.IsEntered(monitorGate));
        release.Set();
        holder.Join();
        failures += Expect("Monitor.TryEnter after release", Monitor.TryEnter(monitorGate, 1000) && Monitor.IsEntered(monitorGate));
        Monitor.Exit(monitorGate);

        Console.WriteLine("thread-api: " + failures.ToString() + " wrong");
        return failures == 0 ? 0 : 1;
    }

    private static int Expect(string what, bool ok)
    {
        if (!ok)
            Console.WriteLine("thread-api: wrong: " + what);
        return ok ? 0 : 1;
    }

    public static int Foreground()
    {
        var background = new Thread(() => Thread.Sleep(Timeout.Infinite)) { IsBackground = true };
        background.Start();
        var foreground = new Thread(() =>
        {
            Thread.Sleep(300);
            Console.WriteLine("foreground: the worker ends after main");
        });
        foreground.Start();
        Console.WriteLine("foreground: main returns");
        return 0;
    }

    private static int s_neverSet;

    public static int FutexSleeper()
    {
        var waiter = new Thread(SleepOnWord);
        waiter.Start();
        Console.WriteLine("futex-sleeper: waiting");
        SleepOnWord();
        return 1;
    }

    private static void SleepOnWord()
    {
        fixed (int* word = &s_neverSet)
            SystemCall.Call(SyscallNumber.FutexWait, (long)word, 0, -1);
    }

    public static int ExitUnowned()
    {
        Monitor.Exit(new object());
        return 0;
    }
}
