using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Block;

/// <summary>
/// The volume of one block-device handle, mounted the way the kernel mounts a hard disk:
/// a write-back <see cref="BufferCache"/> of the same size over the disk, the first FAT
/// volume found (whole disk or MBR partition) by <see cref="VolumeProbe"/>, in a
/// <see cref="VirtualFileSystem"/> of the server's own at "/".
/// </summary>
internal sealed class RingThreeMount
{
    /// <summary>Blocks of <see cref="BufferCache.DefaultBlockSize"/> cached: 2 MiB, as the kernel caches per hard disk.</summary>
    public const int CacheBlocks = 512;

    private RingThreeMount(VirtualFileSystem files, FatVolume volume, BufferCache cache, string source)
    {
        Files = files;
        Volume = volume;
        Cache = cache;
        Source = source;
    }

    public VirtualFileSystem Files { get; }

    public FatVolume Volume { get; }

    public BufferCache Cache { get; }

    /// <summary>The disk (and partition) as `mounts` names it: "ata0", "ata0p1".</summary>
    public string Source { get; }

    /// <summary>Mounts the FAT volume of the disk behind <paramref name="device"/>; the error says why not.</summary>
    public static StorageError Mount(BlockHandleDevice device, out RingThreeMount mount)
    {
        mount = null;
        var cache = new BufferCache(device, BufferCache.DefaultBlockSize, CacheBlocks);
        StorageError error = VolumeProbe.Mount(cache, out FatVolume volume, out int partition);
        if (error != StorageError.Ok)
            return error;
        volume.Clock = SystemClock.Start();
        string source = partition < 0 ? device.Name : device.Name + "p" + (partition + 1).ToString();
        var files = new VirtualFileSystem();
        error = files.Mount("/", volume, source, cache);
        if (error != StorageError.Ok)
            return error;
        mount = new RingThreeMount(files, volume, cache, source);
        return StorageError.Ok;
    }

    public string TypeName => Volume.Type == FatType.Fat32 ? "FAT32" : Volume.Type == FatType.Fat16 ? "FAT16" : "FAT12";
}
