using System.Collections.Generic;

namespace System.Runtime.CompilerServices;

/// <summary>Records the element names of tuple types in signatures (emitted by the C# compiler).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field
    | AttributeTargets.Event | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class TupleElementNamesAttribute : Attribute
{
    private readonly string[] _transformNames;

    public TupleElementNamesAttribute(string[] transformNames) { _transformNames = transformNames; }

    public IList<string> TransformNames => _transformNames;
}
