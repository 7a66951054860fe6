using Internal.Runtime;

namespace System.Threading;

/// <summary>The time-out that means "wait for ever".</summary>
public static class Timeout
{
    public const int Infinite = -1;

    /// <summary>
    /// What is left of a wait of <paramref name="timeoutMs"/> that ends at <paramref name="deadline"/>
    /// (from <see cref="RuntimeHost.MonotonicMilliseconds"/>): -1 for an endless wait, 0 once it is over.
    /// </summary>
    internal static int Remaining(long deadline, int timeoutMs)
    {
        if (timeoutMs < 0)
            return Infinite;
        if (timeoutMs == 0)
            return 0;
        long left = deadline - RuntimeHost.MonotonicMilliseconds();
        return left <= 0 ? 0 : (int)left;
    }

    internal static void Validate(int millisecondsTimeout)
    {
        if (millisecondsTimeout < -1)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
    }
}
