namespace System;

/// <summary>A type's MethodTable, as <c>ldtoken</c> produces it.</summary>
public struct RuntimeTypeHandle
{
    private readonly nint _value;

    internal RuntimeTypeHandle(nint value) => _value = value;

    public nint Value => _value;
}

/// <summary>A method handle, as <c>ldtoken</c> produces it.</summary>
public struct RuntimeMethodHandle
{
    private readonly nint _value;

    internal RuntimeMethodHandle(nint value) => _value = value;

    public nint Value => _value;
}

/// <summary>A field handle, as <c>ldtoken</c> produces it (array initializers use it).</summary>
public struct RuntimeFieldHandle
{
    private readonly nint _value;

    internal RuntimeFieldHandle(nint value) => _value = value;

    public nint Value => _value;
}
