namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// One function's entry in .eh_frame (an FDE with its CIE), decoded: its code range,
/// its call-frame instructions, and the ILC "LSDA" block that says whether it is a
/// method or a funclet and where its EH clauses are.
/// </summary>
internal unsafe struct UnwindEntry
{
    public ulong Start;
    public ulong End;
    public byte* Lsda;
    public byte* CieInstructions;
    public byte* CieInstructionsEnd;
    public byte* Instructions;
    public byte* InstructionsEnd;
    public ulong CodeAlignment;
    public long DataAlignment;
    public int ReturnAddressRegister;

    /// <summary>Decodes the FDE at <paramref name="fde"/>; false for a CIE or a form this reader does not know.</summary>
    public static bool TryDecode(byte* fde, out UnwindEntry entry)
    {
        entry = default;
        uint length = *(uint*)fde;
        if (length == 0 || length == 0xFFFFFFFF)
            return false;
        byte* idField = fde + 4;
        uint cieOffset = *(uint*)idField;
        if (cieOffset == 0)
            return false;
        byte* cie = idField - cieOffset;
        if (!TryDecodeCie(cie, ref entry, out byte pointerEncoding, out byte lsdaEncoding, out bool hasAugmentationData))
            return false;

        byte* p = idField + 4;
        if (!DwarfReader.TryReadEncoded(ref p, pointerEncoding, out ulong start)
            || !DwarfReader.TryReadEncoded(ref p, (byte)(pointerEncoding & 0x0F), out ulong range))
            return false;
        entry.Start = start;
        entry.End = start + range;
        if (hasAugmentationData)
        {
            ulong augmentationLength = DwarfReader.ReadULeb128(ref p);
            byte* afterAugmentation = p + augmentationLength;
            if (lsdaEncoding != 0xFF && DwarfReader.TryReadEncoded(ref p, lsdaEncoding, out ulong lsda))
                entry.Lsda = (byte*)lsda;
            p = afterAugmentation;
        }
        entry.Instructions = p;
        entry.InstructionsEnd = idField + length;
        return true;
    }

    private static bool TryDecodeCie(byte* cie, ref UnwindEntry entry, out byte pointerEncoding, out byte lsdaEncoding, out bool hasAugmentationData)
    {
        pointerEncoding = 0;
        lsdaEncoding = 0xFF;
        hasAugmentationData = false;
        uint length = *(uint*)cie;
        if (length == 0 || length == 0xFFFFFFFF || *(uint*)(cie + 4) != 0)
            return false;
        byte* p = cie + 8;
        byte version = *p++;
        byte* augmentation = p;
        while (*p != 0)
            p++;
        p++;
        entry.CodeAlignment = DwarfReader.ReadULeb128(ref p);
        entry.DataAlignment = DwarfReader.ReadSLeb128(ref p);
        entry.ReturnAddressRegister = version == 1 ? *p++ : (int)DwarfReader.ReadULeb128(ref p);

        byte* afterAugmentation = p;
        for (byte* a = augmentation; *a != 0; a++)
        {
            switch (*a)
            {
                case (byte)'z':
                    hasAugmentationData = true;
                    ulong augmentationLength = DwarfReader.ReadULeb128(ref p);
                    afterAugmentation = p + augmentationLength;
                    break;
                case (byte)'L':
                    lsdaEncoding = *p++;
                    break;
                case (byte)'R':
                    pointerEncoding = *p++;
                    break;
                case (byte)'P':
                    byte personalityEncoding = *p++;
                    if (!DwarfReader.TryReadEncoded(ref p, personalityEncoding, out _))
                        return false;
                    break;
                default:
                    return false;
            }
        }
        entry.CieInstructions = hasAugmentationData ? afterAugmentation : p;
        entry.CieInstructionsEnd = cie + 4 + length;
        return true;
    }
}
