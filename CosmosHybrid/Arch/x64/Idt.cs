using System.Runtime.InteropServices;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// The interrupt descriptor table: all 256 vectors point at the stubs in
/// InterruptStubs.asm, which funnel into <see cref="InterruptDispatcher"/>.
/// </summary>
internal static unsafe class Idt
{
    private const int VectorCount = 256;
    private const byte InterruptGate = 0x8E; // present, DPL 0, 64-bit interrupt gate (clears IF)

    [DllImport("*", EntryPoint = "interrupt_stub_table_address"), SuppressGCTransition]
    private static extern ulong* StubTable();

    public static void Initialize()
    {
        IdtGate* gates = (IdtGate*)KernelPages.Allocate(1);
        ulong* stubs = StubTable();
        for (int vector = 0; vector < VectorCount; vector++)
            gates[vector] = new IdtGate(stubs[vector], Gdt.KernelCodeSelector, InterruptGate, InterruptStackFor(vector));

        DescriptorTablePointer pointer;
        pointer.Limit = VectorCount * 16 - 1;
        pointer.Base = (ulong)gates;
        Cpu.LoadIdt(&pointer);
    }

    // A double fault is often a stack overflow: it must not run on the stack that overflowed.
    private static int InterruptStackFor(int vector) => vector switch
    {
        ExceptionVector.DoubleFault => Gdt.DoubleFaultStack,
        ExceptionVector.NonMaskableInterrupt => Gdt.NonMaskableInterruptStack,
        ExceptionVector.MachineCheck => Gdt.MachineCheckStack,
        _ => 0,
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct IdtGate
    {
        private ushort _offsetLow;
        private ushort _selector;
        private byte _interruptStack;
        private byte _typeAttributes;
        private ushort _offsetMiddle;
        private uint _offsetHigh;
        private uint _reserved;

        public IdtGate(ulong handler, ushort selector, byte typeAttributes, int interruptStack)
        {
            _offsetLow = (ushort)handler;
            _selector = selector;
            _interruptStack = (byte)interruptStack;
            _typeAttributes = typeAttributes;
            _offsetMiddle = (ushort)(handler >> 16);
            _offsetHigh = (uint)(handler >> 32);
            _reserved = 0;
        }
    }
}
