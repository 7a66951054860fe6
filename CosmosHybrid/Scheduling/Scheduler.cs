using System.Runtime;
using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Diagnostics;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// Decides which thread runs, and switches to it. Preemptive: the timer interrupt
/// charges the running thread and, when its time slice is over (or a sleeper of
/// higher priority woke), the switch happens on the way out of the interrupt.
/// Everything here runs with interrupts disabled, which on one CPU is the lock.
/// The policy itself (priority levels, round-robin, aging) is in <see cref="ReadyQueue"/>.
/// </summary>
internal static unsafe class Scheduler
{
    public const int DefaultPriority = 4;
    public const int TimeSliceTicks = 10;

    [DllImport("*", EntryPoint = "switch_context"), SuppressGCTransition]
    private static extern void SwitchContext(ThreadContext* from, ThreadContext* to);

    private static Thread s_current;
    private static Thread s_idle;
    private static ReadyQueue s_ready;
    private static Thread s_sleepers;          // sorted by WakeTick
    private static Thread s_exited;            // waiting to have their stacks freed
    private static Thread[] s_threads;
    private static int s_threadCount;
    private static int s_sliceLeft;
    private static bool s_rescheduleRequested;
    private static bool s_started;

    public static Thread Current => s_current;

    public static int ThreadCount => s_threadCount;

    public static Thread GetThread(int index) => s_threads[index];

    public static ulong ContextSwitches { get; private set; }

    /// <summary>Turns the boot flow of control into the first thread and creates the idle thread.</summary>
    public static void Initialize(ulong kernelAddressSpace, ulong bootStackTop)
    {
        s_ready = new ReadyQueue();
        s_threads = new Thread[64];
        s_current = Thread.AdoptBootThread(kernelAddressSpace, bootStackTop);
        Register(s_current);
        s_idle = Thread.Create("idle", &IdleLoop, ReadyQueue.LevelCount - 1, kernelAddressSpace);
        Register(s_idle);
        s_sliceLeft = TimeSliceTicks;
        s_started = true;
    }

    /// <summary>Makes a new thread runnable.</summary>
    public static void Start(Thread thread)
    {
        ulong state = EnterCritical();
        Register(thread);
        thread.State = ThreadState.Ready;
        s_ready.Enqueue(thread);
        LeaveCritical(state);
    }

    /// <summary>Gives up the rest of the time slice to threads of equal or higher priority.</summary>
    public static void Yield()
    {
        ulong state = EnterCritical();
        s_current.State = ThreadState.Ready;
        s_ready.Enqueue(s_current);
        Reschedule();
        LeaveCritical(state);
    }

    /// <summary>Sleeps the current thread for at least <paramref name="milliseconds"/>.</summary>
    public static void Sleep(ulong milliseconds)
    {
        ulong state = EnterCritical();
        s_current.WakeTick = SystemClock.Ticks + milliseconds * SystemClock.TicksPerSecond / 1000 + 1;
        s_current.State = ThreadState.Sleeping;
        InsertSleeper(s_current);
        Reschedule();
        LeaveCritical(state);
    }

    /// <summary>Blocks the current thread until <see cref="Wake"/>; the caller has put it where a waker will find it.</summary>
    public static void Block()
    {
        ulong state = EnterCritical();
        s_current.State = ThreadState.Blocked;
        Reschedule();
        LeaveCritical(state);
    }

    /// <summary>Makes a blocked or sleeping thread runnable again.</summary>
    public static void Wake(Thread thread)
    {
        ulong state = EnterCritical();
        if (thread.State == ThreadState.Sleeping)
            RemoveSleeper(thread);
        if (thread.State == ThreadState.Blocked || thread.State == ThreadState.Sleeping)
        {
            thread.State = ThreadState.Ready;
            s_ready.Enqueue(thread);
            if (thread.Priority < s_current.Priority)
                s_rescheduleRequested = true;
        }
        LeaveCritical(state);
    }

    /// <summary>Ends the current thread. Its stack is freed later, from another thread.</summary>
    public static void ExitCurrent()
    {
        EnterCritical();
        s_current.State = ThreadState.Exited;
        Reschedule();
        Panic.Fail("an exited thread was scheduled again", s_current.Name);
    }

    /// <summary>Ends another thread (kill): it never runs again.</summary>
    public static void Terminate(Thread thread)
    {
        ulong state = EnterCritical();
        if (thread == s_current)
        {
            LeaveCritical(state);
            ExitCurrent();
            return;
        }
        if (thread.State == ThreadState.Ready)
            s_ready.Remove(thread);
        else if (thread.State == ThreadState.Sleeping)
            RemoveSleeper(thread);
        if (thread.State != ThreadState.Exited)
        {
            thread.State = ThreadState.Exited;
            thread.QueueNext = s_exited;
            s_exited = thread;
        }
        LeaveCritical(state);
    }

    /// <summary>Timer interrupt: charge the running thread, wake due sleepers, end the slice when it is used up.</summary>
    public static void OnTimerTick()
    {
        if (!s_started)
            return;
        s_current.CpuTicks++;
        while (s_sleepers != null && s_sleepers.WakeTick <= SystemClock.Ticks)
        {
            Thread thread = s_sleepers;
            s_sleepers = thread.QueueNext;
            thread.State = ThreadState.Ready;
            s_ready.Enqueue(thread);
            if (thread.Priority < s_current.Priority)
                s_rescheduleRequested = true;
        }
        s_ready.Age();
        if (--s_sliceLeft <= 0 || s_current == s_idle && !s_ready.IsEmpty)
            s_rescheduleRequested = true;
    }

    /// <summary>Called last on the way out of an interrupt: the place where preemption happens.</summary>
    public static void OnInterruptExit()
    {
        if (!s_rescheduleRequested || !s_started)
            return;
        if (s_current.State == ThreadState.Running && s_current != s_idle)
        {
            s_current.State = ThreadState.Ready;
            s_ready.Enqueue(s_current);
        }
        Reschedule();
    }

    /// <summary>Stacks of all threads but the running one: [saved stack pointer, stack top), for the garbage collector.</summary>
    public static void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit)
    {
        for (int i = 0; i < s_threadCount; i++)
        {
            Thread thread = s_threads[i];
            if (thread != s_current && thread.Context != null && thread.KernelStackTop != 0 && thread.State != ThreadState.Exited)
                visit((nuint*)thread.Context->StackPointer, (nuint*)thread.KernelStackTop);
        }
    }

    // Picks the next thread and switches to it. The current thread must already be
    // queued, asleep, blocked or exited as appropriate.
    private static void Reschedule()
    {
        s_rescheduleRequested = false;
        Thread next = s_ready.Dequeue() ?? s_idle;
        if (next == s_current)
        {
            next.State = ThreadState.Running;
            s_sliceLeft = TimeSliceTicks;
            return;
        }

        Thread previous = s_current;
        if (previous.State == ThreadState.Exited)
        {
            previous.QueueNext = s_exited;
            s_exited = previous;
        }
        next.State = ThreadState.Running;
        s_current = next;
        s_sliceLeft = TimeSliceTicks;
        Gdt.SetKernelStack(next.KernelStackTop);
        SyscallEntry.SetKernelStack(next.KernelStackTop);
        ContextSwitches++;
        SwitchContext(previous.Context, next.Context);
        // Back in `previous`, on its own stack. Threads that exited meanwhile can be freed now.
        ReapExited();
    }

    private static void ReapExited()
    {
        while (s_exited != null)
        {
            Thread thread = s_exited;
            s_exited = thread.QueueNext;
            if (thread == s_current)
                continue;
            Unregister(thread);
            thread.Release();
        }
    }

    private static void InsertSleeper(Thread thread)
    {
        if (s_sleepers == null || thread.WakeTick < s_sleepers.WakeTick)
        {
            thread.QueueNext = s_sleepers;
            s_sleepers = thread;
            return;
        }
        Thread before = s_sleepers;
        while (before.QueueNext != null && before.QueueNext.WakeTick <= thread.WakeTick)
            before = before.QueueNext;
        thread.QueueNext = before.QueueNext;
        before.QueueNext = thread;
    }

    private static void RemoveSleeper(Thread thread)
    {
        if (s_sleepers == thread)
        {
            s_sleepers = thread.QueueNext;
            return;
        }
        for (Thread before = s_sleepers; before != null; before = before.QueueNext)
        {
            if (before.QueueNext == thread)
            {
                before.QueueNext = thread.QueueNext;
                return;
            }
        }
    }

    private static void Register(Thread thread)
    {
        if (s_threadCount == s_threads.Length)
        {
            Thread[] larger = new Thread[s_threads.Length * 2];
            for (int i = 0; i < s_threadCount; i++)
                larger[i] = s_threads[i];
            s_threads = larger;
        }
        s_threads[s_threadCount++] = thread;
    }

    private static void Unregister(Thread thread)
    {
        for (int i = 0; i < s_threadCount; i++)
        {
            if (s_threads[i] == thread)
            {
                s_threads[i] = s_threads[--s_threadCount];
                s_threads[s_threadCount] = null;
                return;
            }
        }
    }

    private static void IdleLoop()
    {
        while (true)
            Cpu.WaitForInterrupt();
    }

    /// <summary>First code of every new thread (from thread_entry_trampoline in ContextSwitch.asm).</summary>
    [RuntimeExport("ThreadStartup")]
    private static void ThreadStartup()
    {
        ReapExited();
        Cpu.EnableInterrupts();
        s_current.Entry();
        ExitCurrent();
    }

    private static ulong EnterCritical()
    {
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        return flags;
    }

    private static void LeaveCritical(ulong flags)
    {
        if ((flags & (1 << 9)) != 0)
            Cpu.EnableInterrupts();
    }
}
