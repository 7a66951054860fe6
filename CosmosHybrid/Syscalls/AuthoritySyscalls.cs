using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The system calls that mint things from an authority (numbers 112-127).</summary>
internal static unsafe class AuthoritySyscalls
{
    /// <summary>
    /// NameReserve(authority, name, length) → a reservation handle (with Transfer). The authority
    /// needs ReserveNames; a name reserved already gives Exists.
    /// </summary>
    internal static long NameReserve(SyscallFrame* frame, Process process)
    {
        if (!IpcSyscalls.ReadName(process, frame->Arg1, (long)frame->Arg2, out string name, out SyscallError error))
            return Error(error);
        using (InterruptsOff.Enter())
        {
            error = Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.ReserveNames);
            if (error != SyscallError.None)
                return Error(error);
            NameReservation reservation = NameReservations.Reserve(name);
            if (reservation == null)
                return Error(SyscallError.Exists);
            long handle = process.Handles.Add(reservation, HandleRights.Transfer);
            if (handle == 0)
            {
                NameReservations.Release(reservation);
                return Error(SyscallError.TooManyHandles);
            }
            return handle;
        }
    }
}
