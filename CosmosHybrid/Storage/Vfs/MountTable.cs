using System.Collections.Generic;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// The mounted volumes by canonical path. A path belongs to the mount with the longest
/// mount point that contains it. Mount points need no directory under them: they are
/// listed in their parent directory whether or not the parent volume has such an entry.
/// </summary>
public sealed class MountTable
{
    private readonly List<Mount> _mounts = new List<Mount>();

    /// <summary>Number of mounts.</summary>
    public int Count => _mounts.Count;

    /// <summary>The mount at <paramref name="index"/>, in the order they were added.</summary>
    public Mount Get(int index) => _mounts[index];

    /// <summary>Adds a mount; <see cref="StorageError.Exists"/> if its path is taken, InvalidArgument if it is not canonical.</summary>
    public StorageError Add(Mount mount)
    {
        if (mount == null || mount.Volume == null || VfsPath.Combine("/", mount.Path, out string canonical) != StorageError.Ok || canonical != mount.Path)
        {
            return StorageError.InvalidArgument;
        }

        if (IsMountPoint(mount.Path))
        {
            return StorageError.Exists;
        }

        _mounts.Add(mount);
        return StorageError.Ok;
    }

    /// <summary>Takes the mount at exactly <paramref name="path"/> out of the table; null when there is none.</summary>
    public Mount Remove(string path)
    {
        for (int i = 0; i < _mounts.Count; i++)
        {
            Mount mount = _mounts[i];
            if (mount.Path == path)
            {
                _mounts.RemoveAt(i);
                return mount;
            }
        }

        return null;
    }

    /// <summary>
    /// The mount a canonical path lies on and the path within that volume ("/" for its
    /// root); null when no mount contains the path.
    /// </summary>
    public Mount Resolve(string path, out string relative)
    {
        relative = null;
        Mount best = null;
        for (int i = 0; i < _mounts.Count; i++)
        {
            Mount mount = _mounts[i];
            if ((best == null || mount.Path.Length > best.Path.Length) && VfsPath.IsWithin(path, mount.Path, out string rest))
            {
                best = mount;
                relative = rest;
            }
        }

        return best;
    }

    /// <summary>True when something is mounted exactly at <paramref name="path"/>.</summary>
    public bool IsMountPoint(string path)
    {
        for (int i = 0; i < _mounts.Count; i++)
        {
            if (_mounts[i].Path == path)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="path"/> is a mount point or a directory leading to one (it cannot be removed or renamed).</summary>
    public bool HoldsMount(string path)
    {
        for (int i = 0; i < _mounts.Count; i++)
        {
            if (VfsPath.IsWithin(_mounts[i].Path, path, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the names of mount points directly inside <paramref name="directory"/> to <paramref name="names"/>.</summary>
    public void GetChildMountNames(string directory, List<string> names)
    {
        for (int i = 0; i < _mounts.Count; i++)
        {
            string path = _mounts[i].Path;
            if (path != "/" && VfsPath.GetParent(path) == directory)
            {
                names.Add(VfsPath.GetName(path));
            }
        }
    }
}
