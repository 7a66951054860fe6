namespace System.Runtime.CompilerServices;

/// <summary>Marks a type the C# compiler may use to build an interpolated string piece by piece.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class InterpolatedStringHandlerAttribute : Attribute
{
    public InterpolatedStringHandlerAttribute() { }
}
