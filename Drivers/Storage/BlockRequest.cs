using System;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// The checks every block driver makes before touching hardware: the buffer is a
/// whole, non-zero number of sectors and the range lies on the device.
/// </summary>
public static class BlockRequest
{
    /// <summary>
    /// Validates a transfer of <paramref name="bufferLength"/> bytes at <paramref name="lba"/>;
    /// on success <paramref name="sectors"/> is the number of sectors it covers.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // a constant sector size folds its division
    public static StorageError Validate(ulong lba, int bufferLength, int sectorSize, ulong sectorCount, out ulong sectors)
    {
        sectors = 0;
        if (sectorSize <= 0 || bufferLength <= 0 || bufferLength % sectorSize != 0)
            return StorageError.InvalidArgument;
        ulong count = (ulong)(bufferLength / sectorSize);
        if (lba >= sectorCount || count > sectorCount - lba)
            return StorageError.InvalidArgument;
        sectors = count;
        return StorageError.Ok;
    }
}
