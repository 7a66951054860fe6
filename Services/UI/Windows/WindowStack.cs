using System.Collections.Generic;

namespace CosmosHybrid.Services.UI.Windows;

/// <summary>The windows in z-order: index 0 is the bottom, the last one is on top.</summary>
public sealed class WindowStack
{
    private readonly List<Window> _windows = new List<Window>();

    public int Count => _windows.Count;

    /// <summary>By z-order position, 0 being the bottom.</summary>
    public Window this[int index] => _windows[index];

    public Window Top => _windows.Count == 0 ? null : _windows[_windows.Count - 1];

    public Window Focused { get; private set; }

    public void Add(Window window) => _windows.Add(window);

    public bool Remove(Window window)
    {
        if (Focused == window)
            SetFocus(null);
        return _windows.Remove(window);
    }

    public Window Find(int id)
    {
        for (int i = 0; i < _windows.Count; i++)
        {
            if (_windows[i].Id == id)
                return _windows[i];
        }
        return null;
    }

    public int CountOwnedBy(long owner)
    {
        int count = 0;
        for (int i = 0; i < _windows.Count; i++)
        {
            if (_windows[i].Owner == owner)
                count++;
        }
        return count;
    }

    /// <summary>The topmost window whose frame holds the point, or null.</summary>
    public Window HitTest(int x, int y)
    {
        for (int i = _windows.Count - 1; i >= 0; i--)
        {
            if (_windows[i].Frame.Contains(x, y))
                return _windows[i];
        }
        return null;
    }

    /// <summary>Moves the window to the top; false when it already was.</summary>
    public bool Raise(Window window)
    {
        int index = _windows.IndexOf(window);
        if (index < 0 || index == _windows.Count - 1)
            return false;
        _windows.RemoveAt(index);
        _windows.Add(window);
        return true;
    }

    /// <summary>Gives the focus to <paramref name="window"/> (null: nobody); returns the one that lost it.</summary>
    public Window SetFocus(Window window)
    {
        Window previous = Focused;
        if (previous != null)
            previous.Focused = false;
        Focused = window;
        if (window != null)
            window.Focused = true;
        return previous;
    }
}
