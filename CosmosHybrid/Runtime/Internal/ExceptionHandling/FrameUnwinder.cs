namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Runs a function's DWARF call-frame instructions up to a code address and steps its
/// <see cref="RegisterContext"/> to the caller's: the canonical frame address (CFA) is
/// the caller's rsp, the return address and the saved callee-saved registers lie at
/// fixed offsets from it. ILC's prologs need only the basic rules; anything else
/// (expressions, register-to-register rules) makes the step fail, which ends the walk.
/// </summary>
internal static unsafe class FrameUnwinder
{
    private const int RegisterCount = 17;   // DWARF x86-64 numbering: rax..r15, then the return address (16)
    private const int Rbx = 3, Rbp = 6, Rsp = 7, R12 = 12, R13 = 13, R14 = 14, R15 = 15;

    private struct Rules
    {
        public int CfaRegister;
        public long CfaOffset;
        /// <summary>CFA-relative slot of each register; 0 = the register keeps its value.</summary>
        public fixed long Saved[RegisterCount];
    }

    /// <param name="pc">An address inside the function; the rules in force there are used.</param>
    public static bool TryStepToCaller(in UnwindEntry entry, ulong pc, ref RegisterContext context)
    {
        Rules rules = default;
        Rules initial = default;
        if (!Execute(entry.CieInstructions, entry.CieInstructionsEnd, in entry, ulong.MaxValue, ref rules, ref initial, entry.Start))
            return false;
        initial = rules;
        if (!Execute(entry.Instructions, entry.InstructionsEnd, in entry, pc, ref rules, ref initial, entry.Start))
            return false;

        ulong cfaBase;
        if (rules.CfaRegister == Rsp)
            cfaBase = context.Rsp;
        else if (rules.CfaRegister == Rbp)
            cfaBase = context.Rbp;
        else
            return false;
        ulong cfa = cfaBase + (ulong)rules.CfaOffset;
        int ra = entry.ReturnAddressRegister;
        if (ra >= RegisterCount || rules.Saved[ra] == 0 || cfa <= context.Rsp)
            return false;

        RegisterContext caller = context;
        caller.Rip = *(ulong*)(cfa + (ulong)rules.Saved[ra]);
        caller.Rsp = cfa;
        if (rules.Saved[Rbp] != 0) caller.Rbp = *(ulong*)(cfa + (ulong)rules.Saved[Rbp]);
        if (rules.Saved[Rbx] != 0) caller.Rbx = *(ulong*)(cfa + (ulong)rules.Saved[Rbx]);
        if (rules.Saved[R12] != 0) caller.R12 = *(ulong*)(cfa + (ulong)rules.Saved[R12]);
        if (rules.Saved[R13] != 0) caller.R13 = *(ulong*)(cfa + (ulong)rules.Saved[R13]);
        if (rules.Saved[R14] != 0) caller.R14 = *(ulong*)(cfa + (ulong)rules.Saved[R14]);
        if (rules.Saved[R15] != 0) caller.R15 = *(ulong*)(cfa + (ulong)rules.Saved[R15]);
        context = caller;
        return true;
    }

    private static bool Execute(byte* p, byte* end, in UnwindEntry entry, ulong pc, ref Rules rules, ref Rules initial, ulong location)
    {
        Rules remembered = default;
        while (p < end)
        {
            byte op = *p++;
            int operand = op & 0x3F;
            ulong register;
            switch (op & 0xC0)
            {
                case 0x40: // advance_loc
                    location += (ulong)operand * entry.CodeAlignment;
                    if (location > pc)
                        return true;
                    continue;
                case 0x80: // offset
                    if (!SetSaved(ref rules, (ulong)operand, (long)DwarfReader.ReadULeb128(ref p) * entry.DataAlignment))
                        return false;
                    continue;
                case 0xC0: // restore
                    if (operand < RegisterCount)
                        rules.Saved[operand] = initial.Saved[operand];
                    continue;
            }
            switch (op)
            {
                case 0x00: // nop
                    break;
                case 0x02: // advance_loc1
                    location += *p++ * entry.CodeAlignment;
                    if (location > pc)
                        return true;
                    break;
                case 0x03: // advance_loc2
                    location += *(ushort*)p * entry.CodeAlignment;
                    p += 2;
                    if (location > pc)
                        return true;
                    break;
                case 0x04: // advance_loc4
                    location += *(uint*)p * entry.CodeAlignment;
                    p += 4;
                    if (location > pc)
                        return true;
                    break;
                case 0x05: // offset_extended
                    register = DwarfReader.ReadULeb128(ref p);
                    if (!SetSaved(ref rules, register, (long)DwarfReader.ReadULeb128(ref p) * entry.DataAlignment))
                        return false;
                    break;
                case 0x06: // restore_extended
                    register = DwarfReader.ReadULeb128(ref p);
                    if (register < RegisterCount)
                        rules.Saved[(int)register] = initial.Saved[(int)register];
                    break;
                case 0x07: // undefined
                case 0x08: // same_value
                    register = DwarfReader.ReadULeb128(ref p);
                    if (register < RegisterCount)
                        rules.Saved[(int)register] = 0;
                    break;
                case 0x0A: // remember_state (one level is all prologs and epilogs use)
                    remembered = rules;
                    break;
                case 0x0B: // restore_state
                    rules = remembered;
                    break;
                case 0x0C: // def_cfa
                    rules.CfaRegister = (int)DwarfReader.ReadULeb128(ref p);
                    rules.CfaOffset = (long)DwarfReader.ReadULeb128(ref p);
                    break;
                case 0x0D: // def_cfa_register
                    rules.CfaRegister = (int)DwarfReader.ReadULeb128(ref p);
                    break;
                case 0x0E: // def_cfa_offset
                    rules.CfaOffset = (long)DwarfReader.ReadULeb128(ref p);
                    break;
                case 0x11: // offset_extended_sf
                    register = DwarfReader.ReadULeb128(ref p);
                    if (!SetSaved(ref rules, register, DwarfReader.ReadSLeb128(ref p) * entry.DataAlignment))
                        return false;
                    break;
                case 0x12: // def_cfa_sf
                    rules.CfaRegister = (int)DwarfReader.ReadULeb128(ref p);
                    rules.CfaOffset = DwarfReader.ReadSLeb128(ref p) * entry.DataAlignment;
                    break;
                case 0x13: // def_cfa_offset_sf
                    rules.CfaOffset = DwarfReader.ReadSLeb128(ref p) * entry.DataAlignment;
                    break;
                case 0x2E: // GNU_args_size
                    DwarfReader.ReadULeb128(ref p);
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static bool SetSaved(ref Rules rules, ulong register, long offset)
    {
        if (register >= RegisterCount || offset == 0)
            return false;
        rules.Saved[(int)register] = offset;
        return true;
    }
}
