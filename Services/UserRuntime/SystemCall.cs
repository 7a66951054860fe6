using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>The SYSCALL instruction, from C# (crt0.asm's user_syscall).</summary>
internal static unsafe class SystemCall
{
    // The number last: the C calling convention then puts a0-a2 and a4 in the registers SYSCALL takes them in (crt0.asm).
    [DllImport("*", EntryPoint = "user_syscall"), SuppressGCTransition]
    private static extern long Invoke(long a0, long a1, long a2, long a3, long a4, long number);

    [DllImport("*", EntryPoint = "user_syscall0"), SuppressGCTransition]
    private static extern long InvokeWithoutArguments(long number);

    /// <summary>A call whose handler reads no argument register (GetProcessId, Yield, GetUptime): none is loaded.</summary>
    public static long CallWithoutArguments(SyscallNumber number) => InvokeWithoutArguments((long)number);

    public static long Call(SyscallNumber number, long a0 = 0, long a1 = 0, long a2 = 0) => Invoke(a0, a1, a2, 0, 0, (long)number);

    public static long Call(SyscallNumber number, long a0, long a1, long a2, long a3) => Invoke(a0, a1, a2, a3, 0, (long)number);

    public static long Call(SyscallNumber number, long a0, long a1, long a2, long a3, long a4) => Invoke(a0, a1, a2, a3, a4, (long)number);

    public static bool IsError(long result) => result < 0;
}
