namespace CosmosHybrid.Diagnostics;

/// <summary>
/// Names for code and type addresses, read from the text symbol map the build makes
/// with `nm -n` (lines "ffffffff80101000 T symbol"), which GRUB loads as a module.
/// Lookups scan the text: they run only when a panic or an exception is reported,
/// and scanning needs no memory beyond the map itself.
/// </summary>
public sealed class SymbolTable
{
    private readonly byte[] _text;
    private readonly string _modulePrefix;

    /// <param name="nmOutput">The text of `nm -n` for one linked image.</param>
    /// <param name="module">ILC's module name, which prefixes every managed symbol ("kernel", "shell"…).</param>
    public SymbolTable(byte[] nmOutput, string module = "kernel")
    {
        _text = nmOutput;
        _modulePrefix = module + "_";
    }

    /// <summary>
    /// Finds the symbol at or below <paramref name="address"/>: the function (or
    /// object) that contains it. Returns false when no symbol lies at or below it.
    /// </summary>
    public bool TryFind(ulong address, out string name, out ulong offset)
    {
        name = null;
        offset = 0;
        ulong bestAddress = 0;
        int bestStart = -1;
        int bestLength = 0;

        int position = 0;
        while (position < _text.Length)
        {
            int lineEnd = position;
            while (lineEnd < _text.Length && _text[lineEnd] != (byte)'\n')
                lineEnd++;

            if (TryParseLine(position, lineEnd, out ulong symbolAddress, out int nameStart)
                && symbolAddress <= address
                && (bestStart < 0 || symbolAddress > bestAddress || (symbolAddress == bestAddress && IsMangledManagedName(nameStart, lineEnd))))
            {
                bestAddress = symbolAddress;
                bestStart = nameStart;
                bestLength = lineEnd - nameStart;
            }
            position = lineEnd + 1;
        }

        if (bestStart < 0)
            return false;

        name = Demangle(Decode(bestStart, bestLength), _modulePrefix);
        offset = address - bestAddress;
        return true;
    }

    /// <summary>
    /// <see cref="TryFind"/> for many addresses in one pass over the map (it is sorted by address, as
    /// `nm -n` writes it): <paramref name="names"/>[i] is the function that contains
    /// <paramref name="sortedAddresses"/>[i], or null. For the profiler, which names hundreds of addresses.
    /// </summary>
    public void FindSorted(ulong[] sortedAddresses, int count, string[] names)
    {
        int next = 0;
        ulong bestAddress = 0;
        int bestStart = -1;
        int bestLength = 0;
        string bestName = null;
        int position = 0;
        while (position < _text.Length && next < count)
        {
            int lineEnd = position;
            while (lineEnd < _text.Length && _text[lineEnd] != (byte)'\n')
                lineEnd++;
            if (TryParseLine(position, lineEnd, out ulong symbolAddress, out int nameStart))
            {
                // Every address below this symbol belongs to the best one so far.
                while (next < count && sortedAddresses[next] < symbolAddress)
                {
                    if (bestStart >= 0)
                        names[next] = bestName ??= Demangle(Decode(bestStart, bestLength), _modulePrefix);
                    next++;
                }
                if (bestStart < 0 || symbolAddress > bestAddress || IsMangledManagedName(nameStart, lineEnd))
                {
                    bestAddress = symbolAddress;
                    bestStart = nameStart;
                    bestLength = lineEnd - nameStart;
                    bestName = null;
                }
            }
            position = lineEnd + 1;
        }
        for (; next < count && bestStart >= 0; next++)
            names[next] = bestName ??= Demangle(Decode(bestStart, bestLength), _modulePrefix);
    }

    /// <summary>"Namespace.Type.Method+0x1c" or the bare hex address.</summary>
    public string Describe(ulong address)
    {
        if (!TryFind(address, out string name, out ulong offset))
            return "0x" + address.ToString("x16");
        return offset == 0 ? name : name + "+0x" + offset.ToString("x");
    }

    /// <summary>
    /// Turns ILC's symbol names into C# names: with <paramref name="modulePrefix"/> "kernel_",
    /// "kernel_CosmosHybrid_Boot_Kernel__Main" becomes "CosmosHybrid.Boot.Kernel.Main" and a
    /// MethodTable's "_ZTV23kernel_System_Exception" becomes "System.Exception". Underscores
    /// inside C# names cannot be told apart from separators, so they come out as dots too.
    /// </summary>
    public static string Demangle(string symbol, string modulePrefix = "kernel_")
    {
        int start = 0;
        if (symbol.StartsWith("_ZTV"))
        {
            start = 4;
            while (start < symbol.Length && symbol[start] >= '0' && symbol[start] <= '9')
                start++;
        }
        if (symbol.Length - start > modulePrefix.Length && symbol.Substring(start, modulePrefix.Length) == modulePrefix)
            start += modulePrefix.Length;

        char[] result = new char[symbol.Length - start];
        int length = 0;
        for (int i = start; i < symbol.Length; i++)
        {
            char c = symbol[i];
            if (c == '_' && i + 1 < symbol.Length && symbol[i + 1] == '_' && length > 0)
            {
                result[length++] = '.';
                i++;
            }
            else
            {
                result[length++] = c == '_' && length > 0 ? '.' : c;
            }
        }
        return new string(result, 0, length);
    }

    // A line is: hex address, space, one type letter, space, name.
    private bool TryParseLine(int start, int end, out ulong address, out int nameStart)
    {
        address = 0;
        nameStart = 0;
        int i = start;
        int digits = 0;
        while (i < end && _text[i] != (byte)' ')
        {
            int digit = HexDigit(_text[i]);
            if (digit < 0 || ++digits > 16)
                return false;
            address = address << 4 | (uint)digit;
            i++;
        }
        if (digits == 0 || i + 3 > end || _text[i + 2] != (byte)' ')
            return false;

        byte kind = _text[i + 1];
        // Text (code) and data symbols; absolute, debug and undefined ones are not addresses of interest.
        bool wanted = kind == (byte)'T' || kind == (byte)'t' || kind == (byte)'D' || kind == (byte)'d'
            || kind == (byte)'R' || kind == (byte)'r' || kind == (byte)'B' || kind == (byte)'b';
        nameStart = i + 3;
        return wanted && nameStart < end;
    }

    // Exported methods have two names at one address (e.g. "kmain" and the managed
    // "kernel_..._Kernel__Main"); the managed one, with its "__" separator, says more.
    private bool IsMangledManagedName(int start, int end)
    {
        for (int i = start; i + 1 < end; i++)
        {
            if (_text[i] == (byte)'_' && _text[i + 1] == (byte)'_' && i > start)
                return true;
        }
        return false;
    }

    private static int HexDigit(byte c)
    {
        if (c >= (byte)'0' && c <= (byte)'9')
            return c - '0';
        if (c >= (byte)'a' && c <= (byte)'f')
            return c - 'a' + 10;
        if (c >= (byte)'A' && c <= (byte)'F')
            return c - 'A' + 10;
        return -1;
    }

    private string Decode(int start, int length)
    {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)_text[start + i];
        return new string(chars);
    }
}
