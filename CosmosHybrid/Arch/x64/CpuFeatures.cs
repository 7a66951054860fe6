namespace CosmosHybrid.Arch.X64;

/// <summary>
/// Optional CPU features, read once with CPUID. QEMU's default qemu64 CPU lacks
/// several (PCID, SMEP, SMAP, XSAVE); `-cpu max` has them. Everything that uses
/// one checks here first and has a fallback.
/// </summary>
internal static class CpuFeatures
{
    public static bool NoExecute { get; private set; }
    public static bool GlobalPages { get; private set; }
    public static bool Pcid { get; private set; }
    public static bool Smep { get; private set; }
    public static bool Smap { get; private set; }
    public static bool Xsave { get; private set; }
    public static bool XsaveOpt { get; private set; }
    public static bool Avx { get; private set; }
    public static bool Syscall { get; private set; }
    /// <summary>The page attribute table: page-table bits can select write-combining.</summary>
    public static bool Pat { get; private set; }

    public static void Detect()
    {
        CpuIdResult basic = Cpu.CpuId(0);
        CpuIdResult leaf1 = Cpu.CpuId(1);
        GlobalPages = (leaf1.Edx & (1u << 13)) != 0;
        Pat = (leaf1.Edx & (1u << 16)) != 0;
        Pcid = (leaf1.Ecx & (1u << 17)) != 0;
        Xsave = (leaf1.Ecx & (1u << 26)) != 0;
        Avx = (leaf1.Ecx & (1u << 28)) != 0;

        if (basic.Eax >= 7)
        {
            CpuIdResult leaf7 = Cpu.CpuId(7);
            Smep = (leaf7.Ebx & (1u << 7)) != 0;
            Smap = (leaf7.Ebx & (1u << 20)) != 0;
        }
        if (Xsave && basic.Eax >= 0xD)
            XsaveOpt = (Cpu.CpuId(0xD, 1).Eax & 1) != 0;

        CpuIdResult extended = Cpu.CpuId(0x80000001);
        NoExecute = (extended.Edx & (1u << 20)) != 0;
        Syscall = (extended.Edx & (1u << 11)) != 0;
    }

    /// <summary>"nx pge pcid smep smap xsave xsaveopt avx" for the features present.</summary>
    public static string Describe()
    {
        string text = "";
        text += NoExecute ? "nx " : "";
        text += GlobalPages ? "pge " : "";
        text += Pcid ? "pcid " : "";
        text += Smep ? "smep " : "";
        text += Smap ? "smap " : "";
        text += Xsave ? "xsave " : "fxsave-only ";
        text += XsaveOpt ? "xsaveopt " : "";
        text += Avx ? "avx" : "";
        return text.Trim();
    }
}
