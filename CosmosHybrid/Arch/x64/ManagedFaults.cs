using CosmosHybrid.Diagnostics;
using Internal.Runtime.ExceptionHandling;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// Ring-0 faults that are C# exceptions: a divide error or a null dereference inside
/// kernel code ILC compiled resumes at the runtime's exception entry, on the same stack,
/// so a `catch` in the kernel sees a DivideByZeroException or NullReferenceException.
/// Every other fault, and these in assembly code, still panic with the report.
/// </summary>
internal static unsafe class ManagedFaults
{
    public static bool TryRaiseException(InterruptFrame* frame)
    {
        if (Panic.InProgress)
            return false;
        ulong faultAddress = frame->Vector == ExceptionVector.PageFault ? Cpu.ReadCr2() : 0;
        int kind = HardwareFaults.Classify((int)frame->Vector, faultAddress);
        if (kind == HardwareFaults.NotAnException || !HardwareFaults.IsManagedCode(frame->Rip))
            return false;
        frame->Rdi = (ulong)kind;
        frame->Rsi = frame->Rip;
        frame->Rip = HardwareFaults.Entry;
        return true;
    }
}
