using System.Runtime.CompilerServices;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Scheduling;

namespace Internal.Runtime;

/// <summary>
/// The kernel's half of the threading seam: System.Threading.Thread is a kernel thread, its
/// data words live in the thread's context, and locks block on <see cref="KernelFutex"/>
/// with kernel addresses.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    // Every lock enter and exit asks this: it inlines to two loads (the boot flow has a stand-in
    // context until the scheduler starts, so there is no test; see Scheduler.UseBootContext).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static partial nint* CurrentThreadData() => &Scheduler.CurrentContext->RuntimeData0;

    internal static partial bool StartThread(delegate*<void> entry, nint data0)
    {
        Thread thread = Thread.Create("managed", entry, Scheduler.DefaultPriority, AddressSpaceTags.KernelSlot);
        if (thread == null)
            return false;
        thread.Context->RuntimeData0 = data0;
        Scheduler.Start(thread);
        return true;
    }

    internal static partial bool WaitOnAddress(int* address, int expected, int timeoutMs)
    {
        if (Scheduler.Current == null)
            return true;   // the boot flow alone: nobody to wait for
        return KernelFutex.Wait(null, (ulong)address, expected, timeoutMs) != CosmosHybrid.Services.Abi.SyscallResult.Error(CosmosHybrid.Services.Abi.SyscallError.TimedOut);
    }

    internal static partial void WakeAddress(int* address, int count) => KernelFutex.Wake(null, (ulong)address, count);

    internal static partial void SleepThread(int milliseconds)
    {
        if (milliseconds <= 0)
            Scheduler.Yield();
        else
            Scheduler.Sleep((ulong)milliseconds);
    }

    internal static partial long MonotonicMilliseconds() => (long)SystemClock.UptimeMilliseconds;
}
