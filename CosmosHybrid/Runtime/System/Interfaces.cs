namespace System
{
    /// <summary>Releases a resource deterministically (the `using` statement).</summary>
    public interface IDisposable
    {
        void Dispose();
    }

    /// <summary>Value equality with another instance of the same type, without boxing.</summary>
    public interface IEquatable<T>
    {
        bool Equals(T other);
    }

    /// <summary>Orders an instance relative to another of type <typeparamref name="T"/>.</summary>
    public interface IComparable<in T>
    {
        int CompareTo(T other);
    }
}

namespace System.Runtime.InteropServices
{
    /// <summary>Required by ILC to exist in the system module; never implemented here.</summary>
    public unsafe interface IDynamicInterfaceCastable
    {
        // ILC requires this hook to exist; nothing here implements the interface dynamically.
        internal static nint GetDynamicInterfaceImplementation(IDynamicInterfaceCastable instance, Internal.Runtime.MethodTable* interfaceType, ushort slot)
        {
            Internal.Runtime.RuntimeHost.FailFast("dynamic interface casting is not supported", null);
            return 0;
        }
    }
}
