using System.Runtime.InteropServices;

namespace Internal.Runtime.GC;

/// <summary>
/// A contiguous block of heap memory. The header sits at the start of the block,
/// followed by the object-start bitmap (one bit per 8-byte granule: set where an
/// allocated object begins), followed by the objects. The bitmap is what lets the
/// collector tell whether a word found on a stack points into an object, and walk
/// the objects of a segment in order.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HeapSegment
{
    public const nuint Granule = 8;

    public HeapSegment* Next;
    public nuint PageCount;
    public byte* ObjectsStart;
    public byte* ObjectsEnd;
    public ulong* StartBits;
    /// <summary>A segment made for a single large object; it is returned to the page source when that object dies.</summary>
    public bool IsLarge;
    /// <summary>Set by a sweep that found no live object in this small-object segment, until the heap keeps or releases it.</summary>
    public bool IsEmpty;

    /// <summary>Lays out a segment in <paramref name="pageCount"/> fresh zeroed pages.</summary>
    public static HeapSegment* Create(void* pages, nuint pageCount, bool isLarge)
    {
        HeapSegment* segment = (HeapSegment*)pages;
        nuint bytes = pageCount * GCHeap.PageSize;
        byte* start = (byte*)pages;
        nuint granules = bytes / Granule;
        nuint bitmapBytes = (granules + 63) / 64 * 8;

        segment->PageCount = pageCount;
        segment->StartBits = (ulong*)(start + AlignUp((nuint)sizeof(HeapSegment), 16));
        segment->ObjectsStart = start + AlignUp((nuint)sizeof(HeapSegment), 16) + AlignUp(bitmapBytes, 16);
        segment->ObjectsEnd = start + bytes;
        segment->IsLarge = isLarge;
        segment->IsEmpty = false;
        segment->Next = null;
        return segment;
    }

    public bool Contains(byte* address) => address >= ObjectsStart && address < ObjectsEnd;

    /// <summary>The bytes the segment offers objects (after its header and start bitmap).</summary>
    public nuint ObjectRoom => (nuint)(ObjectsEnd - ObjectsStart);

    /// <summary>The bytes left for objects in a segment of <paramref name="pageCount"/> pages, after its header and start bitmap.</summary>
    public static nuint ObjectBytes(nuint pageCount)
    {
        nuint bytes = pageCount * GCHeap.PageSize;
        nuint bitmapBytes = (bytes / Granule + 63) / 64 * 8;
        nuint overhead = AlignUp((nuint)sizeof(HeapSegment), 16) + AlignUp(bitmapBytes, 16);
        return bytes > overhead ? bytes - overhead : 0;
    }

    /// <summary>
    /// The fewest pages of a segment that holds an object of <paramref name="size"/> bytes. The
    /// bitmap grows with the segment (a 64th of it), so past about 256 KiB it needs pages of its own.
    /// </summary>
    public static nuint PagesFor(nuint size)
    {
        nuint pages = (size + GCHeap.PageSize - 1) / GCHeap.PageSize + 1;
        for (nuint room = ObjectBytes(pages); room < size; room = ObjectBytes(pages))
            pages += (size - room + GCHeap.PageSize - 1) / GCHeap.PageSize;
        return pages;
    }

    public void MarkObjectStart(byte* obj)
    {
        nuint granule = GranuleIndex(obj);
        StartBits[granule / 64] |= 1UL << (int)(granule % 64);
    }

    public void ClearObjectStart(byte* obj)
    {
        nuint granule = GranuleIndex(obj);
        StartBits[granule / 64] &= ~(1UL << (int)(granule % 64));
    }

    public bool IsObjectStart(byte* address)
    {
        nuint granule = GranuleIndex(address);
        return (StartBits[granule / 64] & (1UL << (int)(granule % 64))) != 0;
    }

    /// <summary>
    /// The allocated object that starts at or before <paramref name="address"/>, or
    /// null when no object starts before it in this segment. The caller checks that
    /// the object actually extends over the address.
    /// </summary>
    public byte* FindObjectStartAtOrBefore(byte* address)
    {
        nuint granule = GranuleIndex(address);
        nuint word = granule / 64;
        // Bits at or below the granule in its word.
        ulong bits = StartBits[word] & (ulong.MaxValue >> (63 - (int)(granule % 64)));
        while (true)
        {
            if (bits != 0)
                return ObjectsStart + (word * 64 + (nuint)HighestBit(bits)) * Granule;
            if (word == 0)
                return null;
            bits = StartBits[--word];
        }
    }

    /// <summary>The first allocated object at or after <paramref name="address"/>, or null.</summary>
    public byte* FindObjectStartAtOrAfter(byte* address)
    {
        if (address >= ObjectsEnd)
            return null;
        nuint granule = GranuleIndex(address);
        nuint words = ((nuint)(ObjectsEnd - ObjectsStart) / Granule + 63) / 64;
        nuint word = granule / 64;
        ulong bits = StartBits[word] & (ulong.MaxValue << (int)(granule % 64));
        while (true)
        {
            if (bits != 0)
                return ObjectsStart + (word * 64 + (nuint)LowestBit(bits)) * Granule;
            if (++word >= words)
                return null;
            bits = StartBits[word];
        }
    }

    private nuint GranuleIndex(byte* address) => (nuint)(address - ObjectsStart) / Granule;

    private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);

    private static int HighestBit(ulong value)
    {
        int bit = 63;
        while ((value & (1UL << bit)) == 0)
            bit--;
        return bit;
    }

    private static int LowestBit(ulong value)
    {
        int bit = 0;
        while ((value & (1UL << bit)) == 0)
            bit++;
        return bit;
    }
}
