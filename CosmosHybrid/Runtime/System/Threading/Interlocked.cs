using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading;

/// <summary>
/// Atomic operations on shared variables, as in .NET: each is one locked instruction, so it is
/// atomic against preemption and against other CPUs. The 32- and 64-bit forms are [Intrinsic], as
/// in .NET's CoreLib: ILC's code generator recognises them by name and emits the locked
/// instruction in place (an uncontended lock then costs no call). Their bodies call the same
/// instruction in RuntimeStubs.asm, for any caller the code generator does not expand.
/// </summary>
public static unsafe class Interlocked
{
    [Intrinsic]
    public static int CompareExchange(ref int location1, int value, int comparand)
    {
        fixed (int* location = &location1)
            return CompareExchange32(location, value, comparand);
    }

    [Intrinsic]
    public static long CompareExchange(ref long location1, long value, long comparand)
    {
        fixed (long* location = &location1)
            return CompareExchange64(location, value, comparand);
    }

    public static nint CompareExchange(ref nint location1, nint value, nint comparand)
    {
        fixed (nint* location = &location1)
            return (nint)CompareExchange64((long*)location, value, comparand);
    }

    [Intrinsic]
    public static int Exchange(ref int location1, int value)
    {
        fixed (int* location = &location1)
            return Exchange32(location, value);
    }

    [Intrinsic]
    public static long Exchange(ref long location1, long value)
    {
        fixed (long* location = &location1)
            return Exchange64(location, value);
    }

    /// <summary>Adds <paramref name="value"/> and returns the new value.</summary>
    public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

    /// <summary>Adds <paramref name="value"/> and returns the new value.</summary>
    public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;

    /// <summary>Adds <paramref name="value"/> and returns the old value (lock xadd; the name is the one the code generator knows).</summary>
    [Intrinsic]
    private static int ExchangeAdd(ref int location1, int value)
    {
        fixed (int* location = &location1)
            return ExchangeAdd32(location, value);
    }

    [Intrinsic]
    private static long ExchangeAdd(ref long location1, long value)
    {
        fixed (long* location = &location1)
            return ExchangeAdd64(location, value);
    }

    public static int Increment(ref int location) => Add(ref location, 1);

    public static long Increment(ref long location) => Add(ref location, 1);

    public static int Decrement(ref int location) => Add(ref location, -1);

    public static long Decrement(ref long location) => Add(ref location, -1);

    [DllImport("*", EntryPoint = "RhpInterlockedCompareExchange32"), SuppressGCTransition]
    private static extern int CompareExchange32(int* location, int value, int comparand);

    [DllImport("*", EntryPoint = "RhpInterlockedCompareExchange64"), SuppressGCTransition]
    private static extern long CompareExchange64(long* location, long value, long comparand);

    [DllImport("*", EntryPoint = "RhpInterlockedExchange32"), SuppressGCTransition]
    private static extern int Exchange32(int* location, int value);

    [DllImport("*", EntryPoint = "RhpInterlockedExchange64"), SuppressGCTransition]
    private static extern long Exchange64(long* location, long value);

    [DllImport("*", EntryPoint = "RhpInterlockedExchangeAdd32"), SuppressGCTransition]
    private static extern int ExchangeAdd32(int* location, int value);

    [DllImport("*", EntryPoint = "RhpInterlockedExchangeAdd64"), SuppressGCTransition]
    private static extern long ExchangeAdd64(long* location, long value);
}
