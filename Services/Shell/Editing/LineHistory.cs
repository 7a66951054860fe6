using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>
/// The lines entered so far, newest last, walked with Up and Down. Walking away from the
/// line being typed keeps it as a draft, which Down past the newest entry brings back.
/// Empty lines and a repeat of the newest entry are not kept; the oldest go first past the capacity.
/// </summary>
public sealed class LineHistory
{
    private readonly List<string> _entries = new List<string>();
    private readonly int _capacity;
    private int _position;
    private string _draft = "";

    public LineHistory(int capacity = 500)
    {
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    /// <summary>Keeps an entered line and starts the next walk from the newest entry.</summary>
    public void Add(string line)
    {
        if (line.Trim().Length > 0 && (_entries.Count == 0 || _entries[_entries.Count - 1] != line))
        {
            if (_entries.Count == _capacity)
                _entries.RemoveAt(0);
            _entries.Add(line);
        }
        _position = _entries.Count;
        _draft = "";
    }

    /// <summary>The entry before the current one (Up), or null at the oldest.</summary>
    public string Previous(string current)
    {
        if (_position == 0)
            return null;
        if (_position == _entries.Count)
            _draft = current;
        _position--;
        return _entries[_position];
    }

    /// <summary>The entry after the current one (Down), the draft past the newest, or null when already there.</summary>
    public string Next()
    {
        if (_position == _entries.Count)
            return null;
        _position++;
        return _position == _entries.Count ? _draft : _entries[_position];
    }
}
