using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>Looking up a handle that must name a port.</summary>
internal static class PortHandles
{
    /// <summary>The port behind <paramref name="handle"/>; <see cref="SyscallError.WrongKind"/> when it names another kind of object.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SyscallError LookupPort(this HandleTable handles, long handle, HandleRights needed, out Port port, out HandleRights rights)
    {
        port = null;
        SyscallError error = handles.Lookup(handle, needed, out KernelObject target, out rights);
        if (error != SyscallError.None)
            return error;
        port = target as Port;
        return port == null ? SyscallError.WrongKind : SyscallError.None;
    }
}
