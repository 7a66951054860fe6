namespace CosmosHybrid.Services.UI.Geometry;

/// <summary>
/// An axis-aligned rectangle of pixels: <see cref="X"/>..<see cref="Right"/> (exclusive) by
/// <see cref="Y"/>..<see cref="Bottom"/> (exclusive). A width or height of zero or less is empty.
/// </summary>
public readonly struct Rect
{
    public Rect(int x, int y, int width, int height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    public int X { get; }

    public int Y { get; }

    public int Width { get; }

    public int Height { get; }

    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Pixels covered (0 when empty); long so that huge rectangles do not wrap.</summary>
    public long Area => IsEmpty ? 0 : (long)Width * Height;

    public static Rect FromEdges(int left, int top, int right, int bottom) => new Rect(left, top, right - left, bottom - top);

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>Whether every pixel of <paramref name="other"/> is inside this one (an empty rectangle is inside anything).</summary>
    public bool Contains(Rect other) =>
        other.IsEmpty || (!IsEmpty && other.X >= X && other.Y >= Y && other.Right <= Right && other.Bottom <= Bottom);

    public bool Intersects(Rect other) =>
        !IsEmpty && !other.IsEmpty && other.X < Right && X < other.Right && other.Y < Bottom && Y < other.Bottom;

    /// <summary>The common part (empty when they do not overlap).</summary>
    public Rect Intersect(Rect other)
    {
        int left = X > other.X ? X : other.X;
        int top = Y > other.Y ? Y : other.Y;
        int right = Right < other.Right ? Right : other.Right;
        int bottom = Bottom < other.Bottom ? Bottom : other.Bottom;
        return right > left && bottom > top ? FromEdges(left, top, right, bottom) : default;
    }

    /// <summary>The smallest rectangle holding both (an empty one adds nothing).</summary>
    public Rect Union(Rect other)
    {
        if (IsEmpty)
            return other.IsEmpty ? default : other;
        if (other.IsEmpty)
            return this;
        int left = X < other.X ? X : other.X;
        int top = Y < other.Y ? Y : other.Y;
        int right = Right > other.Right ? Right : other.Right;
        int bottom = Bottom > other.Bottom ? Bottom : other.Bottom;
        return FromEdges(left, top, right, bottom);
    }

    public Rect Offset(int dx, int dy) => new Rect(X + dx, Y + dy, Width, Height);

    /// <summary>
    /// This rectangle minus <paramref name="hole"/> as at most four disjoint pieces written to
    /// <paramref name="pieces"/> (a band above, one below, then left and right of the hole);
    /// returns how many. Without overlap the piece is this rectangle itself.
    /// </summary>
    public int Subtract(Rect hole, System.Span<Rect> pieces)
    {
        if (IsEmpty)
            return 0;
        Rect overlap = Intersect(hole);
        if (overlap.IsEmpty)
        {
            pieces[0] = this;
            return 1;
        }
        int count = 0;
        if (overlap.Y > Y)
            pieces[count++] = FromEdges(X, Y, Right, overlap.Y);
        if (overlap.Bottom < Bottom)
            pieces[count++] = FromEdges(X, overlap.Bottom, Right, Bottom);
        if (overlap.X > X)
            pieces[count++] = FromEdges(X, overlap.Y, overlap.X, overlap.Bottom);
        if (overlap.Right < Right)
            pieces[count++] = FromEdges(overlap.Right, overlap.Y, Right, overlap.Bottom);
        return count;
    }

    public bool Equals(Rect other) => X == other.X && Y == other.Y && Width == other.Width && Height == other.Height;

    public override bool Equals(object obj) => obj is Rect other && Equals(other);

    public override int GetHashCode() => System.HashCode.Combine(X, Y, Width, Height);

    public static bool operator ==(Rect left, Rect right) => left.Equals(right);

    public static bool operator !=(Rect left, Rect right) => !left.Equals(right);

    public override string ToString() =>
        "(" + X.ToString() + "," + Y.ToString() + " " + Width.ToString() + "x" + Height.ToString() + ")";
}
