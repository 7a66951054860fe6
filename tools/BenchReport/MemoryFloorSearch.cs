using System;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// The smallest memory size (MiB) for which <c>boots</c> holds, by bisection between a size known
/// to be too small or untried (<c>low</c>) and one that must boot (<c>high</c>). Assumes that more
/// memory never breaks a boot that works with less.
/// </summary>
public static class MemoryFloorSearch
{
    /// <summary>The floor in MiB, or null when even <paramref name="high"/> does not boot.</summary>
    public static int? Find(int low, int high, Func<int, bool> boots)
    {
        if (low < 1 || high < low)
            throw new ArgumentOutOfRangeException(nameof(low));
        if (!boots(high))
            return null;
        if (boots(low))
            return low;
        // Invariant: low fails, high boots.
        while (high - low > 1)
        {
            int middle = low + (high - low) / 2;
            if (boots(middle))
                high = middle;
            else
                low = middle;
        }
        return high;
    }
}
