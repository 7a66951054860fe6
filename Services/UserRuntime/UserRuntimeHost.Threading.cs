using System.Runtime;
using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace Internal.Runtime;

/// <summary>
/// The ring-3 half of the threading seam: per-thread words in the FS-based thread block,
/// threads from <see cref="UserThread"/>, and blocking over FutexWait/FutexWake.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    // A runtime import, not a DllImport: ILC calls it directly, with no GC poll around it (a
    // SuppressGCTransition P/Invoke still gets one), and every lock enter and exit asks it.
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "user_thread_block")]
    private static extern UserThreadBlock* CurrentThreadBlock();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static partial nint* CurrentThreadData() => &CurrentThreadBlock()->RuntimeData0;

    internal static partial bool StartThread(delegate*<void> entry, nint data0) =>
        UserThread.Start(&RunThread, (ulong)entry, data0) >= 0;

    private static void RunThread(ulong entry) => ((delegate*<void>)entry)();

    internal static partial bool WaitOnAddress(int* address, int expected, int timeoutMs) =>
        SystemCall.Call(SyscallNumber.FutexWait, (long)address, expected, timeoutMs) != SyscallResult.Error(SyscallError.TimedOut);

    internal static partial void WakeAddress(int* address, int count) =>
        SystemCall.Call(SyscallNumber.FutexWake, (long)address, count);

    internal static partial void SleepThread(int milliseconds)
    {
        if (milliseconds <= 0)
            SystemCall.CallWithoutArguments(SyscallNumber.Yield);
        else
            SystemCall.Call(SyscallNumber.Sleep, milliseconds);
    }

    internal static partial long MonotonicMilliseconds() => SystemCall.CallWithoutArguments(SyscallNumber.GetUptime);
}
