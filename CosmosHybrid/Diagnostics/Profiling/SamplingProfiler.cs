using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Diagnostics.Profiling;

/// <summary>
/// The sampling profiler: while it runs, every timer interrupt (1 000 a second) records the
/// interrupted instruction, in ring 0 or ring 3, of one process or of all (with the kernel), and
/// its caller from the frame-pointer chain. The sample buffer is made once, before sampling starts:
/// the interrupt path allocates nothing. <see cref="ProfileReport"/> names the samples afterwards.
/// </summary>
internal static unsafe class SamplingProfiler
{
    /// <summary>Profile every process and the kernel.</summary>
    public const int AllProcesses = 0;
    /// <summary>A minute of samples at the timer's 1 000 Hz, and some.</summary>
    public const int Capacity = 65536;

    private static ProfileSample[] s_samples;
    // The process of each sample (null: the kernel's code), for its name and symbol map.
    private static Process[] s_processes;
    private static volatile bool s_running;
    private static int s_target;
    private static int s_count;
    private static int s_dropped;

    public static bool Running => s_running;
    public static int Count => s_count;
    public static int Dropped => s_dropped;
    public static int Target => s_target;

    public static ProfileSample Sample(int index) => s_samples[index];
    public static Process ProcessOf(int index) => s_processes[index];

    /// <summary>Starts sampling <paramref name="processId"/> (or <see cref="AllProcesses"/>); false when a profile is already running.</summary>
    public static bool Start(int processId)
    {
        if (s_running)
            return false;
        s_samples ??= new ProfileSample[Capacity];
        s_processes ??= new Process[Capacity];
        using (InterruptsOff.Enter())
        {
            System.Array.Clear(s_processes);
            s_target = processId;
            s_count = 0;
            s_dropped = 0;
            s_running = true;
        }
        return true;
    }

    public static void Stop() => s_running = false;

    /// <summary>Called on every timer interrupt while <see cref="Running"/>, before the tick is handled.</summary>
    public static void Record(InterruptFrame* frame)
    {
        Thread thread = Scheduler.Current;
        Process process = thread?.Process;
        bool user = frame->PrivilegeLevel == 3;
        if (s_target != AllProcesses && (process == null || process.Id != s_target))
            return;
        if (s_count == Capacity)
        {
            s_dropped++;
            return;
        }
        ulong caller = user ? UserCaller(process, frame->Rbp) : KernelCaller(thread, frame->Rbp);
        s_samples[s_count] = new ProfileSample { Rip = frame->Rip, Caller = caller, ProcessId = user && process != null ? process.Id : 0 };
        s_processes[s_count] = user ? process : null;
        s_count++;
    }

    // The return address above the interrupted function's saved frame pointer: its caller when the
    // function keeps a frame, its caller's caller when it is a leaf that does not.
    private static ulong UserCaller(Process process, ulong rbp) =>
        process?.AddressSpace != null && process.AddressSpace.TryReadPresentWord(rbp + 8, out ulong returnAddress) ? returnAddress : 0;

    // Only within the interrupted thread's own kernel stack, which is always mapped.
    private static ulong KernelCaller(Thread thread, ulong rbp)
    {
        ulong top = thread?.KernelStackTop ?? 0;
        if (top == 0 || (rbp & 7) != 0 || rbp < top - KernelStacks.StackSize || rbp + 16 > top)
            return 0;
        return *(ulong*)(rbp + 8);
    }
}
