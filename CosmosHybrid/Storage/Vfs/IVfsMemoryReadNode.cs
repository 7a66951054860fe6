using System;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A file node that can answer a read from memory without waiting for anything (a RAM disk, a
/// cache hit, no allocation-table lookup): what lets a cached read skip the file-system lock
/// (<see cref="OpenFile.TryReadFromMemory"/>).
/// </summary>
public interface IVfsMemoryReadNode
{
    /// <summary>
    /// As <see cref="IVfsNode.Read"/>, only when the bytes are in memory now: true with the bytes read
    /// (0 at or past the end), or false with nothing read and nothing changed but the buffer, which the
    /// ordinary read that follows then writes.
    /// </summary>
    bool TryReadFromMemory(ulong offset, Span<byte> buffer, out int bytesRead);
}
