using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Console.Log;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// Faults on purpose (kernel command line <c>panic-test</c>), so the panic report can
/// be seen and tested: it must name <see cref="WriteToUnmappedAddress"/> as the faulting method.
/// </summary>
internal static unsafe class PanicDemonstration
{
    // Unmapped (the boot stub removes the identity map), and above the first 64 KiB, where a
    // fault in C# code would be a NullReferenceException instead of a panic.
    private const ulong UnmappedAddress = 0x0000_1000_0000_0010;

    public static void Run(string kind)
    {
        KernelLog.WriteLine("panic-test: triggering a " + kind + " in ring 0");
        if (kind == "exception")
            ThrowUnhandledException();
        else if (kind == "stack-overflow")
            OverflowAThreadStack();
        else
            WriteToUnmappedAddress((ulong*)UnmappedAddress);
    }

    // On a thread's own kernel stack (the boot stack has no guard), recursing until the guard.
    private static void OverflowAThreadStack()
    {
        Scheduling.Scheduler.Start(Scheduling.Thread.Create("overflow", &RecurseForever, Scheduling.Scheduler.DefaultPriority,
            Memory.Paging.AddressSpaceTags.KernelSlot));
        Scheduling.Scheduler.Block();
    }

    private static void RecurseForever() => Recurse(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth)
    {
        ulong* padding = stackalloc ulong[32];
        padding[depth & 31] = (ulong)depth;
        return Recurse(depth + 1) + (int)padding[depth & 31];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteToUnmappedAddress(ulong* target) => *target = 0xDEAD;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnhandledException() =>
        throw new InvalidOperationException("panic-test: this exception is thrown on purpose");
}
