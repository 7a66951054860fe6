namespace CosmosHybrid.Memory;

/// <summary>
/// A sorted set of disjoint physical ranges with a fixed capacity: usable memory
/// is built by adding what the firmware reports as available and removing what is
/// in use (kernel image, boot modules, firmware tables). Overlapping or adjacent
/// additions merge; removals split ranges.
/// </summary>
public sealed class MemoryRangeSet
{
    private readonly MemoryRange[] _ranges;
    private int _count;

    public MemoryRangeSet(int capacity)
    {
        _ranges = new MemoryRange[capacity];
    }

    public int Count => _count;

    public MemoryRange this[int index] => _ranges[index];

    public ulong TotalLength
    {
        get
        {
            ulong total = 0;
            for (int i = 0; i < _count; i++)
                total += _ranges[i].Length;
            return total;
        }
    }

    /// <summary>Adds a range; returns false (changing nothing) when the set is full.</summary>
    public bool Add(MemoryRange range)
    {
        if (range.IsEmpty)
            return true;

        ulong start = range.Start;
        ulong end = range.End;
        int first = 0;
        while (first < _count && _ranges[first].End < start)
            first++;

        int last = first;
        while (last < _count && _ranges[last].Start <= end)
        {
            start = _ranges[last].Start < start ? _ranges[last].Start : start;
            end = _ranges[last].End > end ? _ranges[last].End : end;
            last++;
        }

        int merged = last - first;
        if (merged == 0 && _count == _ranges.Length)
            return false;

        Shift(last, 1 - merged);
        _ranges[first] = new MemoryRange(start, end);
        return true;
    }

    /// <summary>Removes a range; returns false (changing nothing) when a split would overflow the set.</summary>
    public bool Remove(MemoryRange range)
    {
        if (range.IsEmpty)
            return true;

        for (int i = 0; i < _count; i++)
        {
            MemoryRange current = _ranges[i];
            if (current.End <= range.Start || current.Start >= range.End)
                continue;

            bool keepLow = current.Start < range.Start;
            bool keepHigh = current.End > range.End;
            if (keepLow && keepHigh)
            {
                if (_count == _ranges.Length)
                    return false;
                Shift(i + 1, 1);
                _ranges[i] = new MemoryRange(current.Start, range.Start);
                _ranges[i + 1] = new MemoryRange(range.End, current.End);
                return true;
            }
            if (keepLow)
            {
                _ranges[i] = new MemoryRange(current.Start, range.Start);
            }
            else if (keepHigh)
            {
                _ranges[i] = new MemoryRange(range.End, current.End);
            }
            else
            {
                Shift(i + 1, -1);
                i--;
            }
        }
        return true;
    }

    // Moves ranges [from, count) by delta places and adjusts the count.
    private void Shift(int from, int delta)
    {
        if (delta > 0)
        {
            for (int i = _count - 1; i >= from; i--)
                _ranges[i + delta] = _ranges[i];
        }
        else if (delta < 0)
        {
            for (int i = from; i < _count; i++)
                _ranges[i + delta] = _ranges[i];
        }
        _count += delta;
    }
}
