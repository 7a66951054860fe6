using System.Runtime;

namespace Internal.Runtime;

/// <summary>
/// Transitions ILC wraps around native calls and exported entry points. With a
/// single non-moving heap and no preemptive GC there is nothing to record, so
/// they are empty; they exist because the generated code calls them.
/// </summary>
internal static unsafe class Transitions
{
    [RuntimeExport("RhpPInvoke")]
    public static void PInvoke(void* frame) { }

    [RuntimeExport("RhpPInvokeReturn")]
    public static void PInvokeReturn(void* frame) { }

    [RuntimeExport("RhpReversePInvoke")]
    public static void ReversePInvoke(void* frame) { }

    [RuntimeExport("RhpReversePInvokeReturn")]
    public static void ReversePInvokeReturn(void* frame) { }

    [RuntimeExport("RhpAssignRef")]
    public static void AssignRef(void** destination, void* value) => *destination = value;

    [RuntimeExport("RhpCheckedAssignRef")]
    public static void CheckedAssignRef(void** destination, void* value) => *destination = value;

    [RuntimeExport("RhpGcPoll")]
    public static void GcPoll() { }
}
