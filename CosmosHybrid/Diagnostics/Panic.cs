using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// The kernel's last words. A panic report names what went wrong, the registers
/// and a symbolized stack trace, on the serial line and the screen, then halts the
/// CPU. Only ring-0 faults and kernel errors get here: what ring 3 does must never.
/// </summary>
internal static unsafe class Panic
{
    private static bool s_inProgress;

    /// <summary>Set once the symbol map module is loaded; before that, addresses stay numeric.</summary>
    public static SymbolTable Symbols { get; set; }

    /// <summary>True once a panic report has begun: no fault is turned into an exception then.</summary>
    public static bool InProgress => s_inProgress;

    public static void FromCpuException(InterruptFrame* frame)
    {
        BeginReport();
        int vector = (int)frame->Vector;
        KernelLog.WriteLine("*** KERNEL PANIC: " + ExceptionVector.Name(vector) + ", vector " + vector.ToString());

        string errorDetail = vector == ExceptionVector.PageFault ? " (" + ExceptionVector.DescribePageFault(frame->ErrorCode) + ")" : "";
        KernelLog.WriteLine("error code " + KernelLog.Hex(frame->ErrorCode) + errorDetail);
        // An overflowing kernel stack runs into its guard: usually a double fault, as the
        // CPU cannot push the page fault's frame either (it then switches to the IST stack).
        if ((vector == ExceptionVector.PageFault || vector == ExceptionVector.DoubleFault) && KernelStacks.IsGuardPage(Cpu.ReadCr2()))
            KernelLog.WriteLine("cause: kernel stack overflow (CR2 is in a thread stack's guard area)");
        KernelLog.WriteLine("RIP " + KernelLog.Hex(frame->Rip) + " in " + Describe(frame->Rip, isReturnAddress: false));
        KernelLog.WriteLine("CR2 " + KernelLog.Hex(Cpu.ReadCr2()) + "  CR3 " + KernelLog.Hex(Cpu.ReadCr3()) + "  RFLAGS " + KernelLog.Hex(frame->Rflags));
        KernelLog.WriteLine("CS  " + KernelLog.Hex(frame->Cs) + "  SS  " + KernelLog.Hex(frame->Ss) + "  RSP " + KernelLog.Hex(frame->Rsp));
        WriteRegisterRow("RAX", frame->Rax, "RBX", frame->Rbx, "RCX", frame->Rcx);
        WriteRegisterRow("RDX", frame->Rdx, "RSI", frame->Rsi, "RDI", frame->Rdi);
        WriteRegisterRow("RBP", frame->Rbp, "R8 ", frame->R8, "R9 ", frame->R9);
        WriteRegisterRow("R10", frame->R10, "R11", frame->R11, "R12", frame->R12);
        WriteRegisterRow("R13", frame->R13, "R14", frame->R14, "R15", frame->R15);

        // The faulting method itself is frame #0; its callers follow through RBP. A method
        // without an RBP frame of its own left its caller's return address on top of the stack.
        KernelLog.WriteLine("stack trace:");
        WriteFrame(0, frame->Rip);
        int next = 1;
        ulong stackTop = AddressSpaceLayout.IsKernelImage(frame->Rsp) || AddressSpaceLayout.IsDirectMapped(frame->Rsp) ? *(ulong*)frame->Rsp : 0;
        ulong frameReturn = AddressSpaceLayout.IsKernelImage(frame->Rbp) ? ((ulong*)frame->Rbp)[1] : 0;
        if (stackTop != frameReturn && StackTrace.LooksLikeReturnAddress(stackTop))
            WriteFrame(next++, stackTop, isReturnAddress: true);
        WriteStackTrace(frame->Rbp, next);
        EndReport();
    }

    /// <summary>A fatal kernel error that is not a CPU exception (an unhandled C# exception, out of memory…).</summary>
    public static void Fail(string reason, string detail)
    {
        BeginReport();
        KernelLog.WriteLine("*** KERNEL PANIC: " + reason);
        if (detail != null)
            KernelLog.WriteLine("message: " + detail);
        KernelLog.WriteLine("stack trace:");
        WriteStackTrace(Cpu.ReadFramePointer(), 0);
        EndReport();
    }


    private static void BeginReport()
    {
        Cpu.DisableInterrupts();
        if (s_inProgress)
        {
            // A fault while reporting a fault: say so and stop, rather than recursing.
            KernelLog.WriteLine("*** nested fault during panic; halting");
            Cpu.Halt();
        }
        s_inProgress = true;
        KernelLog.WriteLine("");
    }

    private static void EndReport()
    {
        KernelLog.WriteLine("System halted.");
        if (BootOptions.ExitOnPanic)
            Power.ExitEmulator(Power.PanicExitCode);
        Cpu.Halt();
    }

    private static void WriteRegisterRow(string name1, ulong value1, string name2, ulong value2, string name3, ulong value3) =>
        KernelLog.WriteLine(name1 + " " + KernelLog.Hex(value1) + "  " + name2 + " " + KernelLog.Hex(value2) + "  " + name3 + " " + KernelLog.Hex(value3));

    private static void WriteStackTrace(ulong framePointer, int firstIndex)
    {
        ulong* returnAddresses = stackalloc ulong[StackTrace.MaxFrames];
        int count = StackTrace.Capture(framePointer, returnAddresses, StackTrace.MaxFrames);
        for (int i = 0; i < count; i++)
            WriteFrame(firstIndex + i, returnAddresses[i], isReturnAddress: true);
    }

    private static void WriteFrame(int index, ulong address, bool isReturnAddress = false) =>
        KernelLog.WriteLine("  #" + index.ToString() + " " + KernelLog.Hex(address) + " " + Describe(address, isReturnAddress));

    // A return address points just past the call, which may be the first byte of the
    // next function: look up the byte before it to name the caller.
    private static string Describe(ulong address, bool isReturnAddress)
    {
        if (Symbols == null || !Symbols.TryFind(isReturnAddress ? address - 1 : address, out string name, out ulong offset))
            return "?";
        return name + "+0x" + (isReturnAddress ? offset + 1 : offset).ToString("x");
    }
}
