using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>
/// Casting helpers that ILC calls by name for `is`, `as`, casts and array stores.
/// Class casts walk the base-type chain; interface casts scan the interface map.
/// Variance is not supported.
/// </summary>
internal static unsafe class TypeCast
{
    public static object IsInstanceOfClass(MethodTable* target, object obj)
    {
        if (obj == null)
            return null;
        for (MethodTable* type = TypeOf(obj); type != null; type = type->BaseType)
        {
            if (type == target)
                return obj;
        }
        return null;
    }

    public static bool IsInstanceOfException(MethodTable* target, object obj) => IsInstanceOfClass(target, obj) != null;

    public static object IsInstanceOfInterface(MethodTable* target, object obj) =>
        obj != null && ImplementsInterface(TypeOf(obj), target) ? obj : null;

    public static object IsInstanceOfAny(MethodTable* target, object obj) =>
        obj != null && IsAssignableFrom(target, TypeOf(obj)) ? obj : null;

    public static object CheckCastClass(MethodTable* target, object obj) =>
        obj == null || IsInstanceOfClass(target, obj) != null ? obj : ThrowInvalidCast();

    public static object CheckCastInterface(MethodTable* target, object obj) =>
        obj == null || IsInstanceOfInterface(target, obj) != null ? obj : ThrowInvalidCast();

    public static object CheckCastAny(MethodTable* target, object obj) =>
        obj == null || IsInstanceOfAny(target, obj) != null ? obj : ThrowInvalidCast();

    public static object CheckCastClassSpecial(MethodTable* target, object obj) => CheckCastClass(target, obj);

    public static void StelemRef(object[] array, nint index, object obj)
    {
        if ((nuint)index >= (uint)array.Length)
            ThrowHelpers.ThrowIndexOutOfRangeException();
        if (obj != null && !IsAssignableFrom(TypeOf(array)->ElementType, TypeOf(obj)))
            ThrowHelpers.ThrowArrayTypeMismatchException();
        Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<RawArrayData>(array).Data), index) = obj;
    }

    public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
    {
        if ((nuint)index >= (uint)array.Length)
            ThrowHelpers.ThrowIndexOutOfRangeException();
        if (TypeOf(array)->ElementType != elementType)
            ThrowHelpers.ThrowArrayTypeMismatchException();
        return ref Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<RawArrayData>(array).Data), index);
    }

    internal static bool IsAssignableFrom(MethodTable* target, MethodTable* source)
    {
        if (target == source)
            return true;
        if (target->IsInterface)
            return ImplementsInterface(source, target);
        if (source->IsParameterized)
        {
            // A reference-type array is assignable to an array of a base element type.
            return target->IsParameterized && target->ElementType != null && source->ElementType != null
                && !source->ElementType->HasComponentSize && IsAssignableFrom(target->ElementType, source->ElementType)
                && source->BaseSize == target->BaseSize;
        }
        for (MethodTable* type = source->BaseType; type != null; type = type->BaseType)
        {
            if (type == target)
                return true;
        }
        return false;
    }

    private static bool ImplementsInterface(MethodTable* type, MethodTable* itf)
    {
        MethodTable** map = type->InterfaceMap;
        for (int i = 0; i < type->InterfaceCount; i++)
        {
            if (map[i] == itf)
                return true;
        }
        return false;
    }

    private static MethodTable* TypeOf(object obj) => **(MethodTable***)Unsafe.AsPointer(ref obj);

    private static object ThrowInvalidCast()
    {
        ThrowHelpers.ThrowInvalidCastException();
        return null;
    }
}
