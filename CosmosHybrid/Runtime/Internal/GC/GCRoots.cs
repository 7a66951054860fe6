namespace Internal.Runtime.GC;

/// <summary>
/// Where the collector starts: the static-field blocks ILC lists (GC static region),
/// the frozen objects of the image (string literals and preinitialized statics, which
/// may be written at run time), and the stack of the running thread with its registers.
/// Stacks and frozen data are scanned conservatively: any word that points into a
/// heap object keeps that object alive.
/// </summary>
internal static unsafe class GCRoots
{
    private static int* s_staticRegionStart;
    private static int* s_staticRegionEnd;
    private static nuint* s_frozenStart;
    private static nuint* s_frozenEnd;

    public static void RegisterStaticRegion(byte* start, byte* end)
    {
        s_staticRegionStart = (int*)start;
        s_staticRegionEnd = (int*)end;
    }

    public static void RegisterFrozenRegion(byte* start, byte* end)
    {
        s_frozenStart = (nuint*)start;
        s_frozenEnd = (nuint*)end;
    }

    public static void MarkStatics()
    {
        // Each entry is a relative pointer to a slot holding the address of a static block.
        for (int* entry = s_staticRegionStart; entry < s_staticRegionEnd; entry++)
        {
            byte** slot = (byte**)((byte*)entry + *entry);
            GarbageCollector.MarkExact(*slot);
        }
    }

    /// <summary>True for an object of the image's frozen region (not in the heap, never collected).</summary>
    public static bool IsFrozen(void* obj) => obj >= s_frozenStart && obj < s_frozenEnd;

    public static void MarkFrozenObjects() => GarbageCollector.MarkRange(s_frozenStart, s_frozenEnd);

    /// <summary>Scans from <paramref name="stackPointer"/> (below the spilled registers) to the stack's top.</summary>
    public static void MarkStacks(nuint* stackPointer)
    {
        GarbageCollector.MarkRange(stackPointer, (nuint*)RuntimeHost.CurrentStackTop());
        // Stopped threads: their stacks hold their callee-saved registers (saved by the
        // switch) or their whole register state (saved by the interrupt that stopped them).
        RuntimeHost.ForEachSuspendedStack(&GarbageCollector.MarkRange);
    }
}
