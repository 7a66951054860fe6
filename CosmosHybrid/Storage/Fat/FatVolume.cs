using System;
using System.Collections.Generic;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// A mounted FAT12/16/32 volume: the file-system operations on '/'-separated paths within
/// the volume (lookups ignore case, names keep the case they were written with).
/// </summary>
/// <remarks>
/// <para>Every operation returns a <see cref="StorageError"/>; damaged on-disk structures give
/// <see cref="StorageError.Corrupt"/> and every walk over them is bounded, so a bad volume
/// never makes an operation throw or hang.</para>
/// <para>When an operation returns, its FAT and directory changes are on the device (FSInfo
/// included), so the volume is consistent between operations; <see cref="Flush"/> also
/// flushes the device's own caches. Not thread-safe: the caller serialises calls.</para>
/// <para>As an <see cref="IVfsVolume"/> it is reached through <see cref="Root"/>, a
/// <see cref="FatDirectoryVfsNode"/>, one directory entry at a time.</para>
/// </remarks>
public sealed class FatVolume : IVfsVolume
{
    private readonly Dictionary<ulong, FatFileNode> _openFiles = new Dictionary<ulong, FatFileNode>();
    private readonly FatPathResolver _paths;

    private FatVolume(FatSectorDevice disk, FatBootSector bootSector)
    {
        Disk = disk;
        BootSector = bootSector;
        Table = new FatTable(disk, bootSector);
        Directory = new FatDirectory(disk, bootSector, Table);
        _paths = new FatPathResolver(Directory, Table, bootSector.Type == FatType.Fat32);
        DataSector = new byte[bootSector.BytesPerSector];
        Zeros = new byte[bootSector.BytesPerCluster];
        Root = new FatDirectoryVfsNode(this, Directory.RootCluster, isRoot: true, new FileEntry(string.Empty, true, 0, 0, 0));
    }

    /// <summary>The parsed boot sector and the layout derived from it.</summary>
    public FatBootSector BootSector { get; }

    /// <summary>FAT12, FAT16 or FAT32.</summary>
    public FatType Type => BootSector.Type;

    /// <summary>"FAT12", "FAT16" or "FAT32".</summary>
    public string TypeName => Type == FatType.Fat32 ? "FAT32" : Type == FatType.Fat16 ? "FAT16" : "FAT12";

    /// <summary>The root directory as a node of the virtual file system.</summary>
    public IVfsNode Root { get; }

    /// <summary>Bytes per cluster, the allocation unit.</summary>
    public int ClusterSize => BootSector.BytesPerCluster;

    /// <summary>Bytes in all data clusters.</summary>
    public ulong TotalBytes => (ulong)BootSector.ClusterCount * (uint)BootSector.BytesPerCluster;

    /// <summary>Source of timestamps for new and modified entries; 1980-01-01 when null.</summary>
    public IFatClock Clock { get; set; }

    internal FatSectorDevice Disk { get; }

    /// <summary>Changes whenever anything on the volume is written (see <see cref="VfsFileIdentity"/>).</summary>
    public ulong ChangeStamp => Disk.Writes;

    internal FatTable Table { get; }

    internal FatDirectory Directory { get; }

    // Scratch for partial-sector file transfers.
    internal byte[] DataSector { get; }

    // A cluster's worth of zero bytes, the source for zero-filling gaps in files.
    internal byte[] Zeros { get; }

    internal FatTimestamp Now => Clock != null ? Clock.Now : FatTimestamp.Epoch;

    /// <summary>
    /// Mounts the FAT volume that starts at sector 0 of <paramref name="device"/>.
    /// <see cref="StorageError.Corrupt"/> when the boot sector is not a consistent FAT boot sector.
    /// </summary>
    public static StorageError Mount(IBlockDevice device, out FatVolume volume)
    {
        volume = null;
        if (device == null)
        {
            return StorageError.InvalidArgument;
        }

        int sectorSize = device.SectorSize;
        if (sectorSize < 512 || sectorSize > 4096 || (sectorSize & (sectorSize - 1)) != 0)
        {
            return StorageError.NotSupported;
        }

        byte[] first = new byte[sectorSize];
        StorageError error = device.Read(0, first);
        if (error != StorageError.Ok)
        {
            return error;
        }

        ulong deviceBytes = device.SectorCount > ulong.MaxValue / (uint)sectorSize
            ? ulong.MaxValue
            : device.SectorCount * (uint)sectorSize;
        error = FatBootSector.Parse(first, deviceBytes, out FatBootSector bootSector);
        if (error != StorageError.Ok)
        {
            return error;
        }

        // A FAT sector must be made of whole device sectors.
        if (bootSector.BytesPerSector < sectorSize)
        {
            return StorageError.NotSupported;
        }

        if (device is BufferCache cache)
        {
            cache.WriteOrder = new FatWriteOrder(bootSector, sectorSize);
        }

        var result = new FatVolume(new FatSectorDevice(device, bootSector.BytesPerSector), bootSector);
        if (bootSector.Type == FatType.Fat32)
        {
            error = result.LoadFsInfo();
            if (error != StorageError.Ok)
            {
                return error;
            }

            // The root must at least start a valid chain.
            error = result.Table.GetNext(bootSector.RootCluster, out _);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        volume = result;
        return StorageError.Ok;
    }

    /// <summary>Counts the free space (scanning the FAT once per mount).</summary>
    public StorageError GetFreeSpace(out ulong freeBytes)
    {
        StorageError error = Table.GetFreeCount(out uint freeClusters);
        freeBytes = (ulong)freeClusters * (uint)ClusterSize;
        return error;
    }

    /// <summary>Size, free space (counted like <see cref="GetFreeSpace"/>) and cluster size.</summary>
    public StorageError GetStatistics(out VfsVolumeStatistics statistics)
    {
        StorageError error = GetFreeSpace(out ulong freeBytes);
        statistics = new VfsVolumeStatistics(TotalBytes, freeBytes, ClusterSize);
        return error;
    }

    /// <summary>Describes the file or directory at <paramref name="path"/>.</summary>
    public StorageError Stat(string path, out FatEntryInfo info)
    {
        info = default;
        StorageError error = _paths.ResolveParent(path, out uint parent, out string name);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (name == null)
        {
            info = new FatEntryInfo(string.Empty, string.Empty, FatAttributes.Directory, 0, Directory.RootCluster,
                FatTimestamp.Epoch, FatTimestamp.Epoch, 0);
            return StorageError.Ok;
        }

        return Directory.Describe(parent, name, out info);
    }

    /// <summary>Appends every entry of a directory except "." and ".." to <paramref name="entries"/>.</summary>
    public StorageError ReadDirectory(string path, List<FatEntryInfo> entries)
    {
        if (entries == null)
        {
            return StorageError.InvalidArgument;
        }

        StorageError error = _paths.ResolveDirectory(path, out uint directory);
        return error != StorageError.Ok ? error : Directory.List(directory, entries);
    }

    /// <summary>Opens (and with <see cref="FatOpenFlags.Create"/> creates) a file.</summary>
    public StorageError Open(string path, FatOpenFlags flags, out FatFile file)
    {
        file = null;
        StorageError error = _paths.ResolveParent(path, out uint parent, out string name);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (name == null)
        {
            return StorageError.IsDirectory;
        }

        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        error = Directory.Find(parent, name, entry, out FatEntryLocation location);
        bool created = false;
        if (error == StorageError.NotFound && (flags & FatOpenFlags.Create) != 0)
        {
            error = AddFileEntry(parent, name, entry, out location);
            if (error != StorageError.Ok)
            {
                return Finish(error);
            }

            created = true;
        }
        else if (error != StorageError.Ok)
        {
            return error;
        }
        else if ((flags & (FatOpenFlags.Create | FatOpenFlags.Exclusive)) == (FatOpenFlags.Create | FatOpenFlags.Exclusive))
        {
            return StorageError.Exists;
        }

        if ((FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) != 0)
        {
            return StorageError.IsDirectory;
        }

        error = Acquire(location, entry, out FatFileNode node);
        if (error != StorageError.Ok)
        {
            return Finish(error);
        }

        if ((flags & FatOpenFlags.Truncate) != 0 && !created)
        {
            error = node.SetLength(0);
            if (error != StorageError.Ok)
            {
                Release(node);
                return Finish(error);
            }
        }

        file = new FatFile(this, node, (flags & FatOpenFlags.Append) != 0);
        return Finish(StorageError.Ok);
    }

    /// <summary>Creates an empty file called <paramref name="name"/> in directory <paramref name="parent"/>.</summary>
    internal StorageError CreateFile(uint parent, string name, out FatEntryLocation location, out FatTimestamp created)
    {
        created = default;
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Directory.Find(parent, name, entry, out location);
        if (error == StorageError.Ok)
        {
            return StorageError.Exists;
        }

        if (error != StorageError.NotFound)
        {
            return error;
        }

        error = AddFileEntry(parent, name, entry, out location);
        created = FatShortEntry.GetModified(entry);
        return Finish(error);
    }

    /// <summary>
    /// Opens the file whose entry is at <paramref name="location"/>, sharing the node of
    /// handles already open on it; undone by <see cref="Release"/>.
    /// </summary>
    internal StorageError Open(in FatEntryLocation location, out FatFileNode node)
    {
        node = null;
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Directory.ReadEntry(location, entry);
        if (error == StorageError.Ok && (FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) != 0)
        {
            error = StorageError.IsDirectory;
        }

        if (error == StorageError.Ok)
        {
            error = Acquire(location, entry, out node);
        }

        return Finish(error);
    }

    /// <summary>Creates an empty directory.</summary>
    public StorageError CreateDirectory(string path)
    {
        StorageError error = _paths.ResolveParent(path, out uint parent, out string name);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return name == null ? StorageError.Exists : CreateDirectory(parent, name);
    }

    /// <summary>Creates an empty directory called <paramref name="name"/> in directory <paramref name="parent"/>.</summary>
    internal StorageError CreateDirectory(uint parent, string name)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Directory.Find(parent, name, entry, out _);
        if (error == StorageError.Ok)
        {
            return StorageError.Exists;
        }

        if (error != StorageError.NotFound)
        {
            return error;
        }

        error = FatName.Validate(name);
        if (error != StorageError.Ok)
        {
            return error;
        }

        // Allocate and initialise the directory's cluster before any entry refers to it.
        error = Table.Allocate(1, out uint cluster, out _);
        if (error != StorageError.Ok)
        {
            return Finish(error);
        }

        FatTimestamp now = Now;
        error = Directory.InitializeNew(cluster, parent, now);
        if (error == StorageError.Ok)
        {
            error = Table.Flush();
        }

        if (error == StorageError.Ok)
        {
            InitializeEntry(entry, FatAttributes.Directory);
            FatShortEntry.SetFirstCluster(entry, cluster);
            error = Directory.Add(parent, name, entry, out _);
        }

        if (error != StorageError.Ok)
        {
            Table.FreeChain(cluster);
        }

        return Finish(error);
    }

    /// <summary>Deletes a file (not a directory, not an open file) and frees its clusters.</summary>
    public StorageError Delete(string path)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = FindEntry(path, entry, out FatEntryLocation location);
        return error != StorageError.Ok ? error : DeleteEntry(entry, location);
    }

    /// <summary>Deletes an entry found in a directory: an empty directory, or a file that is not open.</summary>
    internal StorageError Remove(uint parent, string name)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Directory.Find(parent, name, entry, out FatEntryLocation location);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return (FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) != 0
            ? RemoveDirectoryEntry(entry, location)
            : DeleteEntry(entry, location);
    }

    /// <summary>Deletes an empty directory.</summary>
    public StorageError RemoveDirectory(string path)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = FindEntry(path, entry, out FatEntryLocation location);
        return error != StorageError.Ok ? error : RemoveDirectoryEntry(entry, location);
    }

    private StorageError DeleteEntry(ReadOnlySpan<byte> entry, in FatEntryLocation location)
    {
        if ((FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) != 0)
        {
            return StorageError.IsDirectory;
        }

        if (_openFiles.ContainsKey(location.Key))
        {
            return StorageError.Busy;
        }

        return RemoveEntryAndChain(location, FatShortEntry.GetFirstCluster(entry, Type == FatType.Fat32));
    }

    private StorageError RemoveDirectoryEntry(ReadOnlySpan<byte> entry, in FatEntryLocation location)
    {
        StorageError error = _paths.GetDirectoryCluster(entry, out uint directory);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = Directory.IsEmpty(directory, out bool empty);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return empty ? RemoveEntryAndChain(location, directory) : StorageError.NotEmpty;
    }

    /// <summary>
    /// Renames or moves a file or directory. The target must not exist (except as the same
    /// entry, for a change of case) and a directory cannot move into its own subtree.
    /// </summary>
    public StorageError Rename(string oldPath, string newPath)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = FindEntry(oldPath, entry, out FatEntryLocation oldLocation);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = _paths.ResolveParent(newPath, out uint newParent, out string newName);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return newName == null ? StorageError.Exists : RenameEntry(entry, oldLocation, newParent, newName);
    }

    /// <summary>Moves the entry called <paramref name="name"/> in directory <paramref name="parent"/> like <see cref="Rename(string, string)"/>.</summary>
    internal StorageError Rename(uint parent, string name, uint newParent, string newName)
    {
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Directory.Find(parent, name, entry, out FatEntryLocation location);
        return error != StorageError.Ok ? error : RenameEntry(entry, location, newParent, newName);
    }

    private StorageError RenameEntry(Span<byte> entry, in FatEntryLocation oldLocation, uint newParent, string newName)
    {
        StorageError error = FatName.Validate(newName);
        if (error != StorageError.Ok)
        {
            return error;
        }

        Span<byte> existing = stackalloc byte[FatShortEntry.Size];
        error = Directory.Find(newParent, newName, existing, out FatEntryLocation existingLocation);
        if (error == StorageError.Ok && existingLocation.Key != oldLocation.Key)
        {
            return StorageError.Exists;
        }

        if (error != StorageError.Ok && error != StorageError.NotFound)
        {
            return error;
        }

        bool isDirectory = (FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) != 0;
        bool moved = newParent != oldLocation.DirectoryCluster;
        uint directory = 0;
        if (isDirectory && moved)
        {
            error = _paths.GetDirectoryCluster(entry, out directory);
            if (error == StorageError.Ok)
            {
                error = CheckNotInside(newParent, directory);
            }

            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        // Counting free clusters may take a while and may fail: do it before changing anything.
        error = Table.EnsureFreeCount();
        if (error != StorageError.Ok)
        {
            return error;
        }

        // Add the new entry set before removing the old one: an interruption leaves two
        // names for the file rather than none. Both are directory writes of the same rank in
        // a cache's write-back order, so the new one reaches the device first, by a barrier.
        error = Directory.Add(newParent, newName, entry, out FatEntryLocation newLocation);
        if (error != StorageError.Ok)
        {
            return Finish(error);
        }

        // A failed barrier is reported, but the rename still completes in the volume.
        StorageError barrierError = Commit();
        if (barrierError == StorageError.Ok)
        {
            barrierError = Disk.WriteBack();
        }

        error = Directory.Remove(oldLocation);
        if (error == StorageError.Ok && isDirectory && moved)
        {
            error = Directory.SetParent(directory, newParent);
        }

        if (_openFiles.TryGetValue(oldLocation.Key, out FatFileNode node))
        {
            _openFiles.Remove(oldLocation.Key);
            node.Location = newLocation;
            _openFiles[newLocation.Key] = node;
        }

        return Finish(error != StorageError.Ok ? error : barrierError);
    }

    /// <summary>Writes cached metadata and flushes the device's caches.</summary>
    public StorageError Flush()
    {
        StorageError error = Commit();
        return error != StorageError.Ok ? error : Disk.Flush();
    }

    /// <summary>Writes the cached FAT sector and FSInfo; called at the end of every operation.</summary>
    internal StorageError Commit() => Table.Flush();

    /// <summary>Drops a handle's reference to a node; the last one forgets the node.</summary>
    internal void Release(FatFileNode node)
    {
        node.OpenCount--;
        if (node.OpenCount <= 0)
        {
            _openFiles.Remove(node.Location.Key);
        }
    }

    private StorageError Acquire(in FatEntryLocation location, ReadOnlySpan<byte> entry, out FatFileNode node)
    {
        if (!_openFiles.TryGetValue(location.Key, out node))
        {
            node = new FatFileNode(
                this,
                location,
                FatShortEntry.GetFirstCluster(entry, Type == FatType.Fat32),
                FatShortEntry.GetFileSize(entry),
                FatShortEntry.GetModified(entry));

            // A damaged chain is refused at open, before any read or write relies on it.
            StorageError error = node.Validate();
            if (error != StorageError.Ok)
            {
                node = null;
                return error;
            }

            _openFiles[location.Key] = node;
        }

        node.OpenCount++;
        return StorageError.Ok;
    }

    // Adds the entry set of a new empty file; the caller commits.
    private StorageError AddFileEntry(uint parent, string name, Span<byte> entry, out FatEntryLocation location)
    {
        InitializeEntry(entry, FatAttributes.Archive);
        return Directory.Add(parent, name, entry, out location);
    }

    private StorageError LoadFsInfo()
    {
        if (BootSector.FsInfoSector == 0)
        {
            return StorageError.Ok;
        }

        StorageError error = Disk.Read(BootSector.FsInfoSector, DataSector);
        if (error == StorageError.Ok && FatFsInfo.IsValid(DataSector))
        {
            Table.SetFsInfo(FatFsInfo.GetFreeCount(DataSector), FatFsInfo.GetNextFree(DataSector));
        }

        return error;
    }

    private StorageError FindEntry(string path, Span<byte> entry, out FatEntryLocation location)
    {
        location = default;
        StorageError error = _paths.Resolve(path, entry, out location, out bool isRoot);
        return error == StorageError.Ok && isRoot ? StorageError.InvalidArgument : error;
    }

    // Removes an entry set and frees its chain, validating the chain first so that a damaged
    // one is reported without touching anything.
    private StorageError RemoveEntryAndChain(in FatEntryLocation location, uint firstCluster)
    {
        StorageError error = Table.EnsureFreeCount();
        if (error == StorageError.Ok)
        {
            error = Table.MeasureChain(firstCluster, out _, out _);
        }

        if (error != StorageError.Ok)
        {
            return error;
        }

        error = Directory.Remove(location);
        if (error == StorageError.Ok)
        {
            error = Table.FreeChain(firstCluster);
        }

        return Finish(error);
    }

    // Fails when 'directory' is 'ancestor' or below it, by walking ".." up to the root.
    private StorageError CheckNotInside(uint directory, uint ancestor)
    {
        uint current = directory;
        for (uint steps = 0; steps <= Table.ClusterCount; steps++)
        {
            if (current == ancestor)
            {
                return StorageError.InvalidArgument;
            }

            if (current == Directory.RootCluster)
            {
                return StorageError.Ok;
            }

            StorageError error = Directory.GetParent(current, out current);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        return StorageError.Corrupt;
    }

    private void InitializeEntry(Span<byte> entry, FatAttributes attributes)
    {
        Span<byte> blankName = stackalloc byte[FatShortName.Length];
        blankName.Fill((byte)' ');
        FatShortEntry.Initialize(entry, blankName, attributes, Now);
    }

    // Ends a mutating operation: the FAT cache and FSInfo go to disk whatever the outcome,
    // so that a failed operation still leaves the volume consistent.
    private StorageError Finish(StorageError error)
    {
        StorageError commitError = Commit();
        return error != StorageError.Ok ? error : commitError;
    }
}
