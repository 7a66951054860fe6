namespace Internal.Runtime.ExceptionHandling;

/// <summary>Reads the variable-length numbers and encoded pointers of DWARF call-frame information.</summary>
internal static unsafe class DwarfReader
{
    public static ulong ReadULeb128(ref byte* p)
    {
        ulong result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = *p++;
            result |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    public static long ReadSLeb128(ref byte* p)
    {
        long result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = *p++;
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0)
            result |= -1L << shift;
        return result;
    }

    /// <summary>
    /// A pointer in the DW_EH_PE encoding <paramref name="encoding"/>: the low nibble is the
    /// format, 0x10 makes it relative to where it is stored. Returns false for what ILC and
    /// ld never emit (indirect, data-, text- or function-relative).
    /// </summary>
    public static bool TryReadEncoded(ref byte* p, byte encoding, out ulong value)
    {
        byte* field = p;
        value = 0;
        switch (encoding & 0x0F)
        {
            case 0x00: value = *(ulong*)p; p += 8; break;
            case 0x01: value = ReadULeb128(ref p); break;
            case 0x02: value = *(ushort*)p; p += 2; break;
            case 0x03: value = *(uint*)p; p += 4; break;
            case 0x04: value = *(ulong*)p; p += 8; break;
            case 0x09: value = (ulong)ReadSLeb128(ref p); break;
            case 0x0A: value = (ulong)(long)*(short*)p; p += 2; break;
            case 0x0B: value = (ulong)(long)*(int*)p; p += 4; break;
            case 0x0C: value = *(ulong*)p; p += 8; break;
            default: return false;
        }
        switch (encoding & 0x70)
        {
            case 0x00: return true;
            case 0x10: value += (ulong)field; return true;
            default: return false;
        }
    }
}
