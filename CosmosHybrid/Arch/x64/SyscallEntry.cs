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

    [DllImport("*", EntryPoint = "enter_user_mode"), SuppressGCTransition]
    public static extern void EnterUserMode(ulong instructionPointer, ulong stackPointer, ulong argument0, ulong argument1);

    private static ulong* s_perCpu;

    public static void Initialize()
    {
        s_perCpu = (ulong*)KernelPages.Allocate(1);
        Cpu.WriteMsr(MsrGsBase, (ulong)s_perCpu);   // in the kernel GS is the per-CPU block...
        Cpu.WriteMsr(MsrKernelGsBase, 0);            // ...and SWAPGS swaps in the user's (zero) on the way out
        Cpu.WriteMsr(MsrStar, (0x10UL << 48) | ((ulong)Gdt.KernelCodeSelector << 32));
        Cpu.WriteMsr(MsrLstar, EntryAddress());
        Cpu.WriteMsr(MsrSfmask, ClearedOnEntry);
        Cpu.WriteMsr(MsrEfer, Cpu.ReadMsr(MsrEfer) | EferSyscallEnable);
    }

    /// <summary>The kernel stack the next system call of the running thread will use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scheduler's switch
    public static void SetKernelStack(ulong top)
    {
        if (s_perCpu != null)
            s_perCpu[0] = top;
    }
}

/// <summary>The registers syscall_entry saved, as the dispatcher sees them.</summary>
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
