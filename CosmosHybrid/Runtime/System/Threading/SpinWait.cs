using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// Spinning for a short wait, as .NET's: a few rounds of pause instructions that grow, then
/// yielding the processor (every round from <see cref="YieldThreshold"/> on), so a waiter on one
/// CPU lets the thread it waits for run.
/// </summary>
public struct SpinWait
{
    internal const int YieldThreshold = 10;
    private const int SleepOneEveryHowManyYields = 20;

    private int _count;

    public int Count => _count;

    /// <summary>True when the next <see cref="SpinOnce()"/> gives up the processor instead of spinning.</summary>
    public bool NextSpinWillYield => _count >= YieldThreshold;

    public void SpinOnce() => SpinOnce(SleepOneEveryHowManyYields);

    public void SpinOnce(int sleep1Threshold)
    {
        if (sleep1Threshold < -1)
            throw new ArgumentOutOfRangeException(nameof(sleep1Threshold));
        if (NextSpinWillYield)
        {
            int yields = _count - YieldThreshold;
            if (sleep1Threshold >= 0 && yields >= sleep1Threshold && yields % sleep1Threshold == 0)
                RuntimeHost.SleepThread(1);
            else
                RuntimeHost.SleepThread(0);
        }
        else
        {
            Thread.SpinWait(4 << _count);
        }
        _count = _count == int.MaxValue ? YieldThreshold : _count + 1;
    }

    public void Reset() => _count = 0;

    public static void SpinUntil(Func<bool> condition) => SpinUntil(condition, Timeout.Infinite);

    public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Timeout.Validate(millisecondsTimeout);
        long deadline = millisecondsTimeout > 0 ? RuntimeHost.MonotonicMilliseconds() + millisecondsTimeout : 0;
        var spinner = new SpinWait();
        while (!condition())
        {
            if (Timeout.Remaining(deadline, millisecondsTimeout) == 0)
                return false;
            spinner.SpinOnce();
        }
        return true;
    }
}
