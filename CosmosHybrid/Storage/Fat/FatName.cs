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
    /// Checks a single path component for use as a new long name: 1-255 UTF-16 code units
    /// (an emoji takes two), not "." or "..", no control characters, none of
    /// <c>" * / : &lt; &gt; ? \ |</c>, no unpaired surrogate (it has no UTF-8 form), and no
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

            if (c >= '\uD800' && c <= '\uDFFF')
            {
                bool paired = c <= '\uDBFF' && i + 1 < name.Length && name[i + 1] >= '\uDC00' && name[i + 1] <= '\uDFFF';
                if (!paired)
                {
                    return StorageError.InvalidName;
                }

                i++;
            }
        }

        char lastChar = name[name.Length - 1];
        return lastChar == '.' || lastChar == ' ' ? StorageError.InvalidName : StorageError.Ok;
    }

    /// <summary>True for "." and "..".</summary>
    public static bool IsDotOrDotDot(string name) =>
        (name.Length == 1 && name[0] == '.') || (name.Length == 2 && name[0] == '.' && name[1] == '.');

    /// <summary>
    /// Compares two names ignoring case as Windows compares long names: code unit by code
    /// unit through the simple upper-case mapping of the BMP (<see cref="FatUpcase"/>).
    /// </summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> stored, string name)
    {
        if (stored.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < stored.Length; i++)
        {
            char a = stored[i];
            char b = name[i];
            if (a != b && FatUpcase.ToUpper(a) != FatUpcase.ToUpper(b))
            {
                return false;
            }
        }

        return true;
    }
}
