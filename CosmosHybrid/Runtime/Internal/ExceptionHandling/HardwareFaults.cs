using System.Runtime;
using System.Runtime.InteropServices;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// CPU faults in managed code that become exceptions, as NativeAOT does it: a divide
/// error (#DE) is a DivideByZeroException, a page fault below <see cref="NullPageLimit"/>
/// a NullReferenceException (a field or element read through null). The fault handler
/// (ring 0: the kernel's; ring 3: the kernel, on the program's behalf) sends the thread to
/// <see cref="Entry"/>, which dispatches the exception from the faulting frame. Faults
/// elsewhere keep ending the program.
/// </summary>
internal static unsafe class HardwareFaults
{
    public const int NotAnException = -1;
    public const int NullReference = 0;
    public const int DivideByZero = 1;

    /// <summary>Nothing is ever mapped this low, so an access here came from a null reference.</summary>
    public const ulong NullPageLimit = 0x10000;

    private const int DivideErrorVector = 0;
    private const int PageFaultVector = 14;

    [DllImport("*", EntryPoint = "RhpHardwareFaultEntry"), SuppressGCTransition]
    private static extern ulong HardwareFaultEntry();

    [DllImport("*", EntryPoint = "RhpManagedCodeRange"), SuppressGCTransition]
    private static extern void ManagedCodeRange(ulong* start, ulong* end);

    /// <summary>Where a faulting thread resumes: rdi = the kind, rsi = the faulting pc, other registers as they were.</summary>
    public static ulong Entry => HardwareFaultEntry();

    /// <summary>The exception kind for a fault, or <see cref="NotAnException"/>.</summary>
    public static int Classify(int vector, ulong faultAddress)
    {
        if (vector == DivideErrorVector)
            return DivideByZero;
        if (vector == PageFaultVector && faultAddress < NullPageLimit)
            return NullReference;
        return NotAnException;
    }

    /// <summary>The linked image's managed code: [start, end).</summary>
    public static void GetManagedCode(out ulong start, out ulong end)
    {
        ulong s, e;
        ManagedCodeRange(&s, &e);
        start = s;
        end = e;
    }

    /// <summary>True for a pc inside a method (or funclet) ILC compiled into this image.</summary>
    public static bool IsManagedCode(ulong pc)
    {
        GetManagedCode(out ulong start, out ulong end);
        return pc >= start && pc < end;
    }
}
