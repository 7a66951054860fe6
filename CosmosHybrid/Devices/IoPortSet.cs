namespace CosmosHybrid.Devices;

/// <summary>
/// The I/O ports one process may use from ring 3: the port ranges of the devices it
/// drives, each tagged with the device it came from so the device's ranges can go when
/// the device is let go. <see cref="Version"/> changes with every change, so the kernel
/// knows when the TSS bitmap it loaded for the process is out of date.
/// </summary>
public sealed class IoPortSet
{
    public const int MaxRanges = 32;

    private readonly IoPortRange[] _ranges = new IoPortRange[MaxRanges];
    private readonly object[] _sources = new object[MaxRanges];

    public int Count { get; private set; }

    public int Version { get; private set; }

    public IoPortRange this[int index] => _ranges[index];

    /// <summary>Adds a range given by <paramref name="source"/>; false when it is invalid or the set is full.</summary>
    public bool Add(IoPortRange range, object source)
    {
        if (!range.IsValid || Count == MaxRanges)
            return false;
        _ranges[Count] = range;
        _sources[Count] = source;
        Count++;
        Version++;
        return true;
    }

    /// <summary>Removes every range <paramref name="source"/> gave.</summary>
    public void RemoveSource(object source)
    {
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_sources[i] == source)
                continue;
            _ranges[kept] = _ranges[i];
            _sources[kept] = _sources[i];
            kept++;
        }
        for (int i = kept; i < Count; i++)
            _sources[i] = null;
        if (kept != Count)
            Version++;
        Count = kept;
    }

    /// <summary>True when some range of the set covers the whole access.</summary>
    public bool Allows(long port, long size)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_ranges[i].Contains(port, size))
                return true;
        }
        return false;
    }
}
