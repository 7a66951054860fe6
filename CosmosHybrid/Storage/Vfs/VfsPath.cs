using System;
using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// Path arithmetic of the virtual file system. Paths are '/'-separated; a canonical path
/// is absolute, has no empty, "." or ".." components and no trailing '/' ("/" itself is
/// the root). ".." is applied lexically, which is exact while no volume has links, and it
/// crosses mount points like any other directory: "/disk/.." is "/".
/// </summary>
public static class VfsPath
{
    /// <summary>The longest canonical path accepted.</summary>
    public const int MaxLength = 1024;

    /// <summary>The longest single component (FAT's long-name limit).</summary>
    public const int MaxComponentLength = 255;

    /// <summary>
    /// The canonical form of <paramref name="path"/>, taken relative to
    /// <paramref name="workingDirectory"/> (canonical) unless it starts with '/'.
    /// </summary>
    /// <returns><see cref="StorageError.InvalidArgument"/> for an empty path,
    /// <see cref="StorageError.InvalidName"/> when a component or the result is too long.</returns>
    public static StorageError Combine(string workingDirectory, string path, out string result)
    {
        result = null;
        if (string.IsNullOrEmpty(path))
        {
            return StorageError.InvalidArgument;
        }

        var components = new List<string>();
        if (path[0] != '/')
        {
            StorageError error = Append(components, workingDirectory ?? "/");
            if (error != StorageError.Ok)
            {
                return error;
            }
        }

        StorageError pathError = Append(components, path);
        if (pathError != StorageError.Ok)
        {
            return pathError;
        }

        var builder = new StringBuilder();
        for (int i = 0; i < components.Count; i++)
        {
            builder.Append('/');
            builder.Append(components[i]);
        }

        if (builder.Length > MaxLength)
        {
            return StorageError.InvalidName;
        }

        result = builder.Length == 0 ? "/" : builder.ToString();
        return StorageError.Ok;
    }

    /// <summary>
    /// True when canonical <paramref name="path"/> is <paramref name="directory"/> or lies
    /// below it; <paramref name="rest"/> is then the path from there ("/" for the directory itself).
    /// </summary>
    public static bool IsWithin(string path, string directory, out string rest)
    {
        rest = null;
        if (directory == "/")
        {
            rest = path;
            return true;
        }

        if (path == directory)
        {
            rest = "/";
            return true;
        }

        if (path.Length > directory.Length && path[directory.Length] == '/' && path.StartsWith(directory, StringComparison.Ordinal))
        {
            rest = path.Substring(directory.Length);
            return true;
        }

        return false;
    }

    /// <summary>The directory part of a canonical path ("/" for "/a" and for "/").</summary>
    public static string GetParent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path.Substring(0, slash);
    }

    /// <summary>The last component of a canonical path ("" for the root).</summary>
    public static string GetName(string path)
    {
        int slash = path.LastIndexOf('/');
        return path.Substring(slash + 1);
    }

    // Applies the components of 'path' to 'components': skips empty ones and ".", pops on "..".
    private static StorageError Append(List<string> components, string path)
    {
        int start = 0;
        while (start <= path.Length)
        {
            int end = path.IndexOf('/', start);
            if (end < 0)
            {
                end = path.Length;
            }

            int length = end - start;
            if (length > MaxComponentLength)
            {
                return StorageError.InvalidName;
            }

            if (length == 2 && path[start] == '.' && path[start + 1] == '.')
            {
                if (components.Count > 0)
                {
                    components.RemoveAt(components.Count - 1);
                }
            }
            else if (length > 0 && !(length == 1 && path[start] == '.'))
            {
                components.Add(path.Substring(start, length));
            }

            start = end + 1;
        }

        return StorageError.Ok;
    }
}
