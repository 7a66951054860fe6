using System.Collections.Generic;

namespace System;

/// <summary>
/// Ordinal string comparers for collections: <c>new Dictionary&lt;string, T&gt;(StringComparer.OrdinalIgnoreCase)</c>.
/// The culture-named comparers are ordinal too (there is only the invariant culture).
/// </summary>
public abstract class StringComparer : IComparer<string>, IEqualityComparer<string>
{
    private static readonly StringComparer s_ordinal = new OrdinalComparer(ignoreCase: false);
    private static readonly StringComparer s_ordinalIgnoreCase = new OrdinalComparer(ignoreCase: true);

    public static StringComparer Ordinal => s_ordinal;

    public static StringComparer OrdinalIgnoreCase => s_ordinalIgnoreCase;

    public static StringComparer InvariantCulture => s_ordinal;

    public static StringComparer InvariantCultureIgnoreCase => s_ordinalIgnoreCase;

    public static StringComparer CurrentCulture => s_ordinal;

    public static StringComparer CurrentCultureIgnoreCase => s_ordinalIgnoreCase;

    public static StringComparer FromComparison(StringComparison comparisonType)
    {
        string.ValidateComparison(comparisonType);
        return ((int)comparisonType & 1) != 0 ? s_ordinalIgnoreCase : s_ordinal;
    }

    public abstract int Compare(string x, string y);

    public abstract bool Equals(string x, string y);

    public abstract int GetHashCode(string obj);

    private sealed class OrdinalComparer : StringComparer
    {
        private readonly bool _ignoreCase;

        public OrdinalComparer(bool ignoreCase) { _ignoreCase = ignoreCase; }

        public override int Compare(string x, string y) =>
            string.Compare(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public override bool Equals(string x, string y) =>
            string.Equals(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public override int GetHashCode(string obj)
        {
            ArgumentNullException.ThrowIfNull(obj);
            return obj.GetHashCode(_ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        public override bool Equals(object obj) => obj is OrdinalComparer other && other._ignoreCase == _ignoreCase;

        public override int GetHashCode() => _ignoreCase ? 1 : 0;
    }
}
