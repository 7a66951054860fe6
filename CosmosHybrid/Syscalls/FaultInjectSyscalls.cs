using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot;
using CosmosHybrid.Diagnostics.FaultInjection;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The fault-injection system call (numbers 176-183), there only with the boot option <c>faultinject</c>.</summary>
internal static unsafe class FaultInjectSyscalls
{
    /// <summary>
    /// FaultInject(authority, processId, kind, seed) → the <see cref="FaultKind"/> injected. Denied
    /// without the boot option; the authority needs FaultInject; the kernel's own processes and
    /// the caller itself are not targets.
    /// </summary>
    internal static long FaultInject(SyscallFrame* frame, Process process)
    {
        if (!BootOptions.FaultInject)
            return Error(SyscallError.Denied);
        var kind = (FaultKind)(long)frame->Arg2;
        if (!FaultPlan.IsKnown(kind))
            return Error(SyscallError.InvalidArgument);
        SyscallError error;
        using (InterruptsOff.Enter())
            error = Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.FaultInject);
        if (error != SyscallError.None)
            return Error(error);
        long id = (long)frame->Arg1;
        Process target = id <= 0 || id > int.MaxValue ? null : ProcessTable.Find((int)id);
        if (target == null || !target.IsAlive)
            return Error(SyscallError.NotFound);
        if (target == process)
            return Error(SyscallError.InvalidArgument);
        FaultChoice choice = FaultPlan.Choose(frame->Arg3, kind);
        return FaultInjector.Inject(target, choice) ? (long)choice.Kind : Error(SyscallError.NotFound);
    }
}
