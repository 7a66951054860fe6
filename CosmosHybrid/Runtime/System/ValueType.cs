using System.Runtime.CompilerServices;
using System.Runtime;
using Internal.Runtime;

namespace System;

/// <summary>
/// Base of all structs. Equals and GetHashCode work field by field, as in .NET: ILC
/// overrides <see cref="__GetFieldHelper"/> in every struct whose fields cannot simply be
/// compared as bytes (reference or floating-point fields, padding, fields that override
/// Equals) and tells it where each field is and what type it has.
/// </summary>
public abstract unsafe class ValueType
{
    // Returned by the base __GetFieldHelper: compare the value's bytes.
    private const int UseFastHelper = -1;

    public override bool Equals(object obj)
    {
        if (obj == null || obj.GetMethodTable() != this.GetMethodTable())
            return false;

        ref byte thisData = ref Unsafe.As<RawData>(this).Data;
        ref byte otherData = ref Unsafe.As<RawData>(obj).Data;

        int fieldCount = __GetFieldHelper(-1, out _);
        if (fieldCount == UseFastHelper)
            return BytesEqual(ref thisData, ref otherData, this.GetMethodTable()->ValueTypeSize);

        for (int i = 0; i < fieldCount; i++)
        {
            int offset = __GetFieldHelper(i, out MethodTable* fieldType);
            ref byte thisField = ref Unsafe.Add(ref thisData, offset);
            ref byte otherField = ref Unsafe.Add(ref otherData, offset);

            if (!fieldType->IsValueTypeKind)
            {
                object a = Unsafe.As<byte, object>(ref thisField);
                object b = Unsafe.As<byte, object>(ref otherField);
                if (a == null ? b != null : !a.Equals(b))
                    return false;
            }
            else if (fieldType->IsIntegralKind)
            {
                if (!BytesEqual(ref thisField, ref otherField, fieldType->ValueTypeSize))
                    return false;
            }
            else if (!RuntimeExports.RhBox(fieldType, ref thisField).Equals(RuntimeExports.RhBox(fieldType, ref otherField)))
            {
                // Floating point (NaN, -0.0) and structs with their own Equals.
                return false;
            }
        }
        return true;
    }

    public override int GetHashCode()
    {
        ref byte data = ref Unsafe.As<RawData>(this).Data;
        int fieldCount = __GetFieldHelper(-1, out _);
        if (fieldCount == UseFastHelper)
            return HashBytes(ref data, this.GetMethodTable()->ValueTypeSize);

        int hash = 17;
        for (int i = 0; i < fieldCount; i++)
        {
            int offset = __GetFieldHelper(i, out MethodTable* fieldType);
            ref byte field = ref Unsafe.Add(ref data, offset);
            int fieldHash;
            if (!fieldType->IsValueTypeKind)
            {
                object value = Unsafe.As<byte, object>(ref field);
                fieldHash = value == null ? 0 : value.GetHashCode();
            }
            else if (fieldType->IsIntegralKind)
            {
                fieldHash = HashBytes(ref field, fieldType->ValueTypeSize);
            }
            else
            {
                fieldHash = RuntimeExports.RhBox(fieldType, ref field).GetHashCode();
            }
            hash = hash * 31 + fieldHash;
        }
        return hash;
    }

    /// <summary>The type's name (a symbol name in the kernel; .NET gives the full type name).</summary>
    public override string ToString() => GetType().Name;

    /// <summary>
    /// With index -1: how many fields the struct has, or <see cref="UseFastHelper"/> when its
    /// bytes can be compared directly. With a field index: the field's byte offset, and its type
    /// (System.Object for every reference type). ILC generates the overrides.
    /// </summary>
    internal virtual int __GetFieldHelper(int index, out MethodTable* fieldType)
    {
        fieldType = null;
        return UseFastHelper;
    }

    private static bool BytesEqual(ref byte a, ref byte b, uint length)
    {
        for (uint i = 0; i < length; i++)
        {
            if (Unsafe.Add(ref a, (nint)i) != Unsafe.Add(ref b, (nint)i))
                return false;
        }
        return true;
    }

    private static int HashBytes(ref byte data, uint length)
    {
        uint hash = 2166136261;
        for (uint i = 0; i < length; i++)
            hash = (hash ^ Unsafe.Add(ref data, (nint)i)) * 16777619;
        return (int)hash;
    }
}
