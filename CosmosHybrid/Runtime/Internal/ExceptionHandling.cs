using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

/// <summary>
/// Entry points for `throw`. There is no unwinder: an exception is reported with
/// its type and message and the program ends (a kernel panic in ring 0).
/// </summary>
internal static unsafe class ExceptionHandling
{
    [RuntimeExport("RhpThrowEx")]
    public static void Throw(object exception)
    {
        Exception e = exception as Exception;
        string type = RuntimeHost.DescribeType(**(MethodTable***)Unsafe.AsPointer(ref exception));
        RuntimeHost.FailFast("unhandled exception " + type, e == null ? "(not an Exception)" : e.Message);
    }

    [RuntimeExport("RhpRethrow")]
    public static void Rethrow() => RuntimeHost.FailFast("unhandled exception", "rethrow");
}
