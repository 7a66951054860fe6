namespace CosmosHybrid.Console.Output;

/// <summary>
/// The last characters the screen was sent (a fixed ring), kept also while a window server
/// has the screen, so that the kernel can show its recent log again when it takes the
/// screen back. Allocation-free after construction.
/// </summary>
internal sealed class ScreenHistory
{
    private readonly char[] _ring;
    private long _written;

    public ScreenHistory(int capacity) => _ring = new char[capacity];

    public int Capacity => _ring.Length;

    /// <summary>Characters held now (at most <see cref="Capacity"/>).</summary>
    public int Count => _written < _ring.Length ? (int)_written : _ring.Length;

    public void Record(char c)
    {
        _ring[_written % _ring.Length] = c;
        _written++;
    }

    /// <summary>The <paramref name="index"/>th held character, oldest first.</summary>
    public char this[int index] => _ring[(_written - Count + index) % _ring.Length];

    /// <summary>
    /// Writes the held text that makes up its last <paramref name="lines"/> lines (counting
    /// '\n'; a partial last line counts as one) to <paramref name="output"/>.
    /// </summary>
    public void Replay(IConsoleOutput output, int lines)
    {
        int count = Count;
        int start = count;
        int newlines = 0;
        // Back from the end until `lines` line breaks lie behind the start (the text after the last one is a line too).
        while (start > 0)
        {
            if (this[start - 1] == '\n' && start != count && ++newlines >= lines)
                break;
            start--;
        }
        for (int i = start; i < count; i++)
            output.Write(this[i]);
    }
}
