using System.Runtime;
using Internal.Runtime.GC;

namespace Internal.Runtime;

/// <summary>
/// The allocation entry points ILC's generated code calls. They all end in the
/// garbage-collected heap (<see cref="GCHeap"/>), which hands out zeroed memory.
/// </summary>
internal static unsafe class Allocator
{
    [RuntimeExport("RhpNewFast")]
    public static object NewObject(MethodTable* type) => GCHeap.AllocateObject(type);

    [RuntimeExport("RhpNewArrayFast")]
    public static object NewArray(MethodTable* type, int length) => GCHeap.AllocateArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    public static object NewPointerArray(MethodTable* type, int length) => GCHeap.AllocateArray(type, length);

    [RuntimeExport("RhpNewArray")]
    public static object NewArrayGeneric(MethodTable* type, int length) => GCHeap.AllocateArray(type, length);

    public static object AllocateArray(MethodTable* type, int length) => GCHeap.AllocateArray(type, length);
}
