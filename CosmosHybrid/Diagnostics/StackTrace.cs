using CosmosHybrid.Memory;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// Walks the frame-pointer chain. ILC gives every method an RBP frame, so
/// [rbp] is the caller's rbp and [rbp+8] the return address. Every frame pointer
/// is checked before it is read, so a corrupt stack ends the walk instead of
/// faulting inside the panic handler. Methods that need no stack frame (small
/// leaves, some methods that only call a throw helper) do not push RBP, so the
/// method that called them can be missing from a trace.
/// </summary>
internal static unsafe class StackTrace
{
    public const int MaxFrames = 32;

    /// <summary>Writes up to <see cref="MaxFrames"/> return addresses, starting at <paramref name="framePointer"/>.</summary>
    public static int Capture(ulong framePointer, ulong* returnAddresses, int capacity)
    {
        int count = 0;
        ulong previous = 0;
        while (count < capacity && IsPlausibleFrame(framePointer) && framePointer > previous)
        {
            ulong* frame = (ulong*)framePointer;
            ulong returnAddress = frame[1];
            if (!AddressSpaceLayout.IsKernelImage(returnAddress))
                break;
            returnAddresses[count++] = returnAddress;
            previous = framePointer;
            framePointer = frame[0];
        }
        return count;
    }

    /// <summary>
    /// True when <paramref name="address"/> lies in the kernel image right after a call
    /// instruction. Used on the word at the top of a faulting stack: methods without
    /// locals get no RBP frame, so their caller is found only there.
    /// </summary>
    public static bool LooksLikeReturnAddress(ulong address)
    {
        if (!AddressSpaceLayout.IsKernelImage(address - 8) || address - AddressSpaceLayout.KernelBase > AddressSpaceLayout.KernelImageWindow)
            return false;
        byte* code = (byte*)address;
        bool relativeCall = code[-5] == 0xE8;                                   // call rel32
        bool indirectCall = code[-6] == 0xFF && code[-5] == 0x15                // call [rip+disp32]
            || code[-2] == 0xFF && (code[-1] & 0xF8) == 0xD0                    // call reg
            || code[-3] == 0xFF && (code[-2] & 0x38) == 0x10;                   // call [reg+disp8]
        return relativeCall || indirectCall;
    }

    private static bool IsPlausibleFrame(ulong address) =>
        (address & 7) == 0 && (AddressSpaceLayout.IsKernelImage(address) || AddressSpaceLayout.IsDirectMapped(address + 15));
}
