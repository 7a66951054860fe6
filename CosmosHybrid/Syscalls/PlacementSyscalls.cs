using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Vfs;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>PlaceVolume (177): init's manifest line <c>fs:PATH=ring3</c> (<see cref="VolumeSwitch"/>).</summary>
internal static unsafe class PlacementSyscalls
{
    internal static long PlaceVolume(SyscallFrame* frame, Process process)
    {
        SyscallError error = UserMemory.ReadString(process, frame->Arg1, (long)frame->Arg2, 256, out string path);
        if (error != SyscallError.None)
            return Error(error);
        var placement = (MountPlacement)(long)frame->Arg3;
        if (placement != MountPlacement.Kernel && placement != MountPlacement.RingThree)
            return Error(SyscallError.InvalidArgument);
        if (VfsPath.Combine("/", path, out string canonical) != StorageError.Ok || canonical != path)
            return Error(SyscallError.InvalidArgument);

        PlacementOutcome outcome;
        StorageError result;
        using (KernelFileSystem.Lock())
        {
            if (Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.Devices) != SyscallError.None)
                return Error(SyscallError.Denied);
            result = VolumeSwitch.Place(path, placement, out outcome);
        }
        if (result != StorageError.Ok)
            return Error(FileSyscalls.ToSyscallError(result));
        if (outcome == PlacementOutcome.Moved)
            KernelLog.WriteLine("vfs: " + path + " unmounted by the kernel (written back), its disk set aside for ring 3 (process "
                + process.Id.ToString() + " asked)");
        return (long)outcome;
    }
}
