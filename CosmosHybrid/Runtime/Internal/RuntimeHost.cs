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

    /// <summary>Calls <paramref name="visit"/> with [stack pointer, stack top) of every other thread, all stopped.</summary>
    internal static partial void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit);

    /// <summary>
    /// Keeps anything else from running on this CPU (in the kernel: interrupts off) until
    /// <see cref="LeaveCriticalRegion"/>; the returned state restores what was there before.
    /// </summary>
    internal static partial ulong EnterCriticalRegion();

    internal static partial void LeaveCriticalRegion(ulong state);

    /// <summary>Reports an unrecoverable error and never returns.</summary>
    internal static partial void FailFast(string reason, string detail);

    /// <summary>A human-readable name for a type, from symbols when available.</summary>
    internal static partial string DescribeType(MethodTable* type);
}
