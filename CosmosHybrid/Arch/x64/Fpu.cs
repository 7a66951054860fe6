using System.Runtime.InteropServices;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// FPU/SSE/AVX state of threads. With XSAVE the kernel enables x87, SSE and (when
/// present) AVX state in XCR0 and saves it with XSAVEOPT (which skips unmodified
/// components) or XSAVE; CPUs without XSAVE fall back to FXSAVE (x87 and SSE only).
/// Each thread's save area starts as a copy of a clean template.
/// </summary>
internal static unsafe class Fpu
{
    private const byte ModeFxsave = 0;
    private const byte ModeXsave = 1;
    private const byte ModeXsaveOpt = 2;
    private const ulong Xcr0X87 = 1, Xcr0Sse = 2, Xcr0Avx = 4;
    private const int FxsaveAreaSize = 512;

    [DllImport("*", EntryPoint = "fpu_initialize"), SuppressGCTransition]
    private static extern void InitializeHardware(byte mode, ulong xcr0);

    [DllImport("*", EntryPoint = "fpu_save_template"), SuppressGCTransition]
    private static extern void SaveTemplate(byte* area);

    private static byte* s_template;

    /// <summary>Bytes of one save area (64-byte aligned, as XSAVE requires).</summary>
    public static int AreaSize { get; private set; }

    public static string Mode { get; private set; }

    public static void Initialize()
    {
        byte mode = ModeFxsave;
        ulong xcr0 = 0;
        if (CpuFeatures.Xsave)
        {
            mode = CpuFeatures.XsaveOpt ? ModeXsaveOpt : ModeXsave;
            xcr0 = Xcr0X87 | Xcr0Sse | (CpuFeatures.Avx ? Xcr0Avx : 0);
        }
        InitializeHardware(mode, xcr0);

        // CPUID 0xD.0 EBX: the area size for the components now enabled in XCR0.
        int size = mode == ModeFxsave ? FxsaveAreaSize : (int)Cpu.CpuId(0xD, 0).Ebx;
        AreaSize = (size + 63) & ~63;
        Mode = mode == ModeFxsave ? "fxsave" : mode == ModeXsave ? "xsave" : "xsaveopt";

        s_template = (byte*)KernelPages.Allocate(PagesFor(AreaSize));
        SaveTemplate(s_template);
    }

    /// <summary>Fills a new thread's area with the clean state.</summary>
    public static void InitializeArea(byte* area)
    {
        for (int i = 0; i < AreaSize; i += 8)
            *(ulong*)(area + i) = *(ulong*)(s_template + i);
    }

    public static ulong PagesFor(int bytes) => ((ulong)bytes + KernelPages.PageSize - 1) / KernelPages.PageSize;
}
