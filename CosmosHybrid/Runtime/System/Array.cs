using System.Runtime.CompilerServices;

namespace System;

/// <summary>Base of all arrays. The element count sits right after the MethodTable pointer.</summary>
public abstract class Array
{
#pragma warning disable 649, 169
    private int _numComponents;
#pragma warning restore 649, 169

    public int Length => _numComponents;
}

/// <summary>ILC needs this generic base to lay out single-dimensional arrays (T[]).</summary>
public class Array<T> : Array
{
}

/// <summary>Lets code reach the first element of an array of any element type.</summary>
internal sealed class RawArrayData
{
#pragma warning disable 649
    public uint Length;
    public uint Padding;
    public byte Data;
#pragma warning restore 649
}
