using System;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>One named conformance case: a method that exercises part of the BCL subset.</summary>
public sealed class ConformanceCase
{
    public ConformanceCase(string name, Action<ConformanceCheck> run)
    {
        Name = name;
        Run = run;
    }

    public string Name { get; }

    public Action<ConformanceCheck> Run { get; }

    public override string ToString() => Name;
}
