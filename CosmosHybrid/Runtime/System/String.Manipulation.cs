namespace System;

// Making new strings from old ones: Substring, Trim, Pad, Insert, Remove, Replace, case mapping.
public sealed partial class String
{
    public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

    public string Substring(int startIndex, int length)
    {
        if ((uint)startIndex > (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "startIndex cannot be larger than length of string.");
        if ((uint)length > (uint)(Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
        if (length == Length)
            return this;
        return new string(this.AsSpan().Slice(startIndex, length));
    }

    public string Trim() => TrimWhiteSpace(trimStart: true, trimEnd: true);

    public string TrimStart() => TrimWhiteSpace(trimStart: true, trimEnd: false);

    public string TrimEnd() => TrimWhiteSpace(trimStart: false, trimEnd: true);

    public string Trim(char trimChar) => TrimChars(trimChar, default, true, true);

    public string TrimStart(char trimChar) => TrimChars(trimChar, default, true, false);

    public string TrimEnd(char trimChar) => TrimChars(trimChar, default, false, true);

    /// <summary>With null or no characters, trims white space.</summary>
    public string Trim(params char[] trimChars) => trimChars == null || trimChars.Length == 0
        ? Trim()
        : TrimChars('\0', trimChars, true, true);

    public string TrimStart(params char[] trimChars) => trimChars == null || trimChars.Length == 0
        ? TrimStart()
        : TrimChars('\0', trimChars, true, false);

    public string TrimEnd(params char[] trimChars) => trimChars == null || trimChars.Length == 0
        ? TrimEnd()
        : TrimChars('\0', trimChars, false, true);

    private string TrimWhiteSpace(bool trimStart, bool trimEnd)
    {
        int start = 0;
        int end = Length;
        if (trimStart)
        {
            while (start < end && char.IsWhiteSpace(this[start]))
                start++;
        }
        if (trimEnd)
        {
            while (end > start && char.IsWhiteSpace(this[end - 1]))
                end--;
        }
        return Substring(start, end - start);
    }

    // One character to trim, or (when the set is not empty) any of a set.
    private string TrimChars(char single, ReadOnlySpan<char> set, bool trimStart, bool trimEnd)
    {
        int start = 0;
        int end = Length;
        if (trimStart)
        {
            while (start < end && (set.IsEmpty ? this[start] == single : set.IndexOf(this[start]) >= 0))
                start++;
        }
        if (trimEnd)
        {
            while (end > start && (set.IsEmpty ? this[end - 1] == single : set.IndexOf(this[end - 1]) >= 0))
                end--;
        }
        return Substring(start, end - start);
    }

    public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

    public string PadLeft(int totalWidth, char paddingChar)
    {
        if (totalWidth < 0)
            throw new ArgumentOutOfRangeException(nameof(totalWidth), "Non-negative number required.");
        if (totalWidth <= Length)
            return this;
        string result = FastAllocateString(totalWidth);
        Span<char> chars = new Span<char>(ref result._firstChar, totalWidth);
        chars.Slice(0, totalWidth - Length).Fill(paddingChar);
        this.AsSpan().CopyTo(chars.Slice(totalWidth - Length));
        return result;
    }

    public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

    public string PadRight(int totalWidth, char paddingChar)
    {
        if (totalWidth < 0)
            throw new ArgumentOutOfRangeException(nameof(totalWidth), "Non-negative number required.");
        if (totalWidth <= Length)
            return this;
        string result = FastAllocateString(totalWidth);
        Span<char> chars = new Span<char>(ref result._firstChar, totalWidth);
        this.AsSpan().CopyTo(chars);
        chars.Slice(Length).Fill(paddingChar);
        return result;
    }

    public string Insert(int startIndex, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if ((uint)startIndex > (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        return Concat(this.AsSpan().Slice(0, startIndex), value.AsSpan(), this.AsSpan().Slice(startIndex));
    }

    public string Remove(int startIndex)
    {
        if ((uint)startIndex > (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex < 0 ? "StartIndex cannot be less than zero." : "startIndex must be less than length of string.");
        return Substring(0, startIndex);
    }

    public string Remove(int startIndex, int count)
    {
        if (startIndex < 0 || count < 0 || count > Length - startIndex)
            throw new ArgumentOutOfRangeException(startIndex < 0 ? nameof(startIndex) : nameof(count));
        if (count == 0)
            return this;
        return Concat(this.AsSpan().Slice(0, startIndex), this.AsSpan().Slice(startIndex + count));
    }

    public string Replace(char oldChar, char newChar)
    {
        int first = IndexOf(oldChar);
        if (first < 0)
            return this;
        string result = FastAllocateString(Length);
        Span<char> chars = new Span<char>(ref result._firstChar, Length);
        this.AsSpan().CopyTo(chars);
        for (int i = first; i < chars.Length; i++)
        {
            if (chars[i] == oldChar)
                chars[i] = newChar;
        }
        return result;
    }

    /// <summary>Replaces every ordinal occurrence; a null <paramref name="newValue"/> removes them.</summary>
    public string Replace(string oldValue, string newValue) => Replace(oldValue, newValue, StringComparison.Ordinal);

    public string Replace(string oldValue, string newValue, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(oldValue);
        if (oldValue.Length == 0)
            throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
        newValue ??= Empty;

        int count = 0;
        for (int i = IndexOf(oldValue, 0, comparisonType); i >= 0; i = IndexOf(oldValue, i + oldValue.Length, comparisonType))
            count++;
        if (count == 0)
            return this;

        int length = Length + count * (newValue.Length - oldValue.Length);
        if (length == 0)
            return Empty;
        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        int source = 0;
        int written = 0;
        for (int i = IndexOf(oldValue, 0, comparisonType); i >= 0; i = IndexOf(oldValue, i + oldValue.Length, comparisonType))
        {
            this.AsSpan().Slice(source, i - source).CopyTo(chars.Slice(written));
            written += i - source;
            newValue.AsSpan().CopyTo(chars.Slice(written));
            written += newValue.Length;
            source = i + oldValue.Length;
        }
        this.AsSpan().Slice(source).CopyTo(chars.Slice(written));
        return result;
    }

    /// <summary>Upper case by the invariant rules (ASCII and Latin-1 letters; see Char).</summary>
    public string ToUpperInvariant() => MapCase(upper: true);

    public string ToLowerInvariant() => MapCase(upper: false);

    /// <summary>Same as <see cref="ToUpperInvariant"/>: the current culture is the invariant culture.</summary>
    public string ToUpper() => MapCase(upper: true);

    public string ToLower() => MapCase(upper: false);

    private string MapCase(bool upper)
    {
        int first = 0;
        while (first < Length && (upper ? char.ToUpperInvariant(this[first]) : char.ToLowerInvariant(this[first])) == this[first])
            first++;
        if (first == Length)
            return this;
        string result = FastAllocateString(Length);
        Span<char> chars = new Span<char>(ref result._firstChar, Length);
        this.AsSpan().CopyTo(chars);
        for (int i = first; i < chars.Length; i++)
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
        return result;
    }
}
