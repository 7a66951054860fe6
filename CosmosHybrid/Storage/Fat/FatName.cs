using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Rules for the names a user gives to files: which long names are legal and how
/// names compare (FAT lookups ignore case but keep the case that was written).
/// </summary>
internal static class FatName
{
    /// <summary>Longest long name, in UTF-16 code units.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Checks a single path component for use as a new long name: 1-255 code units, not
    /// "." or "..", no control characters, none of <c>" * / : &lt; &gt; ? \ |</c>, and no
    /// trailing dot or space (Windows would silently strip them, making the name unreachable).
    /// </summary>
    public static StorageError Validate(string name)
    {
        if (name == null || name.Length == 0 || name.Length > MaxLength)
        {
            return StorageError.InvalidName;
        }

        if (IsDotOrDotDot(name))
        {
            return StorageError.InvalidName;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c < 0x20 || c == '"' || c == '*' || c == '/' || c == ':' || c == '<' || c == '>'
                || c == '?' || c == '\\' || c == '|')
            {
                return StorageError.InvalidName;
            }
        }

        char lastChar = name[name.Length - 1];
        return lastChar == '.' || lastChar == ' ' ? StorageError.InvalidName : StorageError.Ok;
    }

    /// <summary>True for "." and "..".</summary>
    public static bool IsDotOrDotDot(string name) =>
        (name.Length == 1 && name[0] == '.') || (name.Length == 2 && name[0] == '.' && name[1] == '.');

    /// <summary>
    /// Compares two names ignoring case. Case folding covers ASCII and Latin-1 letters;
    /// other characters must match exactly.
    /// </summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> stored, string name)
    {
        if (stored.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < stored.Length; i++)
        {
            if (FoldCase(stored[i]) != FoldCase(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maps a lower-case ASCII or Latin-1 letter to upper case.</summary>
    public static char FoldCase(char c)
    {
        if (c >= 'a' && c <= 'z')
        {
            return (char)(c - 32);
        }

        // U+00E0-U+00FE map to U+00C0-U+00DE, except the division sign U+00F7.
        if (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7')
        {
            return (char)(c - 32);
        }

        return c;
    }
}
