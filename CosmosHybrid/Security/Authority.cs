using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Security;

/// <summary>
/// The right to do privileged things, as a handle. The object itself holds nothing: what
/// a holder may do is the handle's rights (<see cref="HandleRights.PowerOff"/>,
/// <see cref="HandleRights.Devices"/>...). Only the kernel makes one, once, for the first
/// program; from there it is passed on (Transfer), duplicated with fewer rights, closed.
/// Nothing is decided by process id or program name.
/// </summary>
internal sealed class Authority : KernelObject
{
    /// <summary>Every privileged right there is; handed once to the first program.</summary>
    public static Authority Root { get; } = new Authority();

    private Authority()
    {
    }

    /// <summary>
    /// None when <paramref name="handle"/> in <paramref name="handles"/> is an authority holding
    /// <paramref name="needed"/>; otherwise <see cref="SyscallError.Denied"/> (whatever the
    /// reason: no such handle, another kind of object, fewer rights).
    /// </summary>
    public static SyscallError Require(HandleTable handles, long handle, HandleRights needed)
    {
        if (handles.Lookup(handle, needed, out KernelObject target, out _) != SyscallError.None || target is not Authority)
            return SyscallError.Denied;
        return SyscallError.None;
    }
}
