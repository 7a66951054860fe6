using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>The root of the type hierarchy. Its only field is the MethodTable pointer.</summary>
public partial class Object
{
#pragma warning disable 169, 649
    // The layout ILC expects: the first word of every object is its MethodTable.
    internal unsafe MethodTable* m_pEEType;
#pragma warning restore 169, 649

    public Object() { }

    public virtual bool Equals(object obj) => ReferenceEquals(this, obj);

    // Objects never move, so the address is a stable identity hash.
    public virtual unsafe int GetHashCode()
    {
        object self = this;
        long address = *(long*)Unsafe.AsPointer(ref self);
        return (int)address ^ (int)(address >> 32);
    }

    public virtual string ToString() => "System.Object";

    public static bool ReferenceEquals(object a, object b) => a == b;

    internal unsafe MethodTable* GetMethodTable() => m_pEEType;
}
