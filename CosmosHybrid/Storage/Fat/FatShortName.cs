using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The 11-byte 8.3 name field: decoding it for display (OEM code page 437), encoding
/// names that fit as-is, and deriving a unique alias ("LONGFI~1.TXT") for names that do not.
/// </summary>
/// <remarks>
/// Aliases are made as Windows makes them: each character upper-cased and kept when it
/// exists in the OEM code page (437, the default of DOS, mtools and Linux), any other
/// character becomes '_' and the real name lives in the long-name slots. Existing names
/// with OEM bytes are decoded via code page 437.
/// </remarks>
internal static class FatShortName
{
    /// <summary>Bytes of the name field: 8 for the base, 3 for the extension.</summary>
    public const int Length = 11;

    /// <summary>Characters needed to display any 8.3 name ("BASENAME.EXT").</summary>
    public const int MaxDisplayLength = 12;

    // Characters other than A-Z and 0-9 that a short name may contain.
    private const string PunctuationAllowed = "$%'-_@~`!(){}^#&";

    // Code page 437, bytes 0x80-0xFF.
    private const string OemUpperHalf =
        "\u00C7\u00FC\u00E9\u00E2\u00E4\u00E0\u00E5\u00E7\u00EA\u00EB\u00E8\u00EF\u00EE\u00EC\u00C4\u00C5" +
        "\u00C9\u00E6\u00C6\u00F4\u00F6\u00F2\u00FB\u00F9\u00FF\u00D6\u00DC\u00A2\u00A3\u00A5\u20A7\u0192" +
        "\u00E1\u00ED\u00F3\u00FA\u00F1\u00D1\u00AA\u00BA\u00BF\u2310\u00AC\u00BD\u00BC\u00A1\u00AB\u00BB" +
        "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510" +
        "\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567" +
        "\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580" +
        "\u03B1\u00DF\u0393\u03C0\u03A3\u03C3\u00B5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229" +
        "\u2261\u00B1\u2265\u2264\u2320\u2321\u00F7\u2248\u00B0\u2219\u00B7\u221A\u207F\u00B2\u25A0\u00A0";

    /// <summary>
    /// Writes the display form of a name field ("README.TXT", lower-cased where the NT case
    /// flags say so) into <paramref name="destination"/> (at least 12 chars); returns its length.
    /// </summary>
    public static int Format(ReadOnlySpan<byte> name, byte caseFlags, Span<char> destination)
    {
        int baseLength = TrimmedLength(name, 0, 8);
        int extensionLength = TrimmedLength(name, 8, 3);
        int length = 0;
        for (int i = 0; i < baseLength; i++)
        {
            byte b = i == 0 && name[0] == FatShortEntry.EscapedE5 ? FatShortEntry.DeletedMarker : name[i];
            destination[length++] = Decode(b, (caseFlags & FatShortEntry.LowerCaseBase) != 0);
        }

        if (extensionLength > 0)
        {
            destination[length++] = '.';
            for (int i = 0; i < extensionLength; i++)
            {
                destination[length++] = Decode(name[8 + i], (caseFlags & FatShortEntry.LowerCaseExtension) != 0);
            }
        }

        return length;
    }

    /// <summary>The display form of a name field as a new string.</summary>
    public static string ToDisplayString(ReadOnlySpan<byte> name, byte caseFlags)
    {
        Span<char> buffer = stackalloc char[MaxDisplayLength];
        int length = Format(name, caseFlags, buffer);
        return new string(buffer.Slice(0, length));
    }

    /// <summary>
    /// Encodes <paramref name="name"/> when it already is a valid upper-case 8.3 name, so it
    /// needs no long-name slots. Returns false otherwise.
    /// </summary>
    public static bool TryEncodeExact(string name, Span<byte> shortName) =>
        TryEncodeWithCase(name, shortName, out byte caseFlags) && caseFlags == 0;

    /// <summary>
    /// Encodes <paramref name="name"/> when it is a valid 8.3 name of ASCII characters whose
    /// base and extension are each all upper or all lower case ("README.TXT", "lower.txt",
    /// "readme.TXT"), so it needs no long-name slots: the field holds the upper case and
    /// <paramref name="caseFlags"/> the NT flags that show a part in lower case, as Windows
    /// stores such names. Returns false otherwise (the name then takes a long name).
    /// </summary>
    public static bool TryEncodeWithCase(string name, Span<byte> shortName, out byte caseFlags)
    {
        caseFlags = 0;
        if (name.Length == 0 || name.Length > MaxDisplayLength)
        {
            return false;
        }

        int dot = name.IndexOf('.');
        int baseLength = dot < 0 ? name.Length : dot;
        int extensionLength = dot < 0 ? 0 : name.Length - dot - 1;
        if (baseLength == 0 || baseLength > 8 || extensionLength > 3 || (dot >= 0 && extensionLength == 0))
        {
            return false;
        }

        shortName.Slice(0, Length).Fill((byte)' ');
        bool lowerExtension = false;
        if (!TryEncodePart(name.AsSpan(0, baseLength), shortName.Slice(0, 8), out bool lowerBase)
            || (dot >= 0 && !TryEncodePart(name.AsSpan(dot + 1, extensionLength), shortName.Slice(8, 3), out lowerExtension)))
        {
            return false;
        }

        caseFlags = (byte)((lowerBase ? FatShortEntry.LowerCaseBase : 0) | (lowerExtension ? FatShortEntry.LowerCaseExtension : 0));
        return true;
    }

    /// <summary>
    /// Derives the basis of an alias from a long name: upper case, spaces and extra periods
    /// removed, other disallowed characters replaced by '_', base cut to 8 and extension to 3.
    /// Returns true when information was lost, in which case a numeric tail is required.
    /// </summary>
    public static bool CreateBasis(string longName, Span<byte> shortName)
    {
        shortName.Slice(0, Length).Fill((byte)' ');
        int start = 0;
        while (start < longName.Length && longName[start] == '.')
        {
            start++;
        }

        int lastDot = -1;
        for (int i = longName.Length - 1; i >= start; i--)
        {
            if (longName[i] == '.')
            {
                lastDot = i;
                break;
            }
        }

        bool lossy = start > 0;
        int baseEnd = lastDot >= 0 ? lastDot : longName.Length;
        int baseLength = 0;
        for (int i = start; i < baseEnd; i++)
        {
            char c = longName[i];
            if (c == ' ' || c == '.')
            {
                lossy = true;
                continue;
            }

            byte mapped = MapToShortChar(c, ref lossy);
            if (baseLength < 8)
            {
                shortName[baseLength++] = mapped;
            }
            else
            {
                lossy = true;
            }
        }

        if (lastDot >= 0)
        {
            int extensionLength = 0;
            for (int i = lastDot + 1; i < longName.Length; i++)
            {
                char c = longName[i];
                if (c == ' ')
                {
                    lossy = true;
                    continue;
                }

                byte mapped = MapToShortChar(c, ref lossy);
                if (extensionLength < 3)
                {
                    shortName[8 + extensionLength++] = mapped;
                }
                else
                {
                    lossy = true;
                }
            }
        }

        if (baseLength == 0)
        {
            shortName[0] = (byte)'_';
            lossy = true;
        }

        if (shortName[0] == FatShortEntry.DeletedMarker)
        {
            shortName[0] = FatShortEntry.EscapedE5;
        }

        return lossy;
    }

    /// <summary>
    /// Turns a basis into an alias with numeric tail <paramref name="number"/> (1-999999):
    /// the base is shortened so that "~" and the digits fit in 8 characters.
    /// </summary>
    public static void ApplyNumericTail(Span<byte> shortName, int number)
    {
        int digits = CountDigits(number);
        int keep = Math.Min(TrimmedLength(shortName, 0, 8), 8 - 1 - digits);
        shortName[keep] = (byte)'~';
        for (int i = digits; i > 0; i--)
        {
            shortName[keep + i] = (byte)('0' + number % 10);
            number /= 10;
        }

        for (int i = keep + 1 + digits; i < 8; i++)
        {
            shortName[i] = (byte)' ';
        }
    }

    /// <summary>
    /// Returns the tail number when <paramref name="existing"/> is what
    /// <see cref="ApplyNumericTail"/> makes of <paramref name="basis"/> for some number, else 0.
    /// </summary>
    public static int GetNumericTail(ReadOnlySpan<byte> existing, ReadOnlySpan<byte> basis)
    {
        for (int i = 8; i < Length; i++)
        {
            if (existing[i] != basis[i])
            {
                return 0;
            }
        }

        int existingLength = TrimmedLength(existing, 0, 8);
        int tilde = -1;
        for (int i = existingLength - 1; i >= 0; i--)
        {
            if (existing[i] == '~')
            {
                tilde = i;
                break;
            }
        }

        int digits = existingLength - tilde - 1;
        if (tilde < 0 || digits == 0 || digits > 6 || existing[tilde + 1] == '0')
        {
            return 0;
        }

        int number = 0;
        for (int i = tilde + 1; i < existingLength; i++)
        {
            byte b = existing[i];
            if (b < '0' || b > '9')
            {
                return 0;
            }

            number = number * 10 + (b - '0');
        }

        if (tilde != Math.Min(TrimmedLength(basis, 0, 8), 8 - 1 - digits))
        {
            return 0;
        }

        for (int i = 0; i < tilde; i++)
        {
            if (existing[i] != basis[i])
            {
                return 0;
            }
        }

        return number;
    }

    // One part of an 8.3 name: allowed ASCII characters whose letters are all of one case.
    private static bool TryEncodePart(ReadOnlySpan<char> part, Span<byte> field, out bool lower)
    {
        bool hasLower = false;
        bool hasUpper = false;
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            if (c >= 'a' && c <= 'z')
            {
                hasLower = true;
                c = (char)(c - 32);
            }
            else if (c >= 'A' && c <= 'Z')
            {
                hasUpper = true;
            }
            else if (!IsAllowed(c))
            {
                lower = false;
                return false;
            }

            field[i] = (byte)c;
        }

        lower = hasLower;
        return !(hasLower && hasUpper);
    }

    private static bool IsAllowed(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PunctuationAllowed.IndexOf(c) >= 0;

    // A character of a long name as Windows puts it in an alias: upper-cased, kept when it
    // is allowed in a short name and exists in code page 437, otherwise '_' (lossy).
    private static byte MapToShortChar(char c, ref bool lossy)
    {
        char upper = FatUpcase.ToUpper(c);
        if (IsAllowed(upper))
        {
            return (byte)upper;
        }

        // U+00A0 (byte 0xFF) would read as a space.
        int oem = upper >= 0x80 && upper != '\u00A0' ? OemUpperHalf.IndexOf(upper) : -1;
        if (oem >= 0)
        {
            return (byte)(0x80 + oem);
        }

        lossy = true;
        return (byte)'_';
    }

    private static char Decode(byte b, bool lowerCase)
    {
        if (b >= 0x80)
        {
            return OemUpperHalf[b - 0x80];
        }

        return lowerCase && b >= 'A' && b <= 'Z' ? (char)(b + 32) : (char)b;
    }

    private static int TrimmedLength(ReadOnlySpan<byte> name, int start, int count)
    {
        int length = count;
        while (length > 0 && name[start + length - 1] == ' ')
        {
            length--;
        }

        return length;
    }

    private static int CountDigits(int number)
    {
        int digits = 1;
        while (number >= 10)
        {
            number /= 10;
            digits++;
        }

        return digits;
    }
}
