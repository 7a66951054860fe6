namespace System.Runtime.CompilerServices;

/// <summary>Names the parameters the C# compiler passes to an interpolated string handler's constructor.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
{
    public InterpolatedStringHandlerArgumentAttribute(string argument) { Arguments = new string[] { argument }; }

    public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) { Arguments = arguments; }

    public string[] Arguments { get; }
}
