using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// Sets up SYSCALL/SYSRET: the entry point (LSTAR), the selectors (STAR: kernel code
/// 0x08, and user data/code at 0x18/0x20 as SYSRET derives them from 0x10), and the
/// flags cleared on entry (interrupts, direction, trap, alignment check). The per-CPU
/// block GS points to in the kernel holds the running thread's kernel stack top.
/// </summary>
internal static unsafe class SyscallEntry
{
    private const uint MsrEfer = 0xC0000080;
    private const uint MsrStar = 0xC0000081;
    private const uint MsrLstar = 0xC0000082;
    private const uint MsrSfmask = 0xC0000084;
    private const uint MsrGsBase = 0xC0000101;
    private const uint MsrKernelGsBase = 0xC0000102;
    private const ulong EferSyscallEnable = 1;
    private const ulong ClearedOnEntry = (1 << 9) | (1 << 10) | (1 << 8) | (1 << 18); // IF, DF, TF, AC

    [DllImport("*", EntryPoint = "syscall_entry_address"), SuppressGCTransition]
    private static extern ulong EntryAddress();

    [DllImport("*", EntryPoint = "syscall_state_address"), SuppressGCTransition]
    private static extern SyscallEntryState* StateAddress();

    [DllImport("*", EntryPoint = "enter_user_mode"), SuppressGCTransition]
    public static extern void EnterUserMode(ulong instructionPointer, ulong stackPointer, ulong argument0, ulong argument1);

    private static ulong* s_perCpu;

    // Per-CPU block slots (SyscallEntry.asm): 0 the kernel stack top, 1 scratch, 2 the running thread's process.
    private const int PerCpuProcess = 2;

    /// <summary>What syscall_entry reads besides the per-CPU block: the handler tables and two flags.</summary>
    public static SyscallEntryState* State { get; private set; }

    public static void Initialize()
    {
        s_perCpu = (ulong*)KernelPages.Allocate(1);
        State = StateAddress();
        Cpu.WriteMsr(MsrGsBase, (ulong)s_perCpu);   // in the kernel GS is the per-CPU block...
        Cpu.WriteMsr(MsrKernelGsBase, 0);            // ...and SWAPGS swaps in the user's (zero) on the way out
        Cpu.WriteMsr(MsrStar, (0x10UL << 48) | ((ulong)Gdt.KernelCodeSelector << 32));
        Cpu.WriteMsr(MsrLstar, EntryAddress());
        Cpu.WriteMsr(MsrSfmask, ClearedOnEntry);
        Cpu.WriteMsr(MsrEfer, Cpu.ReadMsr(MsrEfer) | EferSyscallEnable);
    }

    /// <summary>
    /// At a switch to another thread: the kernel stack its next system call will use and its process (or null),
    /// which syscall_entry passes to the handler. The per-CPU block is set up before the scheduler starts. It is
    /// not scanned by the collector, which does not move objects; the running thread keeps its process alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scheduler's switch
    public static void SetThread(ulong kernelStackTop, Processes.Process process)
    {
        ulong* perCpu = s_perCpu;
        perCpu[0] = kernelStackTop;
        perCpu[PerCpuProcess] = (ulong)Unsafe.As<Processes.Process, nint>(ref process);
    }

    /// <summary>The running thread's process, again: before a new thread's first entry to ring 3 (it may have run before it joined its process).</summary>
    public static void SetCurrentProcess(Processes.Process process) =>
        s_perCpu[PerCpuProcess] = (ulong)Unsafe.As<Processes.Process, nint>(ref process);

    /// <summary>Sends every system call down the full path (a fault is pending: see FaultInjector) or lets leaf calls be.</summary>
    public static void SetFullPathOnly(bool fullPathOnly)
    {
        if (State != null)
            State->FullPathOnly = fullPathOnly ? 1UL : 0;
    }

    /// <summary>A process was stopped for its collector (+1) or resumed (-1): while any is, every full-path call checks its own.</summary>
    public static void CountStoppedProcesses(int change) => State->StoppedProcesses += (ulong)(long)change;
}

/// <summary>
/// syscall_state in SyscallEntry.asm: the two flags its paths test and the handler of every number
/// (<see cref="Syscalls.SyscallTable"/> fills it at boot; raw code addresses of the managed handlers).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SyscallEntryState
{
    /// <summary>Nonzero: every call takes the full path.</summary>
    public ulong FullPathOnly;
    /// <summary>Processes stopped for their collector now: nonzero, the full path runs SyscallExit's check.</summary>
    public ulong StoppedProcesses;
    public fixed ulong Handlers[Syscalls.SyscallTable.Capacity];
    /// <summary>Zero for a number with no leaf handler.</summary>
    public fixed ulong LeafHandlers[Syscalls.SyscallTable.Capacity];
}

/// <summary>
/// The registers syscall_entry saved, as the dispatcher sees them. On the leaf path R15..Rbx are not
/// stored (stale words): a leaf handler reads only the arguments.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SyscallFrame
{
    public ulong R15, R14, R13, R12, Rbp, Rbx;
    public ulong Arg1, Arg2, Arg3, Arg4, Arg5;   // rsi, rdx, r10, r8, r9: in this order, a ShortMessage
    public ulong Arg0;                           // rdi
    public ulong NumberAndResult;                // rax
    public ulong UserRip, UserRflags, UserRsp;

    /// <summary>
    /// The five message registers of PortCall and PortReplyWait (RSI, RDX, R10, R8, R9), in place: the
    /// message in, the reply or next message out, copied without a stop on the kernel stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref ShortMessage MessageOf(SyscallFrame* frame) => ref *(ShortMessage*)&frame->Arg1;
}
