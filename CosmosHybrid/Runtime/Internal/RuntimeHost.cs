namespace Internal.Runtime;

/// <summary>
/// What the runtime needs from the program it is linked into. The kernel and the
/// ring-3 start-up code each supply the other half of this partial class: where
/// pages come from, what a fatal error does, and how to name a type or address.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    /// <summary>Returns <paramref name="pageCount"/> zeroed, writable, contiguous 4 KiB pages, or null.</summary>
    internal static partial void* AllocatePages(nuint pageCount);

    /// <summary>Gives back pages that <see cref="AllocatePages"/> returned.</summary>
    internal static partial void ReleasePages(void* pages, nuint pageCount);

    /// <summary>The highest address (exclusive) of the running thread's stack: where a stack scan ends.</summary>
    internal static partial void* CurrentStackTop();

    /// <summary>
    /// Calls <paramref name="visit"/> for every other thread, all stopped: with [stack pointer,
    /// stack top) of its stack, and with any saved registers that are not on that stack.
    /// </summary>
    internal static partial void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit);

    /// <summary>Keeps every other thread from touching managed objects until <see cref="ResumeOtherThreads"/> (called inside the critical region).</summary>
    internal static partial void StopOtherThreads();

    internal static partial void ResumeOtherThreads();

    /// <summary>
    /// Keeps any other thread out of the heap (in the kernel: interrupts off; in ring 3: a
    /// lock, once the program has a second thread) until <see cref="LeaveCriticalRegion"/>;
    /// the returned state restores what was there before. Not re-entered by the runtime.
    /// </summary>
    internal static partial ulong EnterCriticalRegion();

    internal static partial void LeaveCriticalRegion(ulong state);

    /// <summary>A number for the running thread, different from every other live thread's.</summary>
    internal static partial nint CurrentThreadId();

    /// <summary>Lets another thread run (while waiting for one to finish something).</summary>
    internal static partial void YieldThread();

    /// <summary>Reports an unrecoverable error and never returns.</summary>
    internal static partial void FailFast(string reason, string detail);

    /// <summary>The name of the method that holds a return address (or a faulting pc), from symbols when available.</summary>
    internal static partial string DescribeCode(ulong address);

    /// <summary>A human-readable name for a type, from symbols when available.</summary>
    internal static partial string DescribeType(MethodTable* type);
}
