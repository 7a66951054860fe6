using System;

namespace CosmosHybrid.Services.UI.Geometry;

/// <summary>
/// The part of the screen that must be redrawn: a set of disjoint rectangles clamped to the
/// screen, at most <see cref="Capacity"/> of them. A rectangle that is already covered adds
/// nothing; an overlapping one adds only its uncovered pieces. When the set would grow past
/// its capacity, the new part is merged with the rectangle whose bounds grow least (and
/// whatever that union overlaps), trading a few redrawn pixels for a short list.
/// </summary>
public sealed class DamageRegion
{
    public const int DefaultCapacity = 32;

    private readonly Rect[] _rects;
    private int _count;
    private Rect _screen;

    public DamageRegion(Rect screen, int capacity = DefaultCapacity)
    {
        _screen = screen;
        _rects = new Rect[capacity < 2 ? 2 : capacity];
    }

    public int Capacity => _rects.Length;

    public int Count => _count;

    public Rect this[int index] => _rects[index];

    public bool IsEmpty => _count == 0;

    public Rect Screen => _screen;

    /// <summary>The bounds of the whole region (empty when nothing is damaged).</summary>
    public Rect Bounds
    {
        get
        {
            Rect bounds = default;
            for (int i = 0; i < _count; i++)
                bounds = bounds.Union(_rects[i]);
            return bounds;
        }
    }

    /// <summary>Pixels to redraw (the rectangles are disjoint, so this counts each once).</summary>
    public long Area
    {
        get
        {
            long area = 0;
            for (int i = 0; i < _count; i++)
                area += _rects[i].Area;
            return area;
        }
    }

    public void Clear() => _count = 0;

    /// <summary>A new screen size: everything is damaged again.</summary>
    public void Resize(Rect screen)
    {
        _screen = screen;
        _count = 0;
        Add(screen);
    }

    public void AddAll() => Add(_screen);

    public void Add(Rect rect)
    {
        rect = rect.Intersect(_screen);
        if (rect.IsEmpty)
            return;
        // Pieces of the new rectangle not yet covered, found by subtracting each existing one.
        Span<Rect> pending = stackalloc Rect[4 * 4 + 4];
        Span<Rect> pieces = stackalloc Rect[4];
        pending[0] = rect;
        int pendingCount = 1;
        for (int i = 0; i < _count && pendingCount > 0; i++)
        {
            Rect existing = _rects[i];
            if (existing.Contains(rect))
                return; // already all damaged
            for (int p = 0; p < pendingCount;)
            {
                if (!pending[p].Intersects(existing))
                {
                    p++;
                    continue;
                }
                int made = pending[p].Subtract(existing, pieces);
                pending[p] = pending[pendingCount - 1];
                pendingCount--;
                if (pendingCount + made > pending.Length)
                {
                    // Too fragmented to track piecewise: take the whole rectangle in one merge.
                    AbsorbByMerging(rect);
                    return;
                }
                for (int m = 0; m < made; m++)
                    pending[pendingCount++] = pieces[m];
            }
        }
        int next = 0;
        for (; next < pendingCount && _count < _rects.Length; next++)
            _rects[_count++] = pending[next];
        if (next < pendingCount)
        {
            // Out of room: the pieces left go in one merge (merging them one by one could
            // grow a rectangle over pieces still waiting, which would then overlap it).
            Rect rest = default;
            for (; next < pendingCount; next++)
                rest = rest.Union(pending[next]);
            AbsorbByMerging(rest);
        }
    }

    /// <summary>
    /// Adds <paramref name="rect"/> by growing the existing rectangle whose union with it is
    /// smallest, then folding in every rectangle that union now overlaps (so the set stays disjoint).
    /// </summary>
    private void AbsorbByMerging(Rect rect)
    {
        int best = -1;
        long bestGrowth = long.MaxValue;
        for (int i = 0; i < _count; i++)
        {
            long growth = _rects[i].Union(rect).Area - _rects[i].Area;
            if (growth < bestGrowth)
            {
                bestGrowth = growth;
                best = i;
            }
        }
        Rect merged = best < 0 ? rect : _rects[best].Union(rect);
        if (best >= 0)
            RemoveAt(best);
        // Keep folding until the merged rectangle overlaps nothing left in the set.
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < _count; i++)
            {
                if (_rects[i].Intersects(merged))
                {
                    merged = merged.Union(_rects[i]);
                    RemoveAt(i);
                    changed = true;
                    break;
                }
            }
        }
        _rects[_count++] = merged;
    }

    private void RemoveAt(int index)
    {
        _count--;
        _rects[index] = _rects[_count];
    }
}
