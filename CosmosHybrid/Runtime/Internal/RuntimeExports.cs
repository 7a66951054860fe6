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
        // A Nullable<T> boxes to null when empty, else to a boxed T.
        if (type->IsNullable)
        {
            if (data == 0)
                return null;
            data = ref Unsafe.Add(ref data, type->NullableValueOffset);
            type = type->NullableType;
        }
        object box = Allocator.NewObject(type);
        // Copy the value's own bytes only: the box may be padded beyond them.
        SpanHelpers.Memmove(ref Unsafe.As<RawData>(box).Data, ref data, type->ValueTypeSize);
        return box;
    }

    /// <summary>Unboxes into a Nullable&lt;T&gt;: null gives an empty value, a boxed T a full one.</summary>
    public static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
    {
        MethodTable* valueType = type->NullableType;
        if (obj != null && TypeOf(obj) != valueType)
            ThrowHelpers.ThrowInvalidCastException();
        SpanHelpers.ClearWithoutReferences(ref data, type->ValueTypeSize);
        if (obj == null)
            return;
        data = 1;
        SpanHelpers.Memmove(ref Unsafe.Add(ref data, type->NullableValueOffset), ref Unsafe.As<RawData>(obj).Data, valueType->ValueTypeSize);
    }

    private static MethodTable* TypeOf(object obj) => **(MethodTable***)Unsafe.AsPointer(ref obj);

    /// <summary>Gives access to the first field of any object.</summary>
    private sealed class RawData
    {
        public byte Data;
    }
}
