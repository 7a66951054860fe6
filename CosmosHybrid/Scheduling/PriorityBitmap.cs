using System.Runtime.CompilerServices;

namespace CosmosHybrid.Scheduling;

/// <summary>Bit tricks on the mask of non-empty priority levels (bit n set: level n has a ready thread).</summary>
internal static class PriorityBitmap
{
    /// <summary>
    /// Index of the lowest set bit of a non-zero mask: the highest non-empty priority. The lowest bit
    /// alone is a power of two, exact as a float, whose exponent field is the index: a few
    /// instructions and no branch (the kernel's core library has no BitOperations), on every pick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every pick
    public static unsafe int LowestSetBit(uint mask)
    {
        float lowest = mask & (0u - mask);
        return (int)((*(uint*)&lowest >> 23) - 127);
    }
}
