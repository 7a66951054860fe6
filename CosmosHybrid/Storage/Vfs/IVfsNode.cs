using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A file or directory of a mounted volume, as the <see cref="VirtualFileSystem"/> reaches
/// it: the operations a file system (FAT, a pipe, a device, a ring-3 file server) offers.
/// Nodes are found from the volume's <see cref="IVfsVolume.Root"/> one name at a time.
/// </summary>
/// <remarks>
/// <para>Directory operations on a file return <see cref="StorageError.NotDirectory"/>;
/// data operations on a directory <see cref="StorageError.IsDirectory"/>. Names are single
/// path components (never "", "." or ".."). Every operation returns a
/// <see cref="StorageError"/>; none throws.</para>
/// <para>Data operations (<see cref="Read"/>, <see cref="Write"/>, <see cref="SetLength"/>,
/// <see cref="Flush"/>) are valid between <see cref="Open"/> and the matching
/// <see cref="Close"/>; a node may be opened more than once. The node keeps no position:
/// every transfer names its offset, and the open file above it keeps the position.</para>
/// <para>Whoever takes a node from <see cref="Lookup"/> or <see cref="CreateFile"/> lets it go
/// with <see cref="Release"/> once, when it no longer uses it (after the last
/// <see cref="Close"/>); a volume's root is never released. A node of a ring-3 server tells the
/// server then that its id may be reused.</para>
/// </remarks>
public interface IVfsNode
{
    /// <summary>Describes the node (name, kind, size, modification time).</summary>
    StorageError Stat(out FileEntry entry);

    /// <summary>The child called <paramref name="name"/>; <see cref="StorageError.NotFound"/> when there is none.</summary>
    StorageError Lookup(string name, out IVfsNode node);

    /// <summary>Appends every entry of the directory ("." and ".." excluded) to <paramref name="entries"/>.</summary>
    StorageError ReadDirectory(List<FileEntry> entries);

    /// <summary>Creates an empty file called <paramref name="name"/> (<see cref="StorageError.Exists"/> when the name is taken).</summary>
    StorageError CreateFile(string name, out IVfsNode node);

    /// <summary>Creates an empty directory called <paramref name="name"/> (<see cref="StorageError.Exists"/> when the name is taken).</summary>
    StorageError CreateDirectory(string name);

    /// <summary>Deletes the child called <paramref name="name"/>: a file that is not open, or an empty directory.</summary>
    StorageError Remove(string name);

    /// <summary>
    /// Moves the child called <paramref name="name"/> to <paramref name="newParent"/> (a
    /// directory of the same volume, else <see cref="StorageError.CrossDevice"/>) as
    /// <paramref name="newName"/>, which must not exist yet.
    /// </summary>
    StorageError Rename(string name, IVfsNode newParent, string newName);

    /// <summary>Prepares the file for data operations with the access in <paramref name="flags"/>.</summary>
    StorageError Open(VfsOpenFlags flags);

    /// <summary>Reads from <paramref name="offset"/>; fewer bytes (0 at or past the end) when the file ends first.</summary>
    StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead);

    /// <summary>Writes at <paramref name="offset"/>, growing the file (a gap before it reads as zeros).</summary>
    StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten);

    /// <summary>Truncates or extends (with zeros) the file.</summary>
    StorageError SetLength(ulong length);

    /// <summary>Writes what the file system holds in memory for this file to its device.</summary>
    StorageError Flush();

    /// <summary>Ends one <see cref="Open"/>.</summary>
    StorageError Close();

    /// <summary>The taker no longer uses this node (see the remarks); it is not used again.</summary>
    void Release();
}
