using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>Boxing and unboxing helpers that ILC calls by name.</summary>
internal static unsafe class RuntimeExports
{
    public static ref byte RhUnbox2(MethodTable* type, object obj)
    {
        if (obj == null || TypeOf(obj) != type)
            ThrowHelpers.ThrowInvalidCastException();
        return ref Unsafe.As<RawData>(obj).Data;
    }

    public static object RhBox(MethodTable* type, ref byte data)
    {
        object box = Allocator.NewObject(type);
        uint size = type->BaseSize - (uint)(2 * sizeof(nint)); // minus header word and MethodTable pointer
        SpanHelpers.Memmove(ref Unsafe.As<RawData>(box).Data, ref data, size);
        return box;
    }

    // Unboxing into a Nullable<T> needs the value's offset inside Nullable<T>, which
    // ILC keeps in optional MethodTable data the runtime does not read yet.
    public static void RhUnboxNullable(ref byte data, MethodTable* type, object obj) =>
        RuntimeHost.FailFast("unboxing to Nullable<T> is not supported yet", null);

    private static MethodTable* TypeOf(object obj) => **(MethodTable***)Unsafe.AsPointer(ref obj);

    /// <summary>Gives access to the first field of any object.</summary>
    private sealed class RawData
    {
        public byte Data;
    }
}
