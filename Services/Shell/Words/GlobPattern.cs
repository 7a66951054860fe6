namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// Matches one path component against a glob pattern as POSIX <c>fnmatch</c> does for file
/// names: <c>*</c> any run of characters, <c>?</c> one character, <c>[...]</c> one character
/// of a set (ranges <c>a-z</c>, negation with <c>!</c> or <c>^</c>, a leading <c>]</c> taken
/// literally; a <c>[</c> without its <c>]</c> is literal), <c>\c</c> the character c. A leading
/// '.' of a name must be matched by a literal '.'. Characters are Unicode scalar values: a
/// surrogate pair is one character. Pure: shared with the host tests.
/// </summary>
internal static class GlobPattern
{
    /// <summary>True when <paramref name="pattern"/> has an unescaped '*', '?' or '['.</summary>
    public static bool HasGlob(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '*' || c == '?' || c == '[')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pattern with its escapes removed: the literal text it matches.</summary>
    public static string Unescape(string pattern)
    {
        if (pattern.IndexOf('\\') < 0)
        {
            return pattern;
        }

        var text = new System.Text.StringBuilder(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                i++;
            }

            text.Append(pattern[i]);
        }

        return text.ToString();
    }

    /// <summary>True when the file name <paramref name="name"/> matches <paramref name="pattern"/>.</summary>
    public static bool Match(string pattern, string name)
    {
        if (name.Length > 0 && name[0] == '.' && !StartsWithLiteralDot(pattern))
        {
            return false;
        }

        int p = 0;
        int s = 0;
        int starPattern = -1;
        int starName = 0;
        while (s < name.Length)
        {
            if (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    p++;
                    starPattern = p;
                    starName = s;
                    continue;
                }

                if (c == '?')
                {
                    p++;
                    s += CharLength(name, s);
                    continue;
                }

                if (c == '[' && TryMatchSet(pattern, p, ScalarAt(name, s), out int afterSet, out bool inSet))
                {
                    if (inSet)
                    {
                        p = afterSet;
                        s += CharLength(name, s);
                        continue;
                    }
                }
                else
                {
                    int length = c == '\\' && p + 1 < pattern.Length ? 2 : 1;
                    if (pattern[p + length - 1] == name[s])
                    {
                        p += length;
                        s++;
                        continue;
                    }
                }
            }

            // Mismatch: let the last '*' take one more character, if there was one.
            if (starPattern < 0)
            {
                return false;
            }

            starName += CharLength(name, starName);
            s = starName;
            p = starPattern;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool StartsWithLiteralDot(string pattern) =>
        (pattern.Length > 0 && pattern[0] == '.') || (pattern.Length > 1 && pattern[0] == '\\' && pattern[1] == '.');

    // At '[': decides whether 'scalar' is in the set. False when the '[' opens no valid set
    // (no closing ']'), in which case it is an ordinary character.
    private static bool TryMatchSet(string pattern, int open, int scalar, out int afterSet, out bool inSet)
    {
        afterSet = 0;
        inSet = false;
        int i = open + 1;
        bool negate = i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^');
        if (negate)
        {
            i++;
        }

        bool found = false;
        bool first = true;
        while (i < pattern.Length)
        {
            if (pattern[i] == ']' && !first)
            {
                afterSet = i + 1;
                inSet = found != negate;
                return true;
            }

            first = false;
            int low = ReadSetChar(pattern, ref i);
            int high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                high = ReadSetChar(pattern, ref i);
            }

            found |= scalar >= low && scalar <= high;
        }

        return false;
    }

    private static int ReadSetChar(string pattern, ref int i)
    {
        if (pattern[i] == '\\' && i + 1 < pattern.Length)
        {
            i++;
        }

        int scalar = ScalarAt(pattern, i);
        i += CharLength(pattern, i);
        return scalar;
    }

    // A surrogate pair is one character.
    private static int CharLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static int ScalarAt(string text, int i) =>
        CharLength(text, i) == 2 ? 0x10000 + ((text[i] - 0xD800) << 10) + (text[i + 1] - 0xDC00) : text[i];
}
