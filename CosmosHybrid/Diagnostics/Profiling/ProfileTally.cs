using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Diagnostics.Profiling;

/// <summary>
/// Counts named samples and writes the top of the list: "samples, percent, function" per line, or
/// with callers "function &lt;- caller" per line. Pure: the kernel's profiler and the host tests share it.
/// </summary>
public sealed class ProfileTally
{
    private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();
    private int _total;

    public int Total => _total;

    /// <summary>Counts one sample of <paramref name="function"/> (and, when given, called from <paramref name="caller"/>).</summary>
    public void Add(string function, string caller = null)
    {
        string key = caller == null ? function : function + "  <-  " + caller;
        _counts.TryGetValue(key, out int count);
        _counts[key] = count + 1;
        _total++;
    }

    /// <summary>The <paramref name="top"/> most sampled entries, most first (ties by name), one line each.</summary>
    public string Format(int top)
    {
        var entries = new KeyValuePair<string, int>[_counts.Count];
        int n = 0;
        foreach (KeyValuePair<string, int> entry in _counts)
            entries[n++] = entry;
        System.Array.Sort(entries, (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        text.Append(" samples      %  function\n");
        for (int i = 0; i < entries.Length && i < top; i++)
        {
            int count = entries[i].Value;
            int tenths = _total == 0 ? 0 : (int)((long)count * 1000 / _total);
            text.Append(Pad(count.ToString(), 8)).Append(Pad((tenths / 10).ToString() + "." + (tenths % 10).ToString(), 6))
                .Append("%  ").Append(entries[i].Key).Append('\n');
        }
        return text.ToString();
    }

    private static string Pad(string text, int width) => text.Length >= width ? text : new string(' ', width - text.Length) + text;
}
