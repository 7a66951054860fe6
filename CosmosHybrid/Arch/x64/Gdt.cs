using System.Runtime.InteropServices;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// The global descriptor table and the task-state segment. In long mode segments
/// are flat; the GDT matters for privilege levels (code selectors), for the order
/// SYSRET expects (user data right before user code), and for the TSS, which holds
/// the kernel stack used on entry from ring 3 and the interrupt stacks (IST).
/// </summary>
internal static unsafe class Gdt
{
    public const ushort KernelCodeSelector = 0x08;
    public const ushort KernelDataSelector = 0x10;
    public const ushort UserDataSelector = 0x18 | 3;
    public const ushort UserCodeSelector = 0x20 | 3;
    public const ushort TaskStateSelector = 0x28;

    /// <summary>Interrupt stack table slots: faults that must not use a possibly broken stack.</summary>
    public const int DoubleFaultStack = 1;
    public const int NonMaskableInterruptStack = 2;
    public const int MachineCheckStack = 3;

    private const int EntryCount = 7; // null, 4 segments, and the TSS (which takes two)
    private const int InterruptStackPages = 4;

    // The TSS is followed by the I/O permission bitmap (one bit per port) and the all-ones
    // byte the CPU may read past its end; the descriptor's limit covers them.
    private const int IoBitmapOffset = 104;
    private const int IoBitmapBytes = 65536 / 8;
    private const uint TaskStateLimit = IoBitmapOffset + IoBitmapBytes;
    private const int TaskStatePages = 3;

    /// <summary>An I/O map base past the segment's limit: every port access from ring 3 faults.</summary>
    private const ushort NoIoBitmap = (ushort)(TaskStateLimit + 1);

    private static ulong* s_entries;
    private static TaskStateSegment* s_tss;

    public static void Initialize()
    {
        s_entries = (ulong*)KernelPages.Allocate(1);
        s_tss = (TaskStateSegment*)KernelPages.Allocate(TaskStatePages);

        s_entries[0] = 0;
        s_entries[1] = 0x00AF9A000000FFFF; // kernel code: present, DPL 0, executable, long mode
        s_entries[2] = 0x00CF92000000FFFF; // kernel data: present, DPL 0, writable
        s_entries[3] = 0x00CFF2000000FFFF; // user data: DPL 3
        s_entries[4] = 0x00AFFA000000FFFF; // user code: DPL 3, long mode
        WriteTaskStateDescriptor(&s_entries[5], (ulong)s_tss, TaskStateLimit);

        s_tss->IoMapBase = NoIoBitmap;
        new System.Span<byte>(IoBitmap, IoBitmapBytes + 1).Fill(0xFF);
        s_tss->Ist1 = AllocateStack();
        s_tss->Ist2 = AllocateStack();
        s_tss->Ist3 = AllocateStack();

        DescriptorTablePointer pointer;
        pointer.Limit = EntryCount * 8 - 1;
        pointer.Base = (ulong)s_entries;
        Cpu.LoadGdt(&pointer, KernelCodeSelector, KernelDataSelector);
        Cpu.LoadTaskRegister(TaskStateSelector);
    }

    /// <summary>The I/O permission bitmap in the TSS (<see cref="IoBitmapBytes"/> + 1 bytes; a clear bit lets ring 3 use the port).</summary>
    public static byte* IoBitmap => (byte*)s_tss + IoBitmapOffset;

    /// <summary>Whether ring 3 is checked against the bitmap (true) or refused every port (false).</summary>
    public static bool IoBitmapOpen
    {
        get => s_tss->IoMapBase == IoBitmapOffset;
        set => s_tss->IoMapBase = value ? (ushort)IoBitmapOffset : NoIoBitmap;
    }

    /// <summary>The stack the CPU switches to when an interrupt arrives in ring 3.</summary>
    public static void SetKernelStack(ulong top) => s_tss->Rsp0 = top;

    private static ulong AllocateStack() =>
        (ulong)KernelPages.Allocate(InterruptStackPages) + InterruptStackPages * KernelPages.PageSize;

    private static void WriteTaskStateDescriptor(ulong* descriptor, ulong baseAddress, uint limit)
    {
        const ulong PresentAvailableTss = 0x89UL << 40;
        descriptor[0] = (limit & 0xFFFF)
            | ((baseAddress & 0xFFFFFF) << 16)
            | PresentAvailableTss
            | (((ulong)limit >> 16 & 0xF) << 48)
            | ((baseAddress >> 24 & 0xFF) << 56);
        descriptor[1] = baseAddress >> 32;
    }
}

/// <summary>The operand of LGDT and LIDT.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal struct DescriptorTablePointer
{
    public ushort Limit;
    public ulong Base;
}

/// <summary>The 64-bit task-state segment (Intel SDM vol. 3, 8.7).</summary>
[StructLayout(LayoutKind.Explicit, Size = 104)]
internal struct TaskStateSegment
{
    [FieldOffset(4)] public ulong Rsp0;
    [FieldOffset(12)] public ulong Rsp1;
    [FieldOffset(20)] public ulong Rsp2;
    [FieldOffset(36)] public ulong Ist1;
    [FieldOffset(44)] public ulong Ist2;
    [FieldOffset(52)] public ulong Ist3;
    [FieldOffset(102)] public ushort IoMapBase;
}
