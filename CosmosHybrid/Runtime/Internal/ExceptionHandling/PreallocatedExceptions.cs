using System;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// The OutOfMemoryException the heap throws when it cannot grow, made while memory is
/// still there (as .NET keeps one), with room for its stack trace. Dispatching it allocates
/// nothing from the heap: the unwind index has pages of its own, or the lookup walks .eh_frame
/// (<see cref="UnwindTable"/>).
/// </summary>
internal static class PreallocatedExceptions
{
    private static OutOfMemoryException s_outOfMemory;

    public static void Create()
    {
        if (s_outOfMemory != null)
            return;
        var exception = new OutOfMemoryException();
        exception.ReserveStackTrace();
        s_outOfMemory = exception;
    }

    public static void ThrowOutOfMemory()
    {
        OutOfMemoryException exception = s_outOfMemory;
        if (exception == null)
            RuntimeHost.FailFast("out of memory", "the managed heap could not grow");
        throw exception;
    }
}
