using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The block-device system calls for a ring-3 file server: open the disk the kernel set aside
/// for a mount point, ask its geometry, read and write sector ranges, flush. Results are values
/// or negative <see cref="SyscallError"/>s.
/// </summary>
internal static unsafe class BlockCalls
{
    /// <summary>A handle to the disk set aside for <paramref name="mountPoint"/> ("/disk").</summary>
    public static long Open(long authority, string mountPoint)
    {
        byte[] bytes = FileCalls.EncodePath(mountPoint);
        fixed (byte* path = bytes)
            return SystemCall.Call(SyscallNumber.BlockOpen, authority, (long)path, bytes.Length);
    }

    public static long Geometry(long block, out BlockGeometry geometry)
    {
        BlockGeometry result;
        long status = SystemCall.Call(SyscallNumber.BlockGeometry, block, (long)&result);
        geometry = result;
        return status;
    }

    /// <summary>Reads <paramref name="sectors"/> sectors from <paramref name="lba"/> to <paramref name="buffer"/>; returns the sectors read.</summary>
    public static long Read(long block, ulong lba, byte* buffer, long sectors) =>
        SystemCall.Call(SyscallNumber.BlockRead, block, (long)lba, (long)buffer, sectors);

    /// <summary>Writes <paramref name="sectors"/> sectors from <paramref name="buffer"/> at <paramref name="lba"/>; returns the sectors written.</summary>
    public static long Write(long block, ulong lba, byte* buffer, long sectors) =>
        SystemCall.Call(SyscallNumber.BlockWrite, block, (long)lba, (long)buffer, sectors);

    public static long Flush(long block) => SystemCall.Call(SyscallNumber.BlockFlush, block);

    /// <summary>Asks the kernel to serve <paramref name="mountPoint"/> from <paramref name="placement"/>; a <see cref="Abi.FileServer.PlacementOutcome"/> or an error.</summary>
    public static long Place(long authority, string mountPoint, Abi.FileServer.MountPlacement placement)
    {
        byte[] bytes = FileCalls.EncodePath(mountPoint);
        fixed (byte* path = bytes)
            return SystemCall.Call(SyscallNumber.PlaceVolume, authority, (long)path, bytes.Length, (long)placement);
    }
}
