using System.Collections.Generic;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Partitions;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// Finds the FAT volume on a disk: the whole disk when it is formatted without a partition
/// table ("superfloppy"), otherwise the first FAT partition of its MBR that mounts.
/// </summary>
public static class VolumeProbe
{
    /// <summary>
    /// Mounts the volume; <paramref name="partition"/> is the MBR slot (0-3) it was found in,
    /// or -1 for the whole disk. On failure returns the whole disk's mount error (or the
    /// first FAT partition's, when there are some).
    /// </summary>
    public static StorageError Mount(IBlockDevice disk, out FatVolume volume, out int partition)
    {
        partition = -1;
        StorageError error = FatVolume.Mount(disk, out volume);
        if (error == StorageError.Ok || error == StorageError.IoError || disk.SectorSize < 512)
        {
            return error;
        }

        byte[] sector = new byte[disk.SectorSize];
        StorageError readError = disk.Read(0, sector);
        var partitions = new List<MbrPartition>();
        if (readError != StorageError.Ok || !MbrPartitionTable.TryParse(sector, disk.SectorCount, partitions))
        {
            return error;
        }

        StorageError partitionError = StorageError.Ok;
        for (int i = 0; i < partitions.Count; i++)
        {
            MbrPartition candidate = partitions[i];
            if (!candidate.IsFat)
            {
                continue;
            }

            StorageError mountError = FatVolume.Mount(new PartitionDevice(disk, candidate.FirstSector, candidate.SectorCount), out volume);
            if (mountError == StorageError.Ok)
            {
                partition = candidate.Index;
                return StorageError.Ok;
            }

            if (partitionError == StorageError.Ok)
            {
                partitionError = mountError;
            }
        }

        return partitionError != StorageError.Ok ? partitionError : error;
    }
}
