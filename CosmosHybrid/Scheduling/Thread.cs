using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Scheduling;

/// <summary>What switch_context (ContextSwitch.asm) reads and writes; lives in unmanaged memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ThreadContext
{
    public ulong StackPointer;
    public ulong* AddressSpace;   // its CR3 slot (see Memory/Paging/AddressSpaceTags)
    public byte* FpuState;
    /// <summary>Two words the core library keeps per thread (its managed thread id and record: see RuntimeHost.CurrentThreadData).</summary>
    public nint RuntimeData0;
    public nint RuntimeData1;
}

/// <summary>
/// A kernel-scheduled thread: its kernel stack, saved context and FPU state. A thread
/// of a ring-3 process enters user mode from its kernel stack and comes back to it on
/// every interrupt and system call. Its scheduling state (priority, ready/sleeping/
/// blocked, CPU time) is the <see cref="SchedulerNode"/> part, owned by the RunQueue.
/// </summary>
internal sealed unsafe class Thread : SchedulerNode
{
    private static int s_nextId = 1;

    private Thread(string name, int priority)
        : base(s_nextId++, priority)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Ended: it will not run again, and its stack is freed once another thread runs.</summary>
    public bool HasExited { get; set; }

    /// <summary>The process this thread belongs to; null for kernel threads.</summary>
    public Processes.Process Process { get; set; }

    public ThreadContext* Context { get; private set; }

    public ulong KernelStackTop { get; private set; }

    /// <summary>What the thread runs first (its start routine, in ring 0).</summary>
    internal delegate*<void> Entry { get; private set; }

    /// <summary>Where a user thread enters ring 3, its stack, and its two arguments (RDI, RSI).</summary>
    internal ulong UserEntry { get; set; }

    internal ulong UserStackTop { get; set; }

    internal ulong UserArgument0 { get; set; }

    internal ulong UserArgument1 { get; set; }

    /// <summary>Set as the thread first leaves for ring 3: from then on, its kernel stack's top holds its ring-3 registers whenever it is in the kernel.</summary>
    internal bool HasEnteredUserMode { get; set; }

    /// <summary>Held back from ring 3 while its process's garbage collector runs (see Processes/ThreadStops).</summary>
    internal bool StoppedForCollector { get; set; }

    /// <summary>The next thread waiting for the same event (a process's end, console input).</summary>
    internal Thread WaitNext { get; set; }

    /// <summary>The next thread waiting to have its stack freed.</summary>
    internal Thread ExitedNext { get; set; }

    /// <summary>
    /// Nesting depth of sections a kill must not interrupt (file-system operations hold locks
    /// and leave volumes consistent only at their end); see <see cref="Scheduler.DeferKills"/>.
    /// </summary>
    internal int KillDeferrals { get; set; }

    /// <summary>Set when the thread was killed inside such a section: it ends when it leaves the section.</summary>
    internal bool KillPending { get; set; }

    /// <summary>Its place in the futex queue (made at its first FutexWait).</summary>
    internal FutexWaiter FutexWaiter { get; set; }

    /// <summary>The FS base the thread runs ring 3 with (its thread block, set by SetThreadPointer); loaded at every switch to it.</summary>
    internal ulong UserThreadPointer { get; set; }

    /// <summary>What the thread remembers while it sends, receives, calls or serves on message ports (made at its first port operation).</summary>
    internal Ipc.IpcWaiter IpcWaiter { get; set; }

    /// <summary>
    /// Creates a thread that will run <paramref name="entry"/> in ring 0 on a fresh
    /// kernel stack, in the address space whose CR3 slot is <paramref name="addressSpace"/>. Null when out of memory.
    /// </summary>
    public static Thread Create(string name, delegate*<void> entry, int priority, ulong* addressSpace)
    {
        ulong stackTop = KernelStacks.Allocate();
        if (stackTop == 0)
            return null;
        // One page holds the context, then (64-byte aligned) the FPU save area.
        byte* page = (byte*)KernelPages.Allocate(Fpu.PagesFor(64 + Fpu.AreaSize));
        if (page == null)
        {
            KernelStacks.Free(stackTop);
            return null;
        }

        var thread = new Thread(name, priority) { Entry = entry, KernelStackTop = stackTop };
        thread.Context = (ThreadContext*)page;
        thread.Context->FpuState = page + 64;
        thread.Context->AddressSpace = addressSpace;
        thread.Context->RuntimeData0 = 0;
        thread.Context->RuntimeData1 = 0;
        Fpu.InitializeArea(thread.Context->FpuState);

        // The first switch_context into this thread pops six callee-saved registers
        // (zero) and returns into thread_entry_trampoline.
        ulong* stack = (ulong*)stackTop;
        *--stack = 0;                                   // the trampoline aligns RSP itself before its call
        *--stack = (ulong)ThreadTrampoline();
        for (int i = 0; i < 6; i++)
            *--stack = 0;
        thread.Context->StackPointer = (ulong)stack;
        return thread;
    }

    /// <summary>Wraps the boot CPU's initial flow of control (it already has a stack and state).</summary>
    public static Thread AdoptBootThread(ulong* addressSpace, ulong stackTop)
    {
        byte* page = (byte*)KernelPages.Allocate(Fpu.PagesFor(64 + Fpu.AreaSize));
        var thread = new Thread("kernel", Scheduler.DefaultPriority) { KernelStackTop = stackTop };
        thread.Context = (ThreadContext*)page;
        thread.Context->FpuState = page + 64;
        thread.Context->AddressSpace = addressSpace;
        thread.Context->RuntimeData0 = 0;
        thread.Context->RuntimeData1 = 0;
        return thread;
    }

    /// <summary>Frees the stack and context of an exited thread (not the running one).</summary>
    internal void Release()
    {
        Processes.ProcessTable.OnThreadReleased(this);
        if (KernelStackTop != 0 && KernelStacks.IsAllocatedStack(KernelStackTop))
            KernelStacks.Free(KernelStackTop);
        KernelPages.Free(Context, Fpu.PagesFor(64 + Fpu.AreaSize));
        KernelStackTop = 0;
        Context = null;
    }

    [DllImport("*", EntryPoint = "thread_trampoline_address"), SuppressGCTransition]
    private static extern void* ThreadTrampoline();
}
