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
        handle.Value == 0 ? null : new RuntimeType((MethodTable*)handle.Value);

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

    internal RuntimeType(MethodTable* methodTable) { _methodTable = methodTable; }

    public override string Name => RuntimeHost.DescribeType(_methodTable);

    public override RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle((nint)_methodTable);
}

public partial class Object
{
    public unsafe Type GetType() => new RuntimeType(m_pEEType);
}
