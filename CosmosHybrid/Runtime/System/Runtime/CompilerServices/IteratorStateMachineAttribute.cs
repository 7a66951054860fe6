namespace System.Runtime.CompilerServices;

/// <summary>Marks a method the C# compiler turned into an iterator class (<c>yield return</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class IteratorStateMachineAttribute : Attribute
{
    public IteratorStateMachineAttribute(Type stateMachineType) { StateMachineType = stateMachineType; }

    public Type StateMachineType { get; }
}
