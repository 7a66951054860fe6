using System;
using System.Collections.Generic;
using CosmosHybrid.Storage.Cache;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// One tree of files over the mounted volumes: resolves paths (relative ones against a
/// working directory, with "." and ".." and across mount points) to a volume and a path
/// within it, and runs the file operations there.
/// </summary>
/// <remarks>
/// Mount points behave as directories: they are listed in their parent, cannot be removed
/// or renamed, and nothing can be renamed across them. Every operation returns a
/// <see cref="StorageError"/>; none throws. Each node an operation looks up is released when the
/// operation ends (an open file's node when the file is closed). Not thread-safe: the kernel holds one lock
/// around every call.
/// </remarks>
public sealed class VirtualFileSystem
{
    /// <summary>The mounted volumes.</summary>
    public MountTable Mounts { get; } = new MountTable();

    /// <summary>Attaches <paramref name="volume"/> at canonical <paramref name="path"/>.</summary>
    public StorageError Mount(string path, IVfsVolume volume, string source, BufferCache cache) =>
        Mounts.Add(new Mount(path, volume, source, cache));

    /// <summary>
    /// Detaches the volume mounted at canonical <paramref name="path"/> after writing back what
    /// it holds in memory: <see cref="StorageError.NotFound"/> when nothing is mounted there,
    /// <see cref="StorageError.Busy"/> while a file on it is open or another mount lies inside it,
    /// the flush's error (and still mounted) when that fails.
    /// </summary>
    public StorageError Unmount(string path, out Mount mount)
    {
        mount = null;
        Mount found = null;
        for (int i = 0; i < Mounts.Count; i++)
        {
            Mount candidate = Mounts.Get(i);
            if (candidate.Path == path)
            {
                found = candidate;
            }
            else if (VfsPath.IsWithin(candidate.Path, path, out _))
            {
                return StorageError.Busy;
            }
        }

        if (found == null)
        {
            return StorageError.NotFound;
        }

        if (found.OpenFiles > 0)
        {
            return StorageError.Busy;
        }

        StorageError error = found.Volume.Flush();
        if (error != StorageError.Ok)
        {
            return error;
        }

        mount = Mounts.Remove(path);
        return StorageError.Ok;
    }

    /// <summary>Opens a file or (with <see cref="VfsOpenFlags.Directory"/>) a directory.</summary>
    public StorageError Open(string workingDirectory, string path, VfsOpenFlags flags, out OpenFile file)
    {
        file = null;
        string canonical = null;
        Mount mount = null;
        string relative = null;
        StorageError error = CheckFlags(flags);
        if (error == StorageError.Ok)
        {
            error = Locate(workingDirectory, path, out canonical, out mount, out relative);
        }

        if (error != StorageError.Ok)
        {
            return error;
        }

        if ((flags & VfsOpenFlags.Directory) != 0)
        {
            var entries = new List<FileEntry>();
            error = List(canonical, mount, relative, entries);
            if (error == StorageError.Ok)
            {
                file = new OpenFile(mount, canonical, flags, null, entries);
            }

            return error;
        }

        if (mount == null || relative == "/")
        {
            return mount == null && !Mounts.HoldsMount(canonical) ? StorageError.NotFound : StorageError.IsDirectory;
        }

        error = FindParent(mount, relative, out IVfsNode parent, out string name);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = parent.Lookup(name, out IVfsNode node);
        bool created = false;
        if (error == StorageError.NotFound && (flags & VfsOpenFlags.Create) != 0)
        {
            error = parent.CreateFile(name, out node);
            created = true;
        }
        else if (error == StorageError.Ok && (flags & VfsOpenFlags.Exclusive) != 0)
        {
            error = StorageError.Exists;
        }

        if (error == StorageError.Ok)
        {
            error = node.Open(flags);
        }

        if (error == StorageError.Ok && (flags & VfsOpenFlags.Truncate) != 0 && !created)
        {
            error = node.SetLength(0);
            if (error != StorageError.Ok)
            {
                node.Close();
            }
        }

        if (error == StorageError.Ok)
        {
            file = new OpenFile(mount, canonical, flags, node, null); // it releases the node when closed
        }
        else
        {
            Release(mount, node);
        }

        Release(mount, parent);
        return error;
    }

    /// <summary>
    /// The node at <paramref name="path"/>, not opened (a program's file, whose identity may say a
    /// cached image of it is still good); the caller lets it go with <see cref="ReleaseNode"/>.
    /// </summary>
    public StorageError FindNode(string workingDirectory, string path, out Mount mount, out IVfsNode node)
    {
        node = null;
        StorageError error = Locate(workingDirectory, path, out string canonical, out mount, out string relative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (mount == null || relative == "/")
        {
            return mount == null && !Mounts.HoldsMount(canonical) ? StorageError.NotFound : StorageError.IsDirectory;
        }

        return Find(mount, relative, out node);
    }

    /// <summary>
    /// Opens for reading a node <see cref="FindNode"/> found (<paramref name="path"/> names it for the
    /// open file). On success the open file owns the node and its close lets it go; else the caller still does.
    /// </summary>
    public static StorageError OpenFoundForRead(Mount mount, string path, IVfsNode node, out OpenFile file)
    {
        file = null;
        StorageError error = node.Open(VfsOpenFlags.Read);
        if (error == StorageError.Ok)
        {
            file = new OpenFile(mount, path, VfsOpenFlags.Read, node, null);
        }

        return error;
    }

    /// <summary>Lets go of a node <see cref="FindNode"/> found.</summary>
    public static void ReleaseNode(Mount mount, IVfsNode node) => Release(mount, node);

    /// <summary>Describes the file or directory at <paramref name="path"/>.</summary>
    public StorageError Stat(string workingDirectory, string path, out FileEntry entry)
    {
        entry = default;
        StorageError error = Locate(workingDirectory, path, out string canonical, out Mount mount, out string relative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (mount == null || relative == "/")
        {
            if (mount == null && !Mounts.HoldsMount(canonical))
            {
                return StorageError.NotFound;
            }

            entry = new FileEntry(VfsPath.GetName(canonical), true, 0, 0, 0);
            return StorageError.Ok;
        }

        error = Find(mount, relative, out IVfsNode node);
        if (error == StorageError.Ok)
        {
            error = node.Stat(out entry);
            Release(mount, node);
        }

        return error;
    }

    /// <summary>Appends the entries of a directory (mount points in it included) to <paramref name="entries"/>.</summary>
    public StorageError ReadDirectory(string workingDirectory, string path, List<FileEntry> entries)
    {
        StorageError error = Locate(workingDirectory, path, out string canonical, out Mount mount, out string relative);
        return error != StorageError.Ok ? error : List(canonical, mount, relative, entries);
    }

    /// <summary>Creates an empty directory.</summary>
    public StorageError CreateDirectory(string workingDirectory, string path)
    {
        StorageError error = Locate(workingDirectory, path, out string canonical, out Mount mount, out string relative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (relative == "/" || Mounts.HoldsMount(canonical))
        {
            return StorageError.Exists;
        }

        if (mount == null)
        {
            return StorageError.NotFound;
        }

        error = FindParent(mount, relative, out IVfsNode parent, out string name);
        if (error == StorageError.Ok)
        {
            error = parent.CreateDirectory(name);
            Release(mount, parent);
        }

        return error;
    }

    /// <summary>Deletes a file or an empty directory.</summary>
    public StorageError Remove(string workingDirectory, string path)
    {
        StorageError error = Locate(workingDirectory, path, out string canonical, out Mount mount, out string relative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (Mounts.HoldsMount(canonical))
        {
            return StorageError.Busy;
        }

        if (mount == null)
        {
            return StorageError.NotFound;
        }

        error = FindParent(mount, relative, out IVfsNode parent, out string name);
        if (error == StorageError.Ok)
        {
            error = parent.Remove(name);
            Release(mount, parent);
        }

        return error;
    }

    /// <summary>Renames or moves a file or directory within one volume.</summary>
    public StorageError Rename(string workingDirectory, string oldPath, string newPath)
    {
        StorageError error = Locate(workingDirectory, oldPath, out string oldCanonical, out Mount oldMount, out string oldRelative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        error = Locate(workingDirectory, newPath, out string newCanonical, out Mount newMount, out string newRelative);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (Mounts.HoldsMount(oldCanonical) || Mounts.HoldsMount(newCanonical))
        {
            return StorageError.Busy;
        }

        if (oldMount == null)
        {
            return StorageError.NotFound;
        }

        if (newMount != oldMount)
        {
            return StorageError.CrossDevice;
        }

        error = FindParent(oldMount, oldRelative, out IVfsNode oldParent, out string oldName);
        if (error != StorageError.Ok)
        {
            return error;
        }

        // The source is looked for before the target's directory, so a missing source is NotFound.
        error = oldParent.Lookup(oldName, out IVfsNode source);
        if (error == StorageError.Ok)
        {
            Release(oldMount, source);
            error = FindParent(newMount, newRelative, out IVfsNode newParent, out string newName);
            if (error == StorageError.Ok)
            {
                error = oldParent.Rename(oldName, newParent, newName);
                Release(newMount, newParent);
            }
        }

        Release(oldMount, oldParent);
        return error;
    }

    /// <summary>The canonical form of <paramref name="path"/> when it names a directory (for `cd`).</summary>
    public StorageError ChangeDirectory(string workingDirectory, string path, out string directory)
    {
        directory = null;
        StorageError error = VfsPath.Combine(workingDirectory, path, out string canonical);
        if (error == StorageError.Ok)
        {
            error = Stat(canonical, canonical, out FileEntry entry);
            if (error == StorageError.Ok && !entry.IsDirectory)
            {
                error = StorageError.NotDirectory;
            }
        }

        if (error == StorageError.Ok)
        {
            directory = canonical;
        }

        return error;
    }

    /// <summary>Reads a whole file of at most <paramref name="maxBytes"/> bytes (a program to load).</summary>
    public StorageError ReadAll(string workingDirectory, string path, int maxBytes, out byte[] data)
    {
        data = null;
        StorageError error = Open(workingDirectory, path, VfsOpenFlags.Read, out OpenFile file);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (file.Length > (ulong)maxBytes)
        {
            file.Close();
            return StorageError.FileTooLarge;
        }

        byte[] bytes = new byte[(int)file.Length];
        int done = 0;
        while (error == StorageError.Ok && done < bytes.Length)
        {
            error = file.Read(new Span<byte>(bytes, done, bytes.Length - done), out int read);
            if (error == StorageError.Ok && read == 0)
            {
                error = StorageError.Corrupt;
            }

            done += read;
        }

        StorageError closeError = file.Close();
        if (error == StorageError.Ok)
        {
            error = closeError;
        }

        if (error == StorageError.Ok)
        {
            data = bytes;
        }

        return error;
    }

    /// <summary>Writes every volume's cached metadata and blocks to its device; returns the first error.</summary>
    public StorageError Sync()
    {
        StorageError result = StorageError.Ok;
        for (int i = 0; i < Mounts.Count; i++)
        {
            StorageError error = Mounts.Get(i).Volume.Flush();
            if (result == StorageError.Ok)
            {
                result = error;
            }
        }

        return result;
    }

    /// <summary>The mount a path lies on (null when none).</summary>
    public StorageError FindMount(string workingDirectory, string path, out Mount mount)
    {
        StorageError error = Locate(workingDirectory, path, out _, out mount, out _);
        return error == StorageError.Ok && mount == null ? StorageError.NotFound : error;
    }

    private static StorageError CheckFlags(VfsOpenFlags flags)
    {
        const VfsOpenFlags Known = VfsOpenFlags.Read | VfsOpenFlags.Write | VfsOpenFlags.Create | VfsOpenFlags.Truncate
            | VfsOpenFlags.Append | VfsOpenFlags.Exclusive | VfsOpenFlags.Directory;
        const VfsOpenFlags WriteOnly = VfsOpenFlags.Create | VfsOpenFlags.Truncate | VfsOpenFlags.Append | VfsOpenFlags.Exclusive;
        if ((flags & ~Known) != 0)
        {
            return StorageError.InvalidArgument;
        }

        if ((flags & VfsOpenFlags.Directory) != 0)
        {
            return (flags & (VfsOpenFlags.Write | WriteOnly)) != 0 ? StorageError.InvalidArgument : StorageError.Ok;
        }

        if ((flags & (VfsOpenFlags.Read | VfsOpenFlags.Write)) == 0)
        {
            return StorageError.InvalidArgument;
        }

        if ((flags & WriteOnly) != 0 && (flags & VfsOpenFlags.Write) == 0)
        {
            return StorageError.InvalidArgument;
        }

        return (flags & VfsOpenFlags.Exclusive) != 0 && (flags & VfsOpenFlags.Create) == 0 ? StorageError.InvalidArgument : StorageError.Ok;
    }

    private StorageError Locate(string workingDirectory, string path, out string canonical, out Mount mount, out string relative)
    {
        mount = null;
        relative = null;
        StorageError error = VfsPath.Combine(workingDirectory, path, out canonical);
        if (error == StorageError.Ok)
        {
            mount = Mounts.Resolve(canonical, out relative);
        }

        return error;
    }

    // The entries of a directory: the volume's, then mount points inside it that the volume
    // does not list already. A path on no volume is a directory only if mounts lie below it.
    private StorageError List(string canonical, Mount mount, string relative, List<FileEntry> entries)
    {
        int first = entries.Count;
        if (mount != null)
        {
            StorageError error = Find(mount, relative, out IVfsNode directory);
            if (error == StorageError.Ok)
            {
                error = directory.ReadDirectory(entries);
                Release(mount, directory);
            }

            if (error != StorageError.Ok)
            {
                entries.RemoveRange(first, entries.Count - first);
                return error;
            }
        }
        else if (!Mounts.HoldsMount(canonical))
        {
            return StorageError.NotFound;
        }

        var mountNames = new List<string>();
        Mounts.GetChildMountNames(canonical, mountNames);
        for (int i = 0; i < mountNames.Count; i++)
        {
            bool listed = false;
            for (int j = first; j < entries.Count && !listed; j++)
            {
                listed = string.Equals(entries[j].Name, mountNames[i], StringComparison.OrdinalIgnoreCase);
                if (listed)
                {
                    entries[j] = new FileEntry(entries[j].Name, true, 0, entries[j].ModifiedDate, entries[j].ModifiedTime);
                }
            }

            if (!listed)
            {
                entries.Add(new FileEntry(mountNames[i], true, 0, 0, 0));
            }
        }

        return StorageError.Ok;
    }

    // The node at a volume-relative canonical path ("/" is the volume's root), found one
    // component at a time from the root.
    private static StorageError Find(Mount mount, string relative, out IVfsNode node) =>
        Walk(mount.Volume.Root, relative, relative.Length, out node);

    // The directory holding the last component of a volume-relative canonical path other
    // than "/", and that component.
    private static StorageError FindParent(Mount mount, string relative, out IVfsNode parent, out string name)
    {
        int slash = relative.LastIndexOf('/');
        name = relative.Substring(slash + 1);
        return Walk(mount.Volume.Root, relative, slash, out parent);
    }

    // Looks up the components of relative[0, end) starting from 'node', releasing each directory
    // passed through; the caller releases what is found (see Release).
    private static StorageError Walk(IVfsNode node, string relative, int end, out IVfsNode found)
    {
        found = node;
        int start = 1;
        while (start < end)
        {
            int slash = relative.IndexOf('/', start, end - start);
            if (slash < 0)
            {
                slash = end;
            }

            IVfsNode directory = found;
            StorageError error = directory.Lookup(relative.Substring(start, slash - start), out found);
            if (directory != node)
            {
                directory.Release();
            }

            if (error != StorageError.Ok)
            {
                found = null;
                return error;
            }

            start = slash + 1;
        }

        return StorageError.Ok;
    }

    // Lets go of a node an operation looked up (a volume's root is never released).
    private static void Release(Mount mount, IVfsNode node)
    {
        if (node != null && node != mount.Volume.Root)
        {
            node.Release();
        }
    }
}
