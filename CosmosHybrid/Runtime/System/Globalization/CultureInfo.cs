namespace System.Globalization;

/// <summary>
/// A culture. Only the invariant culture exists here: formatting and parsing always
/// use "-" as the negative sign and ASCII digits, and <see cref="CurrentCulture"/> is
/// the invariant culture too.
/// </summary>
public sealed class CultureInfo : IFormatProvider
{
    private static CultureInfo s_invariant;

    private CultureInfo() { }

    /// <summary>The culture-independent culture.</summary>
    public static CultureInfo InvariantCulture => s_invariant ??= new CultureInfo();

    /// <summary>The culture of the current thread: always the invariant culture.</summary>
    public static CultureInfo CurrentCulture => InvariantCulture;

    public string Name => "";

    public object GetFormat(Type formatType) => null;
}
