using System.Runtime.CompilerServices;
using System.Threading;

namespace Internal.Runtime;

/// <summary>
/// <c>[ThreadStatic]</c> fields. ILC (with <c>--noinlinetls</c>, so no ELF TLS below the thread
/// pointer) gives every type that has thread statics an index, and lists in its ThreadStatic
/// region, under that index, the MethodTable of an object that holds the type's thread-static
/// fields. An access calls a per-type stub that calls <see cref="GetThreadStaticBaseForType"/>
/// with the index and reads the field at its offset in the object returned. Each thread gets
/// its own objects, zeroed, on its first access; they hang off its Thread record, so the
/// collector reaches them as long as the thread lives, and they are garbage once it has ended.
/// </summary>
internal static unsafe class ThreadStatics
{
    private static MethodTable** s_blockTypes;
    private static int s_blockTypeCount;

    /// <summary>Takes note of ILC's ThreadStatic region: one MethodTable pointer per type index.</summary>
    internal static void RegisterRegion(byte* start, byte* end)
    {
        s_blockTypes = (MethodTable**)start;
        s_blockTypeCount = (int)((end - start) / sizeof(MethodTable*));
    }

    /// <summary>
    /// Called by ILC's stub for a type's thread statics (<paramref name="moduleData"/> is the
    /// type-manager slot; there is one module): the running thread's block of them.
    /// </summary>
    internal static object GetThreadStaticBaseForType(void* moduleData, int typeTlsIndex)
    {
        object[] blocks = Thread.CurrentThread.ThreadStaticBlocks;
        if (blocks != null)
        {
            object block = blocks[typeTlsIndex];
            if (block != null)
                return block;
        }
        return AllocateBlock(typeTlsIndex);
    }

    // First access of this thread to this type's thread statics: all zero, as in .NET.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object AllocateBlock(int typeTlsIndex)
    {
        if ((uint)typeTlsIndex >= (uint)s_blockTypeCount)
            RuntimeHost.FailFast("thread static", "ILC asked for the thread statics of a type it did not list");
        Thread thread = Thread.CurrentThread;
        object[] blocks = thread.ThreadStaticBlocks ??= new object[s_blockTypeCount];
        object block = Allocator.NewObject(s_blockTypes[typeTlsIndex]);
        blocks[typeTlsIndex] = block;
        return block;
    }
}
