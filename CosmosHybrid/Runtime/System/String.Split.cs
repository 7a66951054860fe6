using System.Collections.Generic;

namespace System;

// Split: by characters, by strings, or (with no separators) by white space.
public sealed partial class String
{
    public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) =>
        SplitCore(separator, default, null, null, int.MaxValue, options);

    public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
        SplitCore(separator, default, null, null, count, options);

    /// <summary>With null or no separators, splits at white space.</summary>
    public string[] Split(params char[] separator) => Split(separator, int.MaxValue, StringSplitOptions.None);

    public string[] Split(char[] separator, int count) => Split(separator, count, StringSplitOptions.None);

    public string[] Split(char[] separator, StringSplitOptions options) => Split(separator, int.MaxValue, options);

    public string[] Split(char[] separator, int count, StringSplitOptions options) =>
        separator == null || separator.Length == 0
            ? SplitCore('\0', default, null, null, count, options, whiteSpace: true)
            : SplitCore('\0', separator, null, null, count, options);

    /// <summary>A null or empty separator does not split.</summary>
    public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) =>
        Split(separator, int.MaxValue, options);

    public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
        SplitCore('\0', default, separator ?? Empty, null, count, options);

    /// <summary>With null or only empty separators, splits at white space.</summary>
    public string[] Split(string[] separator, StringSplitOptions options) => Split(separator, int.MaxValue, options);

    public string[] Split(string[] separator, int count, StringSplitOptions options)
    {
        bool anySeparator = false;
        if (separator != null)
        {
            for (int i = 0; i < separator.Length; i++)
                anySeparator |= !IsNullOrEmpty(separator[i]);
        }
        return anySeparator
            ? SplitCore('\0', default, null, separator, count, options)
            : SplitCore('\0', default, null, null, count, options, whiteSpace: true);
    }

    // Exactly one of the separator kinds is in use: a single char (when the others are
    // empty), a char set, one string, a string set, or white space.
    private string[] SplitCore(char separatorChar, ReadOnlySpan<char> separatorChars, string separatorString, string[] separatorStrings,
        int count, StringSplitOptions options, bool whiteSpace = false)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Count cannot be less than zero.");
        if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
            throw new ArgumentException("Value of flags is invalid.", nameof(options));

        bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
        bool trim = (options & StringSplitOptions.TrimEntries) != 0;
        if (count == 0 || (removeEmpty && Length == 0))
            return Array.Empty<string>();

        var pieces = new List<string>();
        int start = 0;
        int position = 0;
        bool noSplitting = count == 1 || (separatorString != null && separatorString.Length == 0);
        while (!noSplitting && position < Length)
        {
            int separatorLength = SeparatorLengthAt(position, separatorChar, separatorChars, separatorString, separatorStrings, whiteSpace);
            if (separatorLength == 0)
            {
                position++;
                continue;
            }

            ReadOnlySpan<char> piece = this.AsSpan().Slice(start, position - start);
            if (trim)
                piece = piece.Trim();
            if (!piece.IsEmpty || !removeEmpty)
                pieces.Add(piece.ToString());
            position += separatorLength;
            start = position;

            if (pieces.Count == count - 1)
            {
                // The rest is the last piece; with RemoveEmptyEntries, empty pieces before it are skipped.
                if (removeEmpty)
                    start = SkipEmptyPieces(start, separatorChar, separatorChars, separatorString, separatorStrings, whiteSpace, trim);
                break;
            }
        }

        ReadOnlySpan<char> last = this.AsSpan().Slice(start);
        if (trim)
            last = last.Trim();
        if (!last.IsEmpty || !removeEmpty)
            pieces.Add(start == 0 && !trim ? this : last.ToString());
        return pieces.ToArray();
    }

    private int SkipEmptyPieces(int start, char separatorChar, ReadOnlySpan<char> separatorChars, string separatorString, string[] separatorStrings,
        bool whiteSpace, bool trim)
    {
        int position = start;
        while (position < Length)
        {
            int separatorLength = SeparatorLengthAt(position, separatorChar, separatorChars, separatorString, separatorStrings, whiteSpace);
            if (separatorLength == 0)
            {
                position++;
                continue;
            }
            ReadOnlySpan<char> piece = this.AsSpan().Slice(start, position - start);
            if (trim)
                piece = piece.Trim();
            if (!piece.IsEmpty)
                break;
            position += separatorLength;
            start = position;
        }
        return start;
    }

    private int SeparatorLengthAt(int position, char separatorChar, ReadOnlySpan<char> separatorChars, string separatorString, string[] separatorStrings,
        bool whiteSpace)
    {
        char c = this[position];
        if (whiteSpace)
            return char.IsWhiteSpace(c) ? 1 : 0;
        if (separatorString != null)
            return this.AsSpan().Slice(position).StartsWith(separatorString.AsSpan()) ? separatorString.Length : 0;
        if (separatorStrings != null)
        {
            // The first separator in the array that matches wins, as in .NET.
            for (int i = 0; i < separatorStrings.Length; i++)
            {
                string separator = separatorStrings[i];
                if (!IsNullOrEmpty(separator) && this.AsSpan().Slice(position).StartsWith(separator.AsSpan()))
                    return separator.Length;
            }
            return 0;
        }
        if (!separatorChars.IsEmpty)
            return separatorChars.IndexOf(c) >= 0 ? 1 : 0;
        return c == separatorChar ? 1 : 0;
    }
}
