using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

/// <summary>
/// What the class library reads from a MethodTable to compare, hash and print values
/// without reflection: the primitive kind of a type (also an enum's underlying type)
/// and the unpadded size of a value type's fields.
/// </summary>
internal unsafe partial struct MethodTable
{
    // For types without a component size, the low 16 bits of the flags are ILC's
    // "extended flags"; bits 5..7 hold how many bytes of padding the boxed form adds.
    private const uint ValueTypeFieldPaddingMask = 0xE0;
    private const int ValueTypeFieldPaddingShift = 5;

    /// <summary>ILC's element type code (EETypeElementType): for an enum, that of its underlying type.</summary>
    public ElementKind Kind => (ElementKind)((_flags >> ElementTypeShift) & ElementTypeMask);

    /// <summary>Primitives, enums, structs and nullables (everything that is not a reference).</summary>
    public bool IsValueTypeKind
    {
        get
        {
            ElementKind kind = Kind;
            return kind >= ElementKind.Boolean && kind <= ElementKind.Nullable;
        }
    }

    /// <summary>bool, char and the integer types: equal exactly when their bytes are equal.</summary>
    public bool IsIntegralKind
    {
        get
        {
            ElementKind kind = Kind;
            return kind >= ElementKind.Boolean && kind <= ElementKind.UIntPtr;
        }
    }

    /// <summary>The size of a value type's fields, without the padding its boxed form carries.</summary>
    public uint ValueTypeSize
    {
        get
        {
            uint padding = HasComponentSize ? 0 : (_flags & ValueTypeFieldPaddingMask) >> ValueTypeFieldPaddingShift;
            return _baseSize - (uint)(2 * sizeof(nint)) - padding;
        }
    }

    // Extended flags bits 8..10: log2 of the offset of Nullable<T>.value.
    private const uint NullableValueOffsetMask = 0x700;
    private const int NullableValueOffsetShift = 8;

    public bool IsNullable => Kind == ElementKind.Nullable;

    /// <summary>Where the value of a Nullable&lt;T&gt; starts (after the hasValue flag and padding).</summary>
    public int NullableValueOffset => 1 << (int)((_flags & NullableValueOffsetMask) >> NullableValueOffsetShift);

    /// <summary>The T of a Nullable&lt;T&gt;.</summary>
    public MethodTable* NullableType => SingleTypeArgument;

    /// <summary>The MethodTable of <typeparamref name="T"/> (ILC's synthesized field helpers call this by name).</summary>
    [Intrinsic]
    public static MethodTable* Of<T>() => (MethodTable*)typeof(T).TypeHandle.Value;
}

/// <summary>ILC's element type codes, as stored in bits 26..30 of a MethodTable's flags.</summary>
internal enum ElementKind
{
    Unknown = 0, Void = 1, Boolean = 2, Char = 3, SByte = 4, Byte = 5, Int16 = 6, UInt16 = 7,
    Int32 = 8, UInt32 = 9, Int64 = 10, UInt64 = 11, IntPtr = 12, UIntPtr = 13, Single = 14, Double = 15,
    ValueType = 16, Nullable = 18, Class = 20, Interface = 21, SystemArray = 22, Array = 23, SzArray = 24,
    ByRef = 25, Pointer = 26, FunctionPointer = 27,
}
