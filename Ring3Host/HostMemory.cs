using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// Page-aligned native memory handed out to simulated processes (their "MapMemory"):
/// stable addresses for buffers and grants. Freed all at once when the kernel is disposed.
/// </summary>
internal sealed unsafe class HostMemory
{
    public const int PageSize = 4096;

    /// <summary>At most 64 MiB per allocation.</summary>
    public const long MaxPages = 16384;

    private readonly List<nint> _blocks = new List<nint>();

    public ulong Allocate(long pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pages, MaxPages);
        nuint bytes = (nuint)(pages * PageSize);
        void* block = NativeMemory.AlignedAlloc(bytes, PageSize);
        NativeMemory.Clear(block, bytes);
        lock (_blocks)
            _blocks.Add((nint)block);
        return (ulong)block;
    }

    public void FreeAll()
    {
        lock (_blocks)
        {
            foreach (nint block in _blocks)
                NativeMemory.AlignedFree((void*)block);
            _blocks.Clear();
        }
    }
}
