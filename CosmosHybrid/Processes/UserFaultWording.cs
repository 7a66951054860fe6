namespace CosmosHybrid.Processes;

/// <summary>
/// What a ring-3 program's fatal page fault is called in its report, in words its user
/// understands: "out of memory" when the page was the program's own (demand-zero memory)
/// but no frame was left for it, "stack overflow" when the access fell just below a stack,
/// in the unmapped guard gap, with the stack pointer there too. Anything else keeps the CPU's name.
/// </summary>
public static class UserFaultWording
{
    public const string OutOfMemory = "out of memory";
    public const string StackOverflow = "stack overflow";

    /// <summary>
    /// How far below a stack's lowest page a fault still counts as running off it: a frame that
    /// moves the stack pointer down by more than this (a huge stackalloc) jumps the guard.
    /// </summary>
    public const ulong GuardReach = 64 * 1024;

    /// <summary>
    /// True when a fault at <paramref name="faultAddress"/> with the stack pointer at
    /// <paramref name="stackPointer"/> ran off the bottom of the memory that starts at
    /// <paramref name="regionStartAbove"/> (the nearest region above the address, 0 if none).
    /// </summary>
    public static bool IsStackOverflow(ulong faultAddress, ulong stackPointer, ulong regionStartAbove)
    {
        if (regionStartAbove == 0 || faultAddress >= regionStartAbove || regionStartAbove - faultAddress > GuardReach)
            return false;
        // The stack pointer is at or just below the fault (a push, a call, a frame being set up)
        // or a little above it (a store into the frame just made): near the region's bottom either way.
        ulong low = regionStartAbove - GuardReach;
        ulong high = regionStartAbove + GuardReach;
        return stackPointer >= low && stackPointer < high;
    }

    /// <summary>The report's name for the fault: <paramref name="cpuName"/> unless one of the plain-word cases applies.</summary>
    public static string Describe(string cpuName, bool unbackedDemandPage, bool stackOverflow) =>
        unbackedDemandPage ? OutOfMemory : stackOverflow ? StackOverflow : cpuName;
}
