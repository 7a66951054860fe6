using System.Runtime.InteropServices;
using System.Threading;

namespace Internal.Runtime;

/// <summary>
/// The per-call-site caches of interface targets. Once <see cref="InterfaceDispatch"/> has
/// resolved a call, it points the cell at a cache: the cell's second word becomes the cache's
/// address (8-aligned, so its low two bits, the cell kind, read 0) and its stub word one of
/// the stubs RhpInterfaceDispatch1 / RhpInterfaceDispatch4 (RuntimeStubs.asm), which compare
/// the object's MethodTable with the cached ones and jump straight to the match.
/// <para>
/// A cache is immutable once published: adding a type publishes a bigger copy (1, then 4
/// entries; a 4-entry cache fills up through copies with 2, 3 and 4 used), so a reader on any
/// thread, in any ring, sees either a whole old cache or a whole new one. The cell's second
/// word only ever moves to a bigger cache (compare-exchange), and it is written before the
/// stub word, so a stub never reads past the end of the cache it finds. Caches come from a
/// fixed arena, never freed (a cell holds at most four); when it is used up, calls still work
/// through the resolver, uncached. Nothing here allocates or locks: it runs in interrupt
/// handlers and inside the allocator.
/// </para>
/// </summary>
internal static unsafe class InterfaceDispatchCache
{
    /// <summary>Entries of the larger cache; the stub RhpInterfaceDispatch4 checks this many.</summary>
    public const int MaxEntries = 4;

    private const int ArenaBytes = 32 * 1024;

    [StructLayout(LayoutKind.Sequential, Size = ArenaBytes)]
    private struct Arena
    {
        private long _first;
    }

    private static Arena s_arena;
    private static int s_arenaUsed;

    /// <summary>Bytes of the arena in use (for the curious: a full arena means uncached calls).</summary>
    public static int ArenaUsed => Volatile.Read(ref s_arenaUsed);

    /// <summary>
    /// Remembers that objects of <paramref name="type"/> calling through <paramref name="cell"/>
    /// go to <paramref name="target"/>. <paramref name="observed"/> is the cell's second word as
    /// the caller read it (the interface reference, or a cache); if another thread has changed
    /// it since, that thread's cache stays and this call adds nothing.
    /// </summary>
    public static void Add(nint* cell, nint observed, MethodTable* itf, ushort slot, MethodTable* type, nint target)
    {
        Cache* current = (observed & 3) == 0 ? (Cache*)observed : null;
        int used = current == null ? 0 : current->Used;
        if (used >= MaxEntries)
            return;
        Entry* old = current == null ? null : &current->Entries;
        for (int i = 0; i < used; i++)
        {
            if (old[i].Type == type)
                return;
        }

        int capacity = used == 0 ? 1 : MaxEntries;
        Cache* cache = Allocate(capacity);
        if (cache == null)
            return;
        cache->Interface = itf;
        cache->Slot = slot;
        cache->Used = used + 1;
        Entry* entries = &cache->Entries;
        for (int i = 0; i < used; i++)
            entries[i] = old[i];
        entries[used].Type = type;
        entries[used].Target = target;
        for (int i = used + 1; i < capacity; i++)
            entries[i] = default;       // a null type never matches an object's

        // Publish the cache, then the stub that reads it (x86-64 keeps stores in order, and
        // the compare-exchange is a full barrier).
        if (Interlocked.CompareExchange(ref cell[1], (nint)cache, observed) == observed)
            Volatile.Write(ref cell[0], StubFor(capacity));
    }

    private static Cache* Allocate(int capacity)
    {
        int bytes = sizeof(Cache) + (capacity - 1) * sizeof(Entry);
        if (Volatile.Read(ref s_arenaUsed) > ArenaBytes - bytes)
            return null;    // full: checked first so that misses never run the counter up
        int end = Interlocked.Add(ref s_arenaUsed, bytes);
        if (end > ArenaBytes)
            return null;
        fixed (Arena* arena = &s_arena)
            return (Cache*)((byte*)arena + end - bytes);
    }

    [DllImport("*", EntryPoint = "RhpInterfaceDispatchStub"), SuppressGCTransition]
    private static extern nint StubFor(nint capacity);

    /// <summary>A cache's layout, which the stubs read: two header words, then the entries from offset 16.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Cache
    {
        public MethodTable* Interface;
        public ushort Slot;
        public int Used;
        public Entry Entries;    // the first of 1 or MaxEntries
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        public MethodTable* Type;
        public nint Target;
    }
}
