using Internal.Runtime;

namespace System;

/// <summary>
/// A type at run time. Names come from the symbol table the kernel loads
/// (there is no reflection metadata), so Name may be a mangled symbol name or "?".
/// </summary>
public abstract class Type
{
    public abstract string Name { get; }
}

internal sealed unsafe class RuntimeType : Type
{
    private readonly MethodTable* _methodTable;

    internal RuntimeType(MethodTable* methodTable) { _methodTable = methodTable; }

    public override string Name => RuntimeHost.DescribeType(_methodTable);
}

public partial class Object
{
    public unsafe Type GetType() => new RuntimeType(m_pEEType);
}
