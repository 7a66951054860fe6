using System.Collections.Generic;

namespace System;

/// <summary>The pair behind C# tuple syntax <c>(a, b)</c>.</summary>
public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>, IComparable<ValueTuple<T1, T2>>
{
    public T1 Item1;
    public T2 Item2;

    public ValueTuple(T1 item1, T2 item2)
    {
        Item1 = item1;
        Item2 = item2;
    }

    public readonly bool Equals(ValueTuple<T1, T2> other) =>
        EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2);

    public override readonly bool Equals(object obj) => obj is ValueTuple<T1, T2> other && Equals(other);

    public override readonly int GetHashCode() =>
        HashCode.Combine(Item1 is null ? 0 : Item1.GetHashCode(), Item2 is null ? 0 : Item2.GetHashCode());

    public readonly int CompareTo(ValueTuple<T1, T2> other)
    {
        int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
        return c != 0 ? c : Comparer<T2>.Default.Compare(Item2, other.Item2);
    }

    public override readonly string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ")";
}

/// <summary>The triple behind C# tuple syntax <c>(a, b, c)</c>.</summary>
public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>, IComparable<ValueTuple<T1, T2, T3>>
{
    public T1 Item1;
    public T2 Item2;
    public T3 Item3;

    public ValueTuple(T1 item1, T2 item2, T3 item3)
    {
        Item1 = item1;
        Item2 = item2;
        Item3 = item3;
    }

    public readonly bool Equals(ValueTuple<T1, T2, T3> other) =>
        EqualityComparer<T1>.Default.Equals(Item1, other.Item1)
        && EqualityComparer<T2>.Default.Equals(Item2, other.Item2)
        && EqualityComparer<T3>.Default.Equals(Item3, other.Item3);

    public override readonly bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(
        Item1 is null ? 0 : Item1.GetHashCode(), Item2 is null ? 0 : Item2.GetHashCode(), Item3 is null ? 0 : Item3.GetHashCode());

    public readonly int CompareTo(ValueTuple<T1, T2, T3> other)
    {
        int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
        if (c != 0)
            return c;
        c = Comparer<T2>.Default.Compare(Item2, other.Item2);
        return c != 0 ? c : Comparer<T3>.Default.Compare(Item3, other.Item3);
    }

    public override readonly string ToString() =>
        "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ")";
}
