using System;

namespace CosmosHybrid.Services.UI.Geometry;

/// <summary>
/// A reusable growable list of rectangles (scratch space for the compositor's visibility
/// walk): clearing keeps the storage, so a warmed-up list allocates nothing.
/// </summary>
public sealed class RectList
{
    private Rect[] _items;
    private int _count;

    public RectList(int capacity = 16)
    {
        _items = new Rect[capacity < 4 ? 4 : capacity];
    }

    public int Count => _count;

    public Rect this[int index] => _items[index];

    public void Clear() => _count = 0;

    public void Add(Rect rect)
    {
        if (rect.IsEmpty)
            return;
        if (_count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = rect;
    }

    /// <summary>Removes the item at <paramref name="index"/> by moving the last one into its place (order is not kept).</summary>
    public void RemoveAtSwap(int index)
    {
        _count--;
        _items[index] = _items[_count];
    }

    public void Set(int index, Rect rect) => _items[index] = rect;

    /// <summary>
    /// Removes <paramref name="hole"/> from every rectangle of the list, keeping them disjoint
    /// if they were.
    /// </summary>
    public void Subtract(Rect hole)
    {
        Span<Rect> pieces = stackalloc Rect[4];
        int end = _count;
        for (int i = 0; i < end;)
        {
            Rect item = _items[i];
            if (!item.Intersects(hole))
            {
                i++;
                continue;
            }
            int count = item.Subtract(hole, pieces);
            // The item goes; its pieces go to the end (already past the hole, so not revisited).
            _items[i] = _items[end - 1];
            _items[end - 1] = _items[_count - 1];
            _count--;
            end--;
            for (int p = 0; p < count; p++)
                Add(pieces[p]);
        }
    }

    public long Area
    {
        get
        {
            long area = 0;
            for (int i = 0; i < _count; i++)
                area += _items[i].Area;
            return area;
        }
    }
}
