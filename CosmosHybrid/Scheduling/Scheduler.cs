using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Diagnostics;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// Runs threads: the policy (priority levels, round-robin, aging, sleepers) is the
/// host-tested <see cref="RunQueue"/>; this class applies its decisions by switching
/// stacks, address spaces and FPU state. Preemptive: the timer interrupt charges the
/// running thread, and when the queue asks for it (slice used up, a higher-priority
/// thread ready) the switch happens on the way out of the interrupt. Everything here
/// runs with interrupts disabled, which on one CPU is the lock.
/// </summary>
internal static unsafe class Scheduler
{
    public const int DefaultPriority = 4;

    [DllImport("*", EntryPoint = "switch_context"), SuppressGCTransition]
    private static extern void SwitchContext(ThreadContext* from, ThreadContext* to);

    private static RunQueue s_queue;
    private static Thread s_current;
    private static Thread s_idle;
    private static Thread s_exited;            // waiting to have their stacks freed
    private static Thread[] s_threads;
    private static int s_threadCount;
    private static bool s_started;
    private static ulong s_loadedThreadPointer;   // the FS base in the MSR now
    private static ThreadContext* s_currentContext;   // s_current's, as a plain pointer (see CurrentContext)
    private static ThreadContext s_bootContext;       // the boot flow's, until Initialize makes it a thread

    private const uint MsrFsBase = 0xC0000100;

    public static Thread Current => s_current;

    /// <summary>
    /// The running thread may wait (for a lock, a sleep): the scheduler runs, it is not the idle thread,
    /// and interrupts are on (off, it may be an interrupt handler or inside a lock's own section).
    /// </summary>
    public static bool CurrentMayBlock => s_started && s_current != s_idle && (Cpu.ReadFlags() & Cpu.InterruptFlag) != 0;

    /// <summary>
    /// The running thread's context, one load for the runtime's lock fast path (RuntimeHost.CurrentThreadData).
    /// Never null once <see cref="UseBootContext"/> ran: before <see cref="Initialize"/> it is a stand-in for the boot flow.
    /// </summary>
    public static ThreadContext* CurrentContext => s_currentContext;

    /// <summary>Gives the boot flow a context of its own (for its runtime words); the first thing the kernel does.</summary>
    public static void UseBootContext() => s_currentContext = (ThreadContext*)Unsafe.AsPointer(ref s_bootContext);

    /// <summary>Turns the boot flow of control into the first thread and creates the idle thread.</summary>
    public static void Initialize(ulong* kernelAddressSpace, ulong bootStackTop)
    {
        s_threads = new Thread[64];
        s_idle = Thread.Create("idle", &IdleLoop, DefaultPriority, kernelAddressSpace);
        Register(s_idle);
        s_queue = new RunQueue(SchedulerPolicy.Default, s_idle);

        // We are running on the boot stack already: make that the current thread without a switch.
        Thread boot = Thread.AdoptBootThread(kernelAddressSpace, bootStackTop);
        Register(boot);
        s_queue.Add(boot, SystemClock.Ticks);
        s_current = (Thread)s_queue.Schedule(SystemClock.Ticks);
        s_currentContext = s_current.Context;
        s_started = true;
    }

    /// <summary>Makes a new thread runnable.</summary>
    public static void Start(Thread thread)
    {
        using (InterruptsOff.Enter())
        {
            Register(thread);
            s_queue.Add(thread, SystemClock.Ticks);
        }
    }

    /// <summary>Gives up the rest of the time slice to threads of equal or higher priority.</summary>
    public static void Yield()
    {
        using (InterruptsOff.Enter())
            SwitchTo((Thread)s_queue.Yield(SystemClock.Ticks));
    }

    /// <summary>
    /// <see cref="Yield"/> for the Yield system call: interrupts go off and stay off, as the dispatcher
    /// keeps them from the handler's return to SYSRET (a restore here would only turn them on for that).
    /// </summary>
    public static void YieldFromSystemCall()
    {
        Cpu.DisableInterrupts();
        SwitchTo((Thread)s_queue.Yield(SystemClock.Ticks));
    }

    /// <summary>Sleeps the current thread for at least <paramref name="milliseconds"/>.</summary>
    public static void Sleep(ulong milliseconds)
    {
        using (InterruptsOff.Enter())
        {
            // +1: the current tick is already partly over.
            s_queue.Sleep(SystemClock.Ticks + milliseconds * SystemClock.TicksPerSecond / 1000 + 1);
            SwitchTo((Thread)s_queue.Schedule(SystemClock.Ticks));
        }
    }

    /// <summary>Blocks the current thread until <see cref="Wake"/>; the caller has put it where a waker will find it.</summary>
    public static void Block()
    {
        using (InterruptsOff.Enter())
        {
            s_queue.Block();
            SwitchTo((Thread)s_queue.Schedule(SystemClock.Ticks));
        }
    }

    /// <summary>
    /// IPC fast path: switches straight to <paramref name="target"/> (blocked or sleeping,
    /// waiting for what the caller just gave it), donating the rest of the time slice; the
    /// current thread blocks (or stays ready). Falls back to wake-and-block if the queue refuses.
    /// Called with interrupts off.
    /// </summary>
    public static void HandOff(Thread target, bool blockCurrent)
    {
        // No InterruptsOff here: its one caller, the IPC engine, runs with interrupts off (every way into it turns them off).
        SchedulerNode next = s_queue.HandOff(target, blockCurrent, SystemClock.Ticks);
        if (next == null)
        {
            s_queue.Wake(target, SystemClock.Ticks);
            if (blockCurrent)
                s_queue.Block();
            next = s_queue.Schedule(SystemClock.Ticks);
        }
        SwitchTo((Thread)next);
    }

    /// <summary>Makes a blocked or sleeping thread runnable again (the switch, if due, happens at the next interrupt exit).</summary>
    public static void Wake(Thread thread)
    {
        using (InterruptsOff.Enter())
            s_queue.Wake(thread, SystemClock.Ticks);
    }

    /// <summary>Ends the current thread. Its stack is freed later, from another thread.</summary>
    public static void ExitCurrent()
    {
        Cpu.DisableInterruptsSaving();
        Thread self = s_current;
        self.HasExited = true;
        s_queue.Remove(self);
        self.ExitedNext = s_exited;
        s_exited = self;
        SwitchTo((Thread)s_queue.Schedule(SystemClock.Ticks));
        Panic.Fail("an exited thread was scheduled again", self.Name);
    }

    /// <summary>Ends another thread (kill): it never runs again.</summary>
    public static void Terminate(Thread thread)
    {
        if (thread == s_current)
        {
            ExitCurrent();
            return;
        }
        using (InterruptsOff.Enter())
        {
            if (thread.KillDeferrals > 0)
            {
                // It holds (or waits for) a kernel lock: it finishes with it, then ends (AllowKills).
                thread.KillPending = true;
            }
            else if (!thread.HasExited)
            {
                thread.HasExited = true;
                s_queue.Remove(thread);
                thread.ExitedNext = s_exited;
                s_exited = thread;
            }
        }
    }

    /// <summary>Timer interrupt: the queue charges the running thread, wakes due sleepers and ages waiters.</summary>
    public static void OnTimerTick()
    {
        if (s_started)
            s_queue.Tick(SystemClock.Ticks);
    }

    /// <summary>
    /// Starts a section in which <see cref="Terminate"/> does not stop the current thread at
    /// once (it holds a lock others wait for); the kill takes effect at <see cref="AllowKills"/>.
    /// </summary>
    public static void DeferKills()
    {
        using (InterruptsOff.Enter())
            DeferKillsInterruptsOff();
    }

    /// <summary>As <see cref="DeferKills"/>, for a caller that has interrupts off already (a lock's own section).</summary>
    public static void DeferKillsInterruptsOff() => s_current.KillDeferrals++;

    /// <summary>Ends a <see cref="DeferKills"/> section; a kill that came meanwhile ends the thread now.</summary>
    public static void AllowKills()
    {
        using (InterruptsOff.Enter())
            AllowKillsInterruptsOff();
    }

    /// <summary>As <see cref="AllowKills"/>, for a caller that has interrupts off already; a pending kill ends the thread here.</summary>
    public static void AllowKillsInterruptsOff()
    {
        Thread self = s_current;
        self.KillDeferrals--;
        if (self.KillDeferrals == 0 && self.KillPending)
            ExitCurrent();
    }

    /// <summary>Called last on the way out of an interrupt: the place where preemption happens.</summary>
    public static void OnInterruptExit()
    {
        if (s_started && s_queue.NeedsReschedule)
            SwitchTo((Thread)s_queue.Schedule(SystemClock.Ticks));
    }

    /// <summary>Stacks of all threads but the running one: [saved stack pointer, stack top), for the garbage collector.</summary>
    public static void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit)
    {
        for (int i = 0; i < s_threadCount; i++)
        {
            Thread thread = s_threads[i];
            if (thread != s_current && thread.Context != null && thread.KernelStackTop != 0 && !thread.HasExited)
                visit((nuint*)thread.Context->StackPointer, (nuint*)thread.KernelStackTop);
        }
    }

    // Switches to the thread the queue chose (which may be the current one: then nothing happens).
    private static void SwitchTo(Thread next)
    {
        if (next == s_current)
            return;
        Thread previous = s_current;
        s_current = next;
        s_currentContext = next.Context;
        Gdt.SetKernelStack(next.KernelStackTop);
        SyscallEntry.SetThread(next.KernelStackTop, next.Process);
        Devices.IoPermissions.OnSwitch(next.Process);
        if (next.UserThreadPointer != s_loadedThreadPointer && next.Process != null)
            LoadThreadPointer(next.UserThreadPointer);
        SwitchContext(previous.Context, next.Context);
        // Back in `previous`, on its own stack. Threads that exited meanwhile can be freed now
        // (tested here: the call and its loop cost ~20 instructions a switch when there are none).
        if (s_exited != null)
            ReapExited();
    }

    /// <summary>Sets the FS base ring-3 code of the current thread sees (kernel code does not use FS).</summary>
    public static void LoadThreadPointer(ulong pointer)
    {
        s_loadedThreadPointer = pointer;
        Cpu.WriteMsr(MsrFsBase, pointer);
    }

    private static void ReapExited()
    {
        Thread keep = null;
        while (s_exited != null)
        {
            Thread thread = s_exited;
            s_exited = thread.ExitedNext;
            if (thread == s_current)
            {
                keep = thread; // still on its stack: free it after the next switch
                continue;
            }
            Unregister(thread);
            thread.Release();
        }
        if (keep != null)
        {
            keep.ExitedNext = null;
            s_exited = keep;
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
}
