using System.Runtime.InteropServices;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// C# names for the single instructions in Cpu.asm. The calls are direct: no GC
/// transition is needed because the runtime never moves or stops threads.
/// </summary>
internal static unsafe class Cpu
{
    [DllImport("*", EntryPoint = "cpu_outb"), SuppressGCTransition] public static extern void OutByte(ushort port, byte value);
    [DllImport("*", EntryPoint = "cpu_outw"), SuppressGCTransition] public static extern void OutWord(ushort port, ushort value);
    [DllImport("*", EntryPoint = "cpu_outl"), SuppressGCTransition] public static extern void OutDword(ushort port, uint value);
    [DllImport("*", EntryPoint = "cpu_inb"), SuppressGCTransition] public static extern byte InByte(ushort port);
    [DllImport("*", EntryPoint = "cpu_inw"), SuppressGCTransition] public static extern ushort InWord(ushort port);
    [DllImport("*", EntryPoint = "cpu_inl"), SuppressGCTransition] public static extern uint InDword(ushort port);

    [DllImport("*", EntryPoint = "cpu_read_cr0"), SuppressGCTransition] public static extern ulong ReadCr0();
    [DllImport("*", EntryPoint = "cpu_read_cr2"), SuppressGCTransition] public static extern ulong ReadCr2();
    [DllImport("*", EntryPoint = "cpu_read_cr3"), SuppressGCTransition] public static extern ulong ReadCr3();
    [DllImport("*", EntryPoint = "cpu_read_cr4"), SuppressGCTransition] public static extern ulong ReadCr4();
    [DllImport("*", EntryPoint = "cpu_write_cr3"), SuppressGCTransition] public static extern void WriteCr3(ulong value);

    [DllImport("*", EntryPoint = "cpu_read_msr"), SuppressGCTransition] public static extern ulong ReadMsr(uint msr);
    [DllImport("*", EntryPoint = "cpu_write_msr"), SuppressGCTransition] public static extern void WriteMsr(uint msr, ulong value);
    [DllImport("*", EntryPoint = "cpu_cpuid"), SuppressGCTransition] private static extern void CpuId(uint leaf, uint subleaf, uint* registers);
    [DllImport("*", EntryPoint = "cpu_read_tsc"), SuppressGCTransition] public static extern ulong ReadTimestampCounter();

    [DllImport("*", EntryPoint = "cpu_load_gdt"), SuppressGCTransition] public static extern void LoadGdt(void* pointer, ushort codeSelector, ushort dataSelector);
    [DllImport("*", EntryPoint = "cpu_load_tss"), SuppressGCTransition] public static extern void LoadTaskRegister(ushort selector);
    [DllImport("*", EntryPoint = "cpu_load_idt"), SuppressGCTransition] public static extern void LoadIdt(void* pointer);

    [DllImport("*", EntryPoint = "cpu_enable_interrupts"), SuppressGCTransition] public static extern void EnableInterrupts();
    [DllImport("*", EntryPoint = "cpu_disable_interrupts"), SuppressGCTransition] public static extern void DisableInterrupts();
    [DllImport("*", EntryPoint = "cpu_wait_for_interrupt"), SuppressGCTransition] public static extern void WaitForInterrupt();
    [DllImport("*", EntryPoint = "cpu_halt"), SuppressGCTransition] public static extern void Halt();
    [DllImport("*", EntryPoint = "cpu_read_frame_pointer"), SuppressGCTransition] public static extern ulong ReadFramePointer();
    [DllImport("*", EntryPoint = "cpu_read_rflags"), SuppressGCTransition] public static extern ulong ReadFlags();
    [DllImport("*", EntryPoint = "cpu_invalidate_page"), SuppressGCTransition] public static extern void InvalidatePage(ulong virtualAddress);

    /// <summary>RFLAGS.IF: interrupts are enabled.</summary>
    public const ulong InterruptFlag = 1 << 9;

    /// <summary>
    /// Disables interrupts and returns the previous RFLAGS for <see cref="RestoreInterrupts"/>.
    /// On one CPU this is the kernel's lock: nothing else runs until interrupts come back.
    /// </summary>
    [DllImport("*", EntryPoint = "cpu_disable_interrupts_saving"), SuppressGCTransition]
    public static extern ulong DisableInterruptsSaving();

    /// <summary>Enables interrupts again if they were enabled when <paramref name="savedFlags"/> was taken.</summary>
    public static void RestoreInterrupts(ulong savedFlags)
    {
        if ((savedFlags & InterruptFlag) != 0)
            EnableInterrupts();
    }

    public static CpuIdResult CpuId(uint leaf, uint subleaf = 0)
    {
        CpuIdResult result;
        CpuId(leaf, subleaf, (uint*)&result);
        return result;
    }
}

/// <summary>The four registers CPUID returns.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CpuIdResult
{
    public uint Eax;
    public uint Ebx;
    public uint Ecx;
    public uint Edx;
}
