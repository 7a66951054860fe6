namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The simple upper-case mapping of the BMP, which is how Windows compares long names
/// (ignoring case, keeping the case written). The table is generated at build time from
/// .NET's <c>char.ToUpperInvariant</c> (FatUpcaseTable.targets); surrogates map to themselves.
/// </summary>
internal static partial class FatUpcase
{
    // Ranges holds RangeCount records of four chars, sorted by first character and not
    // overlapping: first, last, step, delta. Every character first + k * step up to last
    // upper-cases to itself + delta (modulo 2^16); all others are their own upper case.
    private const int RecordLength = 4;

    /// <summary>The upper case of <paramref name="c"/>.</summary>
    public static char ToUpper(char c)
    {
        if (c < 0x80)
        {
            return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
        }

        int low = 0;
        int high = RangeCount - 1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            int record = middle * RecordLength;
            if (c < Ranges[record])
            {
                high = middle - 1;
            }
            else if (c > Ranges[record + 1])
            {
                low = middle + 1;
            }
            else
            {
                return (c - Ranges[record]) % Ranges[record + 2] == 0 ? (char)(c + Ranges[record + 3]) : c;
            }
        }

        return c;
    }
}
