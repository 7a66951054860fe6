namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// The lines that scrolled off the top of the screen, newest last, in a ring of fixed
/// capacity: when it is full the oldest line goes, and its array is handed back for reuse,
/// so a terminal that has filled its scroll-back scrolls without allocating.
/// </summary>
public sealed class ScrollbackBuffer
{
    private readonly TerminalCell[][] _lines;
    private int _oldest;

    public ScrollbackBuffer(int capacity)
    {
        _lines = new TerminalCell[capacity < 0 ? 0 : capacity][];
    }

    public int Capacity => _lines.Length;

    public int Count { get; private set; }

    /// <summary>
    /// Appends <paramref name="line"/> (the buffer keeps the array). Returns an array the
    /// caller may reuse: the evicted oldest line when the ring was full, with no capacity the
    /// line itself, otherwise null.
    /// </summary>
    public TerminalCell[] Push(TerminalCell[] line)
    {
        if (_lines.Length == 0)
        {
            return line;
        }

        if (Count < _lines.Length)
        {
            _lines[(_oldest + Count) % _lines.Length] = line;
            Count++;
            return null;
        }

        TerminalCell[] evicted = _lines[_oldest];
        _lines[_oldest] = line;
        _oldest = (_oldest + 1) % _lines.Length;
        return evicted;
    }

    /// <summary>Line <paramref name="age"/> counted from the newest (0); null when out of range.</summary>
    public TerminalCell[] FromNewest(int age)
    {
        if ((uint)age >= (uint)Count)
        {
            return null;
        }

        return _lines[(_oldest + Count - 1 - age) % _lines.Length];
    }

    /// <summary>Forgets every line (ED 3, reset).</summary>
    public void Clear()
    {
        for (int i = 0; i < _lines.Length; i++)
        {
            _lines[i] = null;
        }

        _oldest = 0;
        Count = 0;
    }
}
