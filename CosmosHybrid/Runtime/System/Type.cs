using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>
/// A type at run time. Names come from the symbol table the kernel loads
/// (there is no reflection metadata), so Name may be a mangled symbol name or "?".
/// Two <see cref="Type"/> objects are equal when they describe the same type.
/// </summary>
public abstract class Type
{
    public abstract string Name { get; }

    /// <summary>The handle of the type's MethodTable.</summary>
    public abstract RuntimeTypeHandle TypeHandle { get; }

    /// <summary>`typeof(T)` compiles to a token load followed by this call.</summary>
    [Intrinsic]
    public static unsafe Type GetTypeFromHandle(RuntimeTypeHandle handle) =>
        handle.Value == 0 ? null : RuntimeType.Of((MethodTable*)handle.Value);

    public override bool Equals(object o) => o is Type other && other.TypeHandle.Value == TypeHandle.Value;

    public bool Equals(Type o) => o is not null && o.TypeHandle.Value == TypeHandle.Value;

    public override int GetHashCode() => TypeHandle.Value.GetHashCode();

    public override string ToString() => Name;

    [Intrinsic]
    public static bool operator ==(Type left, Type right)
    {
        if ((object)left == right)
            return true;
        if (left is null || right is null)
            return false;
        return left.TypeHandle.Value == right.TypeHandle.Value;
    }

    [Intrinsic]
    public static bool operator !=(Type left, Type right) => !(left == right);
}

internal sealed unsafe class RuntimeType : Type
{
    private readonly MethodTable* _methodTable;

    // Every RuntimeType handed out, so the collector sees the ones kept in WritableData slots.
    private static RuntimeType s_all;
    private RuntimeType _nextOfAll;

    private RuntimeType(MethodTable* methodTable) { _methodTable = methodTable; }

    /// <summary>
    /// The one Type object of a type. The compiler turns `==` on types into a reference
    /// comparison (`x.GetType() == typeof(T)`), so each type must have exactly one; it is
    /// kept in the type's writable slot, published with a compare-exchange.
    /// </summary>
    internal static RuntimeType Of(MethodTable* methodTable)
    {
        nint* slot = methodTable->WritableData;
        if (slot == null)
            return new RuntimeType(methodTable);
        nint existing = *slot;
        if (existing != 0)
            return Unsafe.As<nint, RuntimeType>(ref existing);

        var created = new RuntimeType(methodTable);
        nint createdPointer = Unsafe.As<RuntimeType, nint>(ref created);
        existing = Threading.Interlocked.CompareExchange(ref *slot, createdPointer, 0);
        if (existing != 0)
            return Unsafe.As<nint, RuntimeType>(ref existing);
        ref nint head = ref Unsafe.As<RuntimeType, nint>(ref s_all);
        while (true)
        {
            nint oldHead = head;
            created._nextOfAll = Unsafe.As<nint, RuntimeType>(ref oldHead);
            if (Threading.Interlocked.CompareExchange(ref head, createdPointer, oldHead) == oldHead)
                return created;
        }
    }

    public override string Name => RuntimeHost.DescribeType(_methodTable);

    public override RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle((nint)_methodTable);
}

public partial class Object
{
    public unsafe Type GetType() => RuntimeType.Of(m_pEEType);
}
