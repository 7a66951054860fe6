using System;
using System.Threading;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// Thread, Monitor and the lock statement, Lock, ManualResetEventSlim, SemaphoreSlim,
/// ThreadLocal, Volatile, SpinWait, and static constructors reached by two threads. In the
/// kernel the threads are kernel threads; in ring 3 threads of the process; on the host .NET's.
/// </summary>
internal static class ThreadingCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("monitor: Enter, Exit, re-entrance, IsEntered, TryEnter", MonitorBasics),
        new ConformanceCase("lock statement: on an object and on a Lock", LockStatement),
        new ConformanceCase("monitor: Wait times out, Pulse without waiters", MonitorWaitTimeout),
        new ConformanceCase("monitor: errors", MonitorErrors),
        new ConformanceCase("thread: Start, Join, parameter, ids, Name, IsBackground", ThreadBasics),
        new ConformanceCase("thread: four threads contend on one lock", LockContention),
        new ConformanceCase("monitor: Wait and Pulse ping-pong between threads", PingPong),
        new ConformanceCase("thread: Monitor.TryEnter and Lock.TryEnter time out against a holder", TryEnterAgainstHolder),
        new ConformanceCase("ManualResetEventSlim: Set, Reset, Wait, across threads", ManualResetEvent),
        new ConformanceCase("SemaphoreSlim: counts, time-out, Release, across threads", Semaphore),
        new ConformanceCase("ThreadLocal: a value per thread", ThreadLocals),
        new ConformanceCase("Volatile, SpinWait, Thread.Sleep and Yield", VolatileAndSpinning),
        new ConformanceCase("static constructors: a cycle between two threads completes", StaticConstructorCycle),
    };

    private static void MonitorBasics(ConformanceCheck c)
    {
        var gate = new object();
        c.False(Monitor.IsEntered(gate), "IsEntered before");
        Monitor.Enter(gate);
        c.True(Monitor.IsEntered(gate), "IsEntered after Enter");
        Monitor.Enter(gate);
        c.True(Monitor.TryEnter(gate), "TryEnter re-entrant");
        Monitor.Exit(gate);
        Monitor.Exit(gate);
        c.True(Monitor.IsEntered(gate), "held until the last Exit");
        Monitor.Exit(gate);
        c.False(Monitor.IsEntered(gate), "released");
        bool taken = false;
        Monitor.TryEnter(gate, 0, ref taken);
        c.True(taken, "TryEnter(ref lockTaken)");
        Monitor.Exit(gate);
        taken = false;
        Monitor.Enter("a string literal", ref taken);
        c.True(taken && Monitor.IsEntered("a string literal"), "a frozen object locks too");
        Monitor.Exit("a string literal");
        c.False(Monitor.IsEntered("a string literal"), "and unlocks");
        var array = new int[3];
        lock (array)
            c.True(Monitor.IsEntered(array), "arrays lock");
        c.Equal(0, array[0] + array[1] + array[2], "locking leaves the array's elements alone");
    }

    private static void LockStatement(ConformanceCheck c)
    {
        var gate = new object();
        int inside = 0;
        lock (gate)
        {
            inside++;
            lock (gate)
                inside++;
            c.True(Monitor.IsEntered(gate), "held inside");
        }
        c.Equal(2, inside, "both bodies ran");
        c.False(Monitor.IsEntered(gate), "released after the statement");

        var dedicated = new Lock();
        lock (dedicated)
        {
            c.True(dedicated.IsHeldByCurrentThread, "Lock held inside");
            lock (dedicated)
                c.True(dedicated.IsHeldByCurrentThread, "Lock re-entrant");
        }
        c.False(dedicated.IsHeldByCurrentThread, "Lock released");
        c.True(dedicated.TryEnter(), "Lock.TryEnter");
        dedicated.Exit();
        using (dedicated.EnterScope())
            c.True(dedicated.IsHeldByCurrentThread, "EnterScope");
        c.False(dedicated.IsHeldByCurrentThread, "scope disposed");
    }

    private static void MonitorWaitTimeout(ConformanceCheck c)
    {
        var gate = new object();
        lock (gate)
        {
            Monitor.Enter(gate);
            c.False(Monitor.Wait(gate, 10), "Wait without a pulse times out");
            c.True(Monitor.IsEntered(gate), "the lock is back after Wait");
            Monitor.Exit(gate);
            c.True(Monitor.IsEntered(gate), "with its recursion");
            Monitor.Pulse(gate);
            Monitor.PulseAll(gate);
        }
        c.False(Monitor.IsEntered(gate), "released");
    }

    private static void MonitorErrors(ConformanceCheck c)
    {
        var gate = new object();
        c.Throws<SynchronizationLockException>(() => Monitor.Exit(gate), "Exit by a thread that does not own it");
        c.Throws<SynchronizationLockException>(() => Monitor.Wait(gate), "Wait without the lock");
        c.Throws<SynchronizationLockException>(() => Monitor.Pulse(gate), "Pulse without the lock");
        c.Throws<SynchronizationLockException>(() => Monitor.PulseAll(gate), "PulseAll without the lock");
        c.Throws<ArgumentNullException>(() => Monitor.Enter(null), "Enter(null)");
        c.Throws<SynchronizationLockException>(() => new Lock().Exit(), "Lock.Exit not held");
        c.Throws<ArgumentOutOfRangeException>(() => Monitor.TryEnter(gate, -2), "time-out below -1");
        var thread = new Thread(() => { });
        thread.Start();
        thread.Join();
        c.Throws<ThreadStateException>(() => thread.Start(), "Start twice");
        c.Throws<ThreadStateException>(() => new Thread(() => { }).Join(), "Join before Start");
        c.Throws<ArgumentNullException>(() => new Thread((ThreadStart)null), "null delegate");
        c.Throws<SemaphoreFullException>(() => new SemaphoreSlim(1, 1).Release(), "Release past the maximum");

        // Exit of a lock that another thread holds: refused, and the holder keeps it.
        var held = new object();
        var holding = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (held)
            {
                holding.Set();
                release.Wait();
            }
        });
        holder.Start();
        holding.Wait();
        c.Throws<SynchronizationLockException>(() => Monitor.Exit(held), "Exit of a lock another thread holds");
        bool taken = Monitor.TryEnter(held);
        if (taken)
            Monitor.Exit(held);
        c.False(taken, "the holder still has it");
        release.Set();
        c.True(holder.Join(20000), "the holder finished");
    }

    private static void ThreadBasics(ConformanceCheck c)
    {
        Thread self = Thread.CurrentThread;
        c.True(ReferenceEquals(self, Thread.CurrentThread), "CurrentThread is the same object each time");
        c.Equal(self.ManagedThreadId, Environment.CurrentManagedThreadId, "Environment.CurrentManagedThreadId");
        c.True(self.IsAlive, "the running thread is alive");

        int ran = 0;
        int innerId = 0;
        string innerName = null;
        var worker = new Thread(() =>
        {
            ran++;
            innerId = Environment.CurrentManagedThreadId;
            innerName = Thread.CurrentThread.Name;
        });
        worker.Name = "conformance worker";
        c.False(worker.IsAlive, "not alive before Start");
        c.False(worker.IsBackground, "foreground by default");
        worker.Start();
        worker.Join();
        c.Equal(1, ran, "ran once");
        c.Equal(worker.ManagedThreadId, innerId, "its id inside");
        c.True(innerId != self.ManagedThreadId, "another id than this thread's");
        c.Equal("conformance worker", innerName, "its Name inside");
        c.False(worker.IsAlive, "not alive after Join");
        c.True(worker.Join(0), "Join of an ended thread");

        object received = null;
        var withParameter = new Thread(parameter => received = parameter) { IsBackground = true };
        c.True(withParameter.IsBackground, "IsBackground set");
        withParameter.Start("payload");
        c.True(withParameter.Join(10000), "Join with a time-out");
        c.Equal("payload", received as string, "the parameter");

        object none = "not null";
        var withoutParameter = new Thread(parameter => none = parameter);
        withoutParameter.Start();
        withoutParameter.Join();
        c.True(none == null, "Start() passes null to a ParameterizedThreadStart");

        var sleeper = new Thread(() => Thread.Sleep(200));
        sleeper.Start();
        c.False(sleeper.Join(10), "Join times out while the thread sleeps");
        c.True(sleeper.Join(10000), "then the thread ends");
    }

    private static void LockContention(ConformanceCheck c)
    {
        const int Threads = 4;
        const int Iterations = 5000;
        var gate = new object();
        var dedicated = new Lock();
        long count = 0;
        long lockCount = 0;
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < Iterations; i++)
                {
                    lock (gate)
                        count++;
                    lock (dedicated)
                        lockCount++;
                    if (i % 500 == 0)
                        Thread.Yield();
                }
            });
        }
        foreach (Thread thread in threads)
            thread.Start();
        foreach (Thread thread in threads)
            thread.Join();
        c.Equal((long)Threads * Iterations, count, "every increment under lock(object) counted");
        c.Equal((long)Threads * Iterations, lockCount, "every increment under lock(Lock) counted");
    }

    private static void PingPong(ConformanceCheck c)
    {
        const int Rounds = 50;
        var gate = new object();
        int turn = 0;   // even: the main thread's turn, odd: the worker's
        int workerRounds = 0;
        var worker = new Thread(() =>
        {
            lock (gate)
            {
                for (int i = 0; i < Rounds; i++)
                {
                    while (turn % 2 == 0)
                        Monitor.Wait(gate);
                    workerRounds++;
                    turn++;
                    Monitor.Pulse(gate);
                }
            }
        });
        worker.Start();
        lock (gate)
        {
            for (int i = 0; i < Rounds; i++)
            {
                turn++;
                Monitor.Pulse(gate);
                while (turn % 2 == 1)
                    Monitor.Wait(gate);
            }
        }
        worker.Join();
        c.Equal(Rounds, workerRounds, "the worker's rounds");
        c.Equal(2 * Rounds, turn, "turns");
    }

    private static void TryEnterAgainstHolder(ConformanceCheck c)
    {
        var gate = new object();
        var dedicated = new Lock();
        var holding = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (gate)
            {
                dedicated.Enter();
                holding.Set();
                release.Wait();
                dedicated.Exit();
            }
        });
        holder.Start();
        holding.Wait();
        c.False(Monitor.TryEnter(gate), "TryEnter while another thread holds it");
        c.False(Monitor.TryEnter(gate, 20), "TryEnter with a time-out");
        c.False(Monitor.IsEntered(gate), "not entered");
        c.False(dedicated.TryEnter(20), "Lock.TryEnter with a time-out");
        release.Set();
        c.True(Monitor.TryEnter(gate, 10000), "TryEnter once released");
        Monitor.Exit(gate);
        holder.Join();
        c.True(dedicated.TryEnter(), "Lock free again");
        dedicated.Exit();
    }

    private static void ManualResetEvent(ConformanceCheck c)
    {
        var signal = new ManualResetEventSlim();
        c.False(signal.IsSet, "unset at first");
        c.False(signal.Wait(10), "Wait times out");
        signal.Set();
        c.True(signal.IsSet && signal.Wait(0), "set");
        signal.Reset();
        c.False(signal.IsSet, "reset");
        c.True(new ManualResetEventSlim(true).Wait(0), "initially set");

        var started = new ManualResetEventSlim(false);
        var go = new ManualResetEventSlim(false);
        int woken = 0;
        var waiters = new Thread[3];
        for (int i = 0; i < waiters.Length; i++)
        {
            waiters[i] = new Thread(() =>
            {
                started.Set();
                if (go.Wait(10000))
                    Interlocked.Increment(ref woken);
            });
            waiters[i].Start();
        }
        started.Wait();
        go.Set();
        foreach (Thread waiter in waiters)
            waiter.Join();
        c.Equal(3, woken, "one Set wakes every waiter");
        signal.Dispose();
        c.Throws<ObjectDisposedException>(() => signal.Wait(0), "Wait after Dispose");
    }

    private static void Semaphore(ConformanceCheck c)
    {
        var semaphore = new SemaphoreSlim(2, 3);
        c.Equal(2, semaphore.CurrentCount, "initial count");
        c.True(semaphore.Wait(0), "Wait takes one");
        c.True(semaphore.Wait(10), "and another");
        c.False(semaphore.Wait(10), "then times out");
        c.Equal(0, semaphore.CurrentCount, "empty");
        c.Equal(0, semaphore.Release(2), "Release returns the count before");
        c.Equal(2, semaphore.CurrentCount, "count after Release(2)");

        var items = new SemaphoreSlim(0);
        int consumed = 0;
        var consumer = new Thread(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                items.Wait();
                consumed++;
            }
        });
        consumer.Start();
        for (int i = 0; i < 20; i++)
        {
            items.Release();
            if (i % 5 == 0)
                Thread.Sleep(1);
        }
        c.True(consumer.Join(10000), "the consumer got every item");
        c.Equal(20, consumed, "items consumed");
        c.Equal(0, items.CurrentCount, "none left");
        c.Throws<ArgumentOutOfRangeException>(() => new SemaphoreSlim(-1), "negative initial count");
    }

    private static void ThreadLocals(ConformanceCheck c)
    {
        int factoryCalls = 0;
        var local = new ThreadLocal<int>(() => { Interlocked.Increment(ref factoryCalls); return 5; });
        c.False(local.IsValueCreated, "not created before the first read");
        c.Equal(5, local.Value, "from the factory");
        c.True(local.IsValueCreated, "created");
        local.Value = 6;
        int seenThere = 0;
        bool createdThere = true;
        var other = new Thread(() =>
        {
            createdThere = local.IsValueCreated;
            seenThere = local.Value;
            local.Value = 100;
        });
        other.Start();
        other.Join();
        c.False(createdThere, "another thread starts without a value");
        c.Equal(5, seenThere, "another thread gets its own from the factory");
        c.Equal(6, local.Value, "this thread's value is untouched");
        c.Equal(2, factoryCalls, "the factory ran once per thread");
        var plain = new ThreadLocal<string>();
        c.True(plain.Value == null, "default without a factory");
        local.Dispose();
        c.Throws<ObjectDisposedException>(() => _ = local.Value, "Value after Dispose");
    }

    private static void VolatileAndSpinning(ConformanceCheck c)
    {
        int word = 0;
        Volatile.Write(ref word, 42);
        c.Equal(42, Volatile.Read(ref word), "Volatile int");
        long wide = 0;
        Volatile.Write(ref wide, 1L << 40);
        c.Equal(1L << 40, Volatile.Read(ref wide), "Volatile long");
        bool flag = false;
        Volatile.Write(ref flag, true);
        c.True(Volatile.Read(ref flag), "Volatile bool");
        string text = null;
        Volatile.Write(ref text, "x");
        c.Equal("x", Volatile.Read(ref text), "Volatile reference");

        var spinner = new SpinWait();
        for (int i = 0; i < 5; i++)
            spinner.SpinOnce();
        c.Equal(5, spinner.Count, "SpinWait counts");
        spinner.Reset();
        c.Equal(0, spinner.Count, "Reset");
        int polls = 0;
        c.True(SpinWait.SpinUntil(() => ++polls == 3, 10000), "SpinUntil true");
        c.Equal(3, polls, "polled until true");
        c.False(SpinWait.SpinUntil(() => false, 10), "SpinUntil times out");

        var ready = 0;
        var setter = new Thread(() => { Thread.Sleep(5); Volatile.Write(ref ready, 1); });
        setter.Start();
        c.True(SpinWait.SpinUntil(() => Volatile.Read(ref ready) == 1, 10000), "a flag set by another thread is seen");
        setter.Join();
        Thread.Yield();
        Thread.Sleep(0);
        Thread.SpinWait(10);
    }

    // Each constructor waits until the other has started, then needs the other's type: without
    // the cycle check both threads would wait for ever.
    private static int s_cycleStarted;

    private static void StaticConstructorCycle(ConformanceCheck c)
    {
        int a = 0;
        int b = 0;
        var first = new Thread(() => a = CycleA.Value);
        var second = new Thread(() => b = CycleB.Value);
        first.Start();
        second.Start();
        c.True(first.Join(20000), "the first thread finished");
        c.True(second.Join(20000), "the second thread finished");
        c.Equal(1, CycleA.Runs, "A's constructor ran once");
        c.Equal(1, CycleB.Runs, "B's constructor ran once");
        // One of them saw the other unfinished (0), so the values are {1, 2} in some order.
        c.Equal(3, CycleA.Value + CycleB.Value, "one constructor saw the other's type unfinished");
    }

    private static class CycleA
    {
        public static int Runs;
        public static readonly int Value;

        static CycleA()
        {
            Runs++;
            Interlocked.Increment(ref s_cycleStarted);
            SpinWait.SpinUntil(() => Volatile.Read(ref s_cycleStarted) >= 2, 10000);
            Value = CycleB.Value + 1;
        }
    }

    private static class CycleB
    {
        public static int Runs;
        public static readonly int Value;

        static CycleB()
        {
            Runs++;
            Interlocked.Increment(ref s_cycleStarted);
            SpinWait.SpinUntil(() => Volatile.Read(ref s_cycleStarted) >= 2, 10000);
            Value = CycleA.Value + 1;
        }
    }
}
