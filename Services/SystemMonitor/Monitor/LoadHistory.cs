namespace CosmosHybrid.Services.SystemMonitor.Monitor;

/// <summary>The last <see cref="Capacity"/> samples of one figure (per mille), oldest first, for a plot.</summary>
public sealed class LoadHistory
{
    private readonly int[] _values;
    private int _next;

    public LoadHistory(int capacity)
    {
        _values = new int[capacity < 1 ? 1 : capacity];
    }

    public int Capacity => _values.Length;

    /// <summary>How many samples there are (up to <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    public void Add(int permille)
    {
        _values[_next] = permille < 0 ? 0 : permille > 1000 ? 1000 : permille;
        _next = (_next + 1) % _values.Length;
        if (Count < _values.Length)
            Count++;
    }

    /// <summary>Sample <paramref name="index"/>, 0 the oldest kept.</summary>
    public int this[int index] => _values[(_next - Count + index + 2 * _values.Length) % _values.Length];
}
