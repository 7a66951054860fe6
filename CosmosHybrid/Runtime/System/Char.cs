namespace System;

/// <summary>
/// A UTF-16 code unit. Letter, digit and case functions cover ASCII and Latin-1
/// (U+0000..U+00FF); other characters are neither letters nor digits here and keep
/// their case (.NET uses the full Unicode tables). White space is the full Unicode set.
/// </summary>
public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>
{
    private readonly char m_value;

    public const char MaxValue = (char)0xFFFF;
    public const char MinValue = (char)0;

    public int CompareTo(char value) => m_value - value;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is char other)
            return m_value - other;
        throw new ArgumentException("Object must be of type Char.");
    }

    public bool Equals(char obj) => m_value == obj;

    public override bool Equals(object obj) => obj is char other && m_value == other;

    public override int GetHashCode() => m_value | (m_value << 16);

    public override string ToString() => string.FromChar(m_value);

    public static string ToString(char c) => string.FromChar(c);

    public static bool IsAscii(char c) => c <= '\x007f';

    public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiLetterLower(char c) => c >= 'a' && c <= 'z';

    public static bool IsAsciiLetterUpper(char c) => c >= 'A' && c <= 'Z';

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    public static bool IsLetter(char c) => IsAsciiLetter(c) || IsLatin1Lower(c) || IsLatin1Upper(c) || c == '\u00AA' || c == '\u00BA';

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    public static bool IsUpper(char c) => IsAsciiLetterUpper(c) || IsLatin1Upper(c);

    public static bool IsLower(char c) => IsAsciiLetterLower(c) || IsLatin1Lower(c) || c == '\u00AA' || c == '\u00BA';

    /// <summary>The Unicode white-space characters (categories Zs, Zl, Zp, and tab through carriage return, U+0085).</summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= '\u00FF')
            return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085';
        return c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
            || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    public static bool IsControl(char c) => c < ' ' || (c >= '\x007f' && c <= '\x009f');

    public static bool IsPunctuation(char c) => c switch
    {
        '!' or '"' or '#' or '%' or '&' or '\'' or '(' or ')' or '*' or ',' or '-' or '.' or '/' or ':' or ';' or '?' or '@'
            or '[' or '\\' or ']' or '_' or '{' or '}' or '\u00A1' or '\u00A7' or '\u00AB' or '\u00B6' or '\u00B7' or '\u00BB' or '\u00BF' => true,
        _ => false,
    };

    public static bool IsSurrogate(char c) => c >= '\uD800' && c <= '\uDFFF';

    public static bool IsHighSurrogate(char c) => c >= '\uD800' && c <= '\uDBFF';

    public static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';

    public static char ToUpperInvariant(char c)
    {
        if (IsAsciiLetterLower(c) || (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7'))
            return (char)(c - 0x20);
        if (c == '\u00FF')
            return '\u0178';
        return c;
    }

    public static char ToLowerInvariant(char c)
    {
        if (IsAsciiLetterUpper(c) || IsLatin1Upper(c))
            return (char)(c + 0x20);
        return c;
    }

    public static char ToUpper(char c) => ToUpperInvariant(c);

    public static char ToLower(char c) => ToLowerInvariant(c);

    public static char Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length != 1)
            throw new FormatException("String must be exactly one character long.");
        return s[0];
    }

    public static bool TryParse(string s, out char result)
    {
        if (s == null || s.Length != 1)
        {
            result = '\0';
            return false;
        }
        result = s[0];
        return true;
    }

    private static bool IsLatin1Upper(char c) => c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7';

    private static bool IsLatin1Lower(char c) => (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7') || c == '\u00B5';
}
