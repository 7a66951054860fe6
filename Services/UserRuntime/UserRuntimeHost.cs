using System.Runtime;
using System.Threading;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace Internal.Runtime;

/// <summary>
/// The ring-3 half of the runtime seam: heap pages come from the MapMemory system
/// call, a fatal error prints its report and ends the process, and types are named
/// by the kernel from the program's symbol map (DescribeAddress).
/// Once a program starts a second thread (<see cref="UserThread"/>), the heap is guarded
/// by a lock, and a collection stops the other threads (StopOtherThreads) and scans
/// their stacks and registers as the kernel reports them.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    private const int FailFastExitStatus = 134;

    private static int s_heapLock;
    private const int InitialStopRecords = 32;

    private static StoppedThread* s_stopped;   // set when the second thread starts: from then on, multi-threaded
    private static long s_stoppedCapacity;
    private static long s_stoppedCount;

    [DllImport("*", EntryPoint = "user_stack_top_value"), SuppressGCTransition]
    private static extern void* MainStackTop();

    /// <summary>Called before the program's second thread starts (then nothing else runs in it yet).</summary>
    internal static void OnSecondThread()
    {
        if (s_stopped != null)
            return;
        // Records for StopOtherThreads, taken now because a collection must not fail for want of them.
        s_stopped = AllocateStopRecords(InitialStopRecords);
        if (s_stopped == null)
            FailFast("out of memory", "no room to record stopped threads");
        s_stoppedCapacity = InitialStopRecords;
    }

    private static StoppedThread* AllocateStopRecords(long capacity) =>
        (StoppedThread*)AllocatePages((nuint)StopRecordPages(capacity));

    private static long StopRecordPages(long capacity) => ((long)sizeof(StoppedThread) * capacity + 4095) / 4096;

    internal static partial void* AllocatePages(nuint pageCount)
    {
        long address = SystemCall.Call(SyscallNumber.MapMemory, (long)pageCount);
        return SystemCall.IsError(address) ? null : (void*)address;
    }

    internal static partial void ReleasePages(void* pages, nuint pageCount) =>
        SystemCall.Call(SyscallNumber.UnmapMemory, (long)pages, (long)pageCount);

    internal static partial void* CurrentStackTop() => s_stoppedCount > 0 ? (void*)s_stopped[0].StackTop : MainStackTop();

    internal static partial void StopOtherThreads()
    {
        if (s_stopped == null)
            return;
        long count = SystemCall.Call(SyscallNumber.StopOtherThreads, (long)s_stopped, s_stoppedCapacity);
        // More threads than records (the quota lets threads grow): double the records and ask again.
        while (count == SyscallResult.Error(SyscallError.TooManyThreads) && s_stoppedCapacity < StoppedThread.MaxThreads)
        {
            long larger = s_stoppedCapacity * 2;
            StoppedThread* records = AllocateStopRecords(larger);
            if (records == null)
                FailFast("out of memory", "no room to record stopped threads");
            ReleasePages(s_stopped, (nuint)StopRecordPages(s_stoppedCapacity));
            s_stopped = records;
            s_stoppedCapacity = larger;
            count = SystemCall.Call(SyscallNumber.StopOtherThreads, (long)s_stopped, s_stoppedCapacity);
        }
        if (SystemCall.IsError(count))
            FailFast("the collector could not stop the other threads", null);
        s_stoppedCount = count;
    }

    internal static partial void ResumeOtherThreads()
    {
        if (s_stoppedCount == 0)
            return;
        s_stoppedCount = 0;
        SystemCall.Call(SyscallNumber.ResumeOtherThreads);
    }

    internal static partial void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit)
    {
        for (long i = 1; i < s_stoppedCount; i++)
        {
            StoppedThread* thread = &s_stopped[i];
            if (thread->StackPointer <= thread->StackTop)
                visit((nuint*)thread->StackPointer, (nuint*)thread->StackTop);
            visit((nuint*)thread->Registers, (nuint*)thread->Registers + StoppedThread.RegisterCount);
        }
    }

    // One thread in the heap at a time. A waiter yields (the threads of a process share a
    // priority, so the holder runs next); the lock is held only for an allocation or a collection.
    internal static partial ulong EnterCriticalRegion()
    {
        if (s_stopped == null)
            return 0;
        while (Interlocked.CompareExchange(ref s_heapLock, 1, 0) != 0)
            SystemCall.CallWithoutArguments(SyscallNumber.Yield);
        return 1;
    }

    internal static partial void LeaveCriticalRegion(ulong state)
    {
        if (state != 0)
            Interlocked.Exchange(ref s_heapLock, 0);
    }

    internal static partial nint CurrentThreadId() => (nint)CurrentThreadBlock()->KernelThreadId;

    internal static partial void YieldThread() => SystemCall.CallWithoutArguments(SyscallNumber.Yield);

    // Allocates nothing: it may be reached from inside the heap (out of memory, heap lock held).
    internal static partial void FailFast(string reason, string detail)
    {
        System.Console.Write("*** ");
        System.Console.Write(reason);
        if (detail != null)
        {
            System.Console.Write(": ");
            System.Console.Write(detail);
        }
        System.Console.Write("\n");
        SystemCall.Call(SyscallNumber.Exit, FailFastExitStatus);
    }

    internal static partial string DescribeCode(ulong address)
    {
        const int Capacity = 160;
        byte* name = stackalloc byte[Capacity];
        long length = SystemCall.Call(SyscallNumber.DescribeAddress, (long)(address - 1), (long)name, Capacity);
        if (length <= 0)
            return "0x" + address.ToString("x");
        // The kernel adds "+0x<offset>"; a stack trace names the method only.
        int end = (int)length;
        for (int i = 0; i + 2 < end; i++)
        {
            if (name[i] == (byte)'+' && name[i + 1] == (byte)'0' && name[i + 2] == (byte)'x')
            {
                end = i;
                break;
            }
        }
        char[] chars = new char[end];
        for (int i = 0; i < end; i++)
            chars[i] = (char)name[i];
        return new string(chars);
    }

    internal static partial string DescribeType(MethodTable* type)
    {
        const int Capacity = 128;
        byte* name = stackalloc byte[Capacity];
        long length = SystemCall.Call(SyscallNumber.DescribeAddress, (long)type, (long)name, Capacity);
        if (length <= 0)
            return "type at 0x" + ((ulong)type).ToString("x");
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)name[i];
        return new string(chars);
    }

    [RuntimeExport("RhpFailFastFromStub")]
    private static void StackCorruption() => FailFast("stack buffer overrun detected", null);
}
