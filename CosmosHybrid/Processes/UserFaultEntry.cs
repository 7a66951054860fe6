using CosmosHybrid.Arch.X64;
using Internal.Runtime.ExceptionHandling;

namespace CosmosHybrid.Processes;

/// <summary>
/// A program's registration (SetFaultEntry): its runtime's exception entry and the range
/// of its compiled C# code. A divide error or a null dereference there resumes the thread
/// at the entry, which raises DivideByZeroException or NullReferenceException; other
/// faults, and these anywhere else, end the process as before.
/// </summary>
internal sealed unsafe class UserFaultEntry
{
    public ulong Entry { get; private set; }
    public ulong CodeStart { get; private set; }
    public ulong CodeEnd { get; private set; }

    public bool Set(ulong entry, ulong codeStart, ulong codeEnd)
    {
        if (entry < UserAddressSpace.UserStart || entry >= UserAddressSpace.UserEnd
            || codeStart < UserAddressSpace.UserStart || codeEnd > UserAddressSpace.UserEnd || codeEnd < codeStart)
            return false;
        Entry = entry;
        CodeStart = codeStart;
        CodeEnd = codeEnd;
        return true;
    }

    public bool TryRedirect(InterruptFrame* frame)
    {
        if (Entry == 0 || frame->Rip < CodeStart || frame->Rip >= CodeEnd)
            return false;
        ulong faultAddress = frame->Vector == ExceptionVector.PageFault ? Cpu.ReadCr2() : 0;
        int kind = HardwareFaults.Classify((int)frame->Vector, faultAddress);
        if (kind == HardwareFaults.NotAnException)
            return false;
        frame->Rdi = (ulong)kind;
        frame->Rsi = frame->Rip;
        frame->Rip = Entry;
        return true;
    }
}
