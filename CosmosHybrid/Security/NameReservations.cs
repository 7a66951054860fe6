using System.Collections.Generic;
using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Security;

/// <summary>
/// The names currently reserved. Touched with interrupts off, like the handle tables and
/// the name registry it guards. Names nobody reserved stay first come, first served.
/// </summary>
internal static class NameReservations
{
    private static readonly List<NameReservation> s_reservations = new List<NameReservation>();

    /// <summary>A new reservation of <paramref name="name"/>, or null when the name is already reserved.</summary>
    public static NameReservation Reserve(string name)
    {
        if (Find(name) != null)
            return null;
        var reservation = new NameReservation(name);
        s_reservations.Add(reservation);
        return reservation;
    }

    /// <summary>
    /// Whether the holder of <paramref name="handles"/> may register <paramref name="name"/>:
    /// None for an unreserved name, or when <paramref name="reservationHandle"/> is that name's
    /// reservation; Denied otherwise.
    /// </summary>
    public static SyscallError CheckRegister(HandleTable handles, string name, long reservationHandle)
    {
        NameReservation reserved = Find(name);
        if (reserved == null)
            return SyscallError.None;
        if (reservationHandle == 0
            || handles.Lookup(reservationHandle, HandleRights.None, out KernelObject target, out _) != SyscallError.None
            || target != reserved)
            return SyscallError.Denied;
        return SyscallError.None;
    }

    public static void Release(NameReservation reservation) => s_reservations.Remove(reservation);

    private static NameReservation Find(string name)
    {
        for (int i = 0; i < s_reservations.Count; i++)
        {
            if (s_reservations[i].Name == name)
                return s_reservations[i];
        }
        return null;
    }
}
