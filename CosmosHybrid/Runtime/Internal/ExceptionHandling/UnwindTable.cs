using System.Runtime;
using System.Runtime.InteropServices;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Finds the <see cref="UnwindEntry"/> of a code address. ILC describes every method and
/// funclet with an FDE in .eh_frame (ld gathers them between __eh_frame_start and
/// __eh_frame_end); the first lookup sorts their start addresses once, later lookups
/// are a binary search. Code without an FDE (the assembly stubs) is not managed code.
/// </summary>
internal static unsafe class UnwindTable
{
    private sealed class Index
    {
        public ulong[] Starts;
        public ulong[] Entries;
    }

    private static Index s_index;

    [DllImport("*", EntryPoint = "RhpUnwindSections"), SuppressGCTransition]
    private static extern void UnwindSections(byte** start, byte** end);

    public static bool TryFind(ulong pc, out UnwindEntry entry)
    {
        entry = default;
        Index index = s_index ?? Build();
        ulong[] starts = index.Starts;
        int low = 0;
        int high = starts.Length - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
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
            && UnwindEntry.TryDecode((byte*)index.Entries[found], out entry)
            && pc < entry.End;
    }

    // Two threads may both build it; either result is the same, and a reference store is atomic.
    private static Index Build()
    {
        byte* start;
        byte* end;
        UnwindSections(&start, &end);
        int count = 0;
        for (byte* p = start; p + 4 <= end && *(uint*)p != 0; p += 4 + *(uint*)p)
        {
            if (UnwindEntry.TryDecode(p, out _))
                count++;
        }

        var index = new Index { Starts = new ulong[count], Entries = new ulong[count] };
        int n = 0;
        for (byte* p = start; p + 4 <= end && *(uint*)p != 0 && n < count; p += 4 + *(uint*)p)
        {
            if (!UnwindEntry.TryDecode(p, out UnwindEntry entry))
                continue;
            // Insertion sort: ILC writes FDEs in code order, so this is one pass in practice.
            int i = n++;
            while (i > 0 && index.Starts[i - 1] > entry.Start)
            {
                index.Starts[i] = index.Starts[i - 1];
                index.Entries[i] = index.Entries[i - 1];
                i--;
            }
            index.Starts[i] = entry.Start;
            index.Entries[i] = (ulong)p;
        }
        s_index = index;
        return index;
    }
}
