using System;
using System.Runtime.CompilerServices;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// Faults on purpose (kernel command line <c>panic-test</c>), so the panic report can
/// be seen and tested: it must name <see cref="WriteToUnmappedAddress"/> as the faulting method.
/// </summary>
internal static unsafe class PanicDemonstration
{
    // Page 0 is unmapped: the boot stub removes the identity map.
    private const ulong UnmappedAddress = 0x10;

    public static void Run(string kind)
    {
        KernelLog.WriteLine("panic-test: triggering a " + kind + " in ring 0");
        if (kind == "exception")
            ThrowUnhandledException();
        else
            WriteToUnmappedAddress((ulong*)UnmappedAddress);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteToUnmappedAddress(ulong* target) => *target = 0xDEAD;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnhandledException() =>
        throw new InvalidOperationException("panic-test: this exception is thrown on purpose");
}
