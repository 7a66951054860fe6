using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Turns '/'-separated paths within the volume into directory entries. Empty components
/// and "." are skipped and ".." removes the previous component before any lookup: FAT has
/// no links, so this lexical reading gives the same result as walking the ".." entries.
/// </summary>
internal sealed class FatPathResolver
{
    private readonly FatDirectory _directory;
    private readonly FatTable _table;
    private readonly bool _fat32;
    private readonly List<string> _components = new List<string>();

    public FatPathResolver(FatDirectory directory, FatTable table, bool fat32)
    {
        _directory = directory;
        _table = table;
        _fat32 = fat32;
    }

    /// <summary>
    /// Finds the entry a path names. <paramref name="isRoot"/> is set (and nothing else) for
    /// the root directory, which has no entry.
    /// </summary>
    public StorageError Resolve(string path, Span<byte> entry, out FatEntryLocation location, out bool isRoot)
    {
        location = default;
        isRoot = false;
        StorageError error = Split(path);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (_components.Count == 0)
        {
            isRoot = true;
            return StorageError.Ok;
        }

        error = WalkDirectories(_components.Count - 1, out uint directory);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return _directory.Find(directory, _components[_components.Count - 1], entry, out location);
    }

    /// <summary>
    /// Finds the directory that holds (or would hold) the last component of a path, and
    /// returns that component; <paramref name="name"/> is null for the root, which has no parent.
    /// </summary>
    public StorageError ResolveParent(string path, out uint parent, out string name)
    {
        parent = 0;
        name = null;
        StorageError error = Split(path);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (_components.Count == 0)
        {
            parent = _directory.RootCluster;
            return StorageError.Ok;
        }

        name = _components[_components.Count - 1];
        return WalkDirectories(_components.Count - 1, out parent);
    }

    /// <summary>First cluster of the directory a path names (the root's is <see cref="FatDirectory.RootCluster"/>).</summary>
    public StorageError ResolveDirectory(string path, out uint directory)
    {
        directory = _directory.RootCluster;
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        StorageError error = Resolve(path, entry, out _, out bool isRoot);
        if (error != StorageError.Ok || isRoot)
        {
            return error;
        }

        return GetDirectoryCluster(entry, out directory);
    }

    /// <summary>
    /// First cluster of the subdirectory an entry describes: <see cref="StorageError.NotDirectory"/>
    /// for files, <see cref="StorageError.Corrupt"/> when the cluster is not a valid data cluster.
    /// </summary>
    public StorageError GetDirectoryCluster(ReadOnlySpan<byte> entry, out uint directory)
    {
        directory = 0;
        if ((FatShortEntry.GetAttributes(entry) & FatAttributes.Directory) == 0)
        {
            return StorageError.NotDirectory;
        }

        directory = FatShortEntry.GetFirstCluster(entry, _fat32);
        return _table.IsDataCluster(directory) ? StorageError.Ok : StorageError.Corrupt;
    }

    // Looks up the first 'count' components, each of which must be a directory.
    private StorageError WalkDirectories(int count, out uint directory)
    {
        directory = _directory.RootCluster;
        Span<byte> entry = stackalloc byte[FatShortEntry.Size];
        for (int i = 0; i < count; i++)
        {
            StorageError error = _directory.Find(directory, _components[i], entry, out _);
            if (error != StorageError.Ok)
            {
                return error;
            }

            error = GetDirectoryCluster(entry, out directory);
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        return StorageError.Ok;
    }

    private StorageError Split(string path)
    {
        _components.Clear();
        if (path == null)
        {
            return StorageError.InvalidArgument;
        }

        int position = 0;
        while (position < path.Length)
        {
            while (position < path.Length && path[position] == '/')
            {
                position++;
            }

            int start = position;
            while (position < path.Length && path[position] != '/')
            {
                position++;
            }

            int length = position - start;
            if (length == 0)
            {
                continue;
            }

            if (length > FatName.MaxLength)
            {
                return StorageError.InvalidName;
            }

            if (length == 1 && path[start] == '.')
            {
                continue;
            }

            if (length == 2 && path[start] == '.' && path[start + 1] == '.')
            {
                if (_components.Count > 0)
                {
                    _components.RemoveAt(_components.Count - 1);
                }

                continue;
            }

            _components.Add(path.Substring(start, length));
        }

        return StorageError.Ok;
    }
}
