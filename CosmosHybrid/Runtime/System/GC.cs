using Internal.Runtime.GC;

namespace System;

/// <summary>Control of the garbage collector, with .NET's names.</summary>
public static class GC
{
    public static void Collect() => GarbageCollector.Collect();

    public static int CollectionCount(int generation) => generation == 0 ? GarbageCollector.CollectionCount : 0;

    /// <summary>Bytes in use by objects: exact after a forced collection, an upper bound otherwise.</summary>
    public static long GetTotalMemory(bool forceFullCollection)
    {
        if (forceFullCollection)
            Collect();
        return (long)GarbageCollector.LiveBytesAfterLastCollection + (long)GCHeap.AllocatedSinceCollection;
    }

    // Not inlined: the call itself keeps the reference in use until this point.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void KeepAlive(object obj)
    {
    }
}
