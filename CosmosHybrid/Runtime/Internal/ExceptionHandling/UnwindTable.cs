using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Finds the <see cref="UnwindEntry"/> of a code address. ILC describes every method and
/// funclet with an FDE in .eh_frame (ld gathers them between __eh_frame_start and
/// __eh_frame_end). The first lookup (the program's first throw or stack trace, not its
/// start-up) sorts their start addresses into pages of their own; later lookups are a
/// binary search. Until those pages exist (or when there are none to be had: out of memory)
/// a lookup walks .eh_frame from its start. Code without an FDE (the assembly stubs) is not
/// managed code.
/// </summary>
internal static unsafe class UnwindTable
{
    /// <summary>The index's header, at the start of its pages; <see cref="Count"/> start addresses follow, then as many FDE addresses.</summary>
    private struct Index
    {
        public long Count;
    }

    private static ulong* Starts(Index* index) => (ulong*)(index + 1);

    private static ulong* Entries(Index* index) => (ulong*)(index + 1) + index->Count;

    private static nint s_index;   // an Index*, set once (Interlocked.CompareExchange)

    [DllImport("*", EntryPoint = "RhpUnwindSections"), SuppressGCTransition]
    private static extern void UnwindSections(byte** start, byte** end);

    public static bool TryFind(ulong pc, out UnwindEntry entry)
    {
        Index* index = (Index*)Volatile.Read(ref s_index);
        if (index == null)
            index = Build();
        return index != null ? TryFindIndexed(index, pc, out entry) : TryFindByWalking(pc, out entry);
    }

    private static bool TryFindIndexed(Index* index, ulong pc, out UnwindEntry entry)
    {
        entry = default;
        ulong* starts = Starts(index);
        long low = 0;
        long high = index->Count - 1;
        long found = -1;
        while (low <= high)
        {
            long middle = (low + high) >> 1;
            if (starts[middle] <= pc)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found >= 0
            && UnwindEntry.TryDecode((byte*)Entries(index)[found], out entry)
            && pc < entry.End;
    }

    private static bool TryFindByWalking(ulong pc, out UnwindEntry entry)
    {
        byte* start;
        byte* end;
        UnwindSections(&start, &end);
        for (byte* p = start; p + 4 <= end && *(uint*)p != 0; p += 4 + *(uint*)p)
        {
            if (UnwindEntry.TryDecode(p, out entry) && pc >= entry.Start && pc < entry.End)
                return true;
        }
        entry = default;
        return false;
    }

    // Two threads may both build it: the first to publish wins, the other gives its pages back.
    // Its pages come from the host, not the managed heap, so an OutOfMemoryException can be
    // dispatched with it (or, when no pages are left either, by walking).
    private static Index* Build()
    {
        byte* start;
        byte* end;
        UnwindSections(&start, &end);
        long count = 0;
        for (byte* p = start; p + 4 <= end && *(uint*)p != 0; p += 4 + *(uint*)p)
        {
            if (UnwindEntry.TryDecode(p, out _))
                count++;
        }

        nuint pageCount = (nuint)((sizeof(Index) + count * 2 * sizeof(ulong) + 4095) / 4096);
        // In the host's critical region, as the heap asks for pages (the kernel's frame allocator is not reentrant).
        ulong region = RuntimeHost.EnterCriticalRegion();
        Index* index = (Index*)RuntimeHost.AllocatePages(pageCount);
        RuntimeHost.LeaveCriticalRegion(region);
        if (index == null)
            return null;
        index->Count = count;
        ulong* starts = Starts(index);
        ulong* entries = Entries(index);
        long n = 0;
        for (byte* p = start; p + 4 <= end && *(uint*)p != 0 && n < count; p += 4 + *(uint*)p)
        {
            if (!UnwindEntry.TryDecode(p, out UnwindEntry entry))
                continue;
            // Insertion sort: ILC writes FDEs in code order, so this is one pass in practice.
            long i = n++;
            while (i > 0 && starts[i - 1] > entry.Start)
            {
                starts[i] = starts[i - 1];
                entries[i] = entries[i - 1];
                i--;
            }
            starts[i] = entry.Start;
            entries[i] = (ulong)p;
        }

        nint published = Interlocked.CompareExchange(ref s_index, (nint)index, 0);
        if (published == 0)
            return index;
        region = RuntimeHost.EnterCriticalRegion();
        RuntimeHost.ReleasePages(index, pageCount);
        RuntimeHost.LeaveCriticalRegion(region);
        return (Index*)published;
    }
}
