using System.Runtime.InteropServices;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// The stack as InterruptStubs.asm leaves it: general registers (pushed last, so
/// first here), the vector and error code, then what the CPU pushed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct InterruptFrame
{
    public ulong R15, R14, R13, R12, R11, R10, R9, R8;
    public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
    public ulong Vector;
    public ulong ErrorCode;
    public ulong Rip;
    public ulong Cs;
    public ulong Rflags;
    public ulong Rsp;
    public ulong Ss;

    /// <summary>The privilege level the CPU was in when the interrupt arrived.</summary>
    public readonly int PrivilegeLevel => (int)(Cs & 3);
}
