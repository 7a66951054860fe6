using Internal.Runtime;

namespace System.Runtime.CompilerServices;

/// <summary>
/// The compiler stores a static constructor's address just before the type's
/// non-GC statics, and calls through here while that word is not zero.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct StaticClassConstructionContext
{
    public nint cctorMethodAddress;
}

/// <summary>
/// Runs each static constructor once, as .NET does: the first thread to get there claims
/// it by replacing the address with a "running, by thread N" mark, so a re-entrant access
/// from that thread goes on at once (seeing the statics as they are), while other threads
/// wait until it is done rather than see half-built statics. Zero means done.
/// A waiter that would close a cycle (the owner waits, directly or through other threads, for a
/// constructor this thread is running) goes on instead and sees the class unfinished, as .NET
/// does: the waits are recorded in <see cref="ClassConstructorWaits"/>.
/// </summary>
internal static unsafe class ClassConstructorRunner
{
    // A non-canonical address, so never a constructor's: the running thread's id is in the low bits.
    private const long RunningTag = 0x7FFE_0000_0000_0000;
    private const long TagMask = 0x7FFF_0000_0000_0000;

    private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return gcStaticBase;
    }

    private static void* CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, void* nonGcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return nonGcStaticBase;
    }

    // ILC's thread-static base helper for a type with a lazy static constructor: the running
    // thread's block of the type's thread statics, once the constructor has run.
    private static object CheckStaticClassConstructionReturnThreadStaticBase(void* moduleData, int typeTlsIndex, ref StaticClassConstructionContext context)
    {
        object threadStaticBase = ThreadStatics.GetThreadStaticBaseForType(moduleData, typeTlsIndex);
        EnsureClassConstructorRun(ref context);
        return threadStaticBase;
    }

    private static void EnsureClassConstructorRun(ref StaticClassConstructionContext context)
    {
        nint state = context.cctorMethodAddress;
        if (state == 0)
            return;
        nint self = RuntimeHost.CurrentThreadId();
        nint runningBySelf = (nint)(RunningTag | self);
        while (state != 0)
        {
            if (((long)state & TagMask) == RunningTag)
            {
                if (state == runningBySelf)
                    return;
                if (ClassConstructorWaits.WouldDeadlock(self, ref context))
                    return;
                RuntimeHost.YieldThread();
            }
            else if (Threading.Interlocked.CompareExchange(ref context.cctorMethodAddress, runningBySelf, state) == state)
            {
                ClassConstructorWaits.Forget(self);
                ((delegate*<void>)state)();
                context.cctorMethodAddress = 0;
                return;
            }
            state = context.cctorMethodAddress;
        }
        ClassConstructorWaits.Forget(self);
    }

    /// <summary>The thread running the constructor of <paramref name="context"/>, or 0 when none runs.</summary>
    internal static nint OwnerOf(StaticClassConstructionContext* context)
    {
        nint state = context->cctorMethodAddress;
        return ((long)state & TagMask) == RunningTag ? (nint)((long)state & ~TagMask) : 0;
    }
}
