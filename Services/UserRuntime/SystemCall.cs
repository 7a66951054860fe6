using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>The SYSCALL instruction, from C# (crt0.asm's user_syscall).</summary>
internal static unsafe class SystemCall
{
    [DllImport("*", EntryPoint = "user_syscall"), SuppressGCTransition]
    private static extern long Invoke(long number, long a0, long a1, long a2, long a3, long a4);

    [DllImport("*", EntryPoint = "user_syscall0"), SuppressGCTransition]
    private static extern long InvokeWithoutArguments(long number);

    /// <summary>A call whose handler reads no argument register (GetProcessId, Yield, GetUptime): none is loaded.</summary>
    public static long CallWithoutArguments(SyscallNumber number) => InvokeWithoutArguments((long)number);

    public static long Call(SyscallNumber number, long a0 = 0, long a1 = 0, long a2 = 0) => Invoke((long)number, a0, a1, a2, 0, 0);

    public static long Call(SyscallNumber number, long a0, long a1, long a2, long a3) => Invoke((long)number, a0, a1, a2, a3, 0);

    public static long Call(SyscallNumber number, long a0, long a1, long a2, long a3, long a4) => Invoke((long)number, a0, a1, a2, a3, a4);

    public static bool IsError(long result) => result < 0;
}
