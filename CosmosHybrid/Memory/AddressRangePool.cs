namespace CosmosHybrid.Memory;

/// <summary>
/// Address ranges a process has given back (unmapped heap reservations, thread stacks, ended page
/// grants), to be handed out again before fresh addresses are taken. Without it every grant and
/// every thread stack took addresses never used again, and the page tables under them (a page per
/// 2 MiB) stayed with the process until it exited. Adjacent ranges merge; a range taken is cut
/// from the start of the first that fits, so taking never splits one. When the pool is full a
/// range given back is simply forgotten (as all were before).
/// </summary>
public sealed class AddressRangePool
{
    private readonly MemoryRangeSet _free;

    public AddressRangePool(int capacity)
    {
        _free = new MemoryRangeSet(capacity);
    }

    /// <summary>The bytes waiting to be handed out again.</summary>
    public ulong FreeBytes => _free.TotalLength;

    /// <summary>The start of a free range of <paramref name="length"/> bytes, now taken; 0 when none fits.</summary>
    public ulong Take(ulong length)
    {
        if (length == 0)
            return 0;
        for (int i = 0; i < _free.Count; i++)
        {
            MemoryRange range = _free[i];
            if (range.Length < length)
                continue;
            _free.Remove(new MemoryRange(range.Start, range.Start + length));
            return range.Start;
        }
        return 0;
    }

    /// <summary>Gives back [start, start + length); false when the pool had no room for it (it is then forgotten).</summary>
    public bool Give(ulong start, ulong length) => _free.Add(new MemoryRange(start, start + length));
}
