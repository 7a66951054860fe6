using System.Collections.Generic;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Processes;

/// <summary>
/// Program files read for spawn, kept parsed in pages of their own so that the next spawn of an
/// unchanged file maps and copies from them as from a boot module instead of reading and parsing
/// the file again. Keyed by the file's <see cref="VfsFileIdentity"/>: any write to the file's volume
/// changes its stamp and makes the images of that volume stale, so a changed file is always read
/// again. At most <see cref="Capacity"/> images and <see cref="ByteLimit"/> bytes (the least
/// recently used leaves first); their frames count in the kernel's footprint, and an image that
/// leaves is freed when the last process mapping it ends. Only under the file-system lock.
/// </summary>
internal static class ProgramImageCache
{
    /// <summary>Images kept at most.</summary>
    public const int Capacity = 4;

    /// <summary>Bytes of kept images at most (a larger program is read for each spawn).</summary>
    public const long ByteLimit = 1024 * 1024;

    private static readonly FileImageTable<ProgramImage> s_table = new(Capacity, ByteLimit);
    private static readonly List<ProgramImage> s_removed = new(Capacity);

    /// <summary>Images kept now.</summary>
    public static int Count => s_table.Count;

    /// <summary>Bytes of the kept images' pages.</summary>
    public static long Bytes => s_table.Bytes;

    /// <summary>The image made from exactly these contents, with a reference for the caller (<see cref="ProgramImage.Release"/>); false when none is kept.</summary>
    public static bool TryTake(in VfsFileIdentity identity, out ProgramImage image)
    {
        bool found = s_table.TryGet(identity, out image, s_removed);
        if (found)
            image.AddReference();
        ReleaseRemoved();
        return found;
    }

    /// <summary>Keeps <paramref name="image"/> (a counted image just read) for the next spawns of the same contents; the caller keeps its own reference.</summary>
    public static void Keep(in VfsFileIdentity identity, ProgramImage image)
    {
        image.AddReference();   // the cache's
        if (!s_table.Add(identity, image, (long)(image.Pages * KernelPages.PageSize), s_removed))
            image.Release();
        ReleaseRemoved();
    }

    /// <summary>Forgets the images of a volume that is no longer mounted.</summary>
    public static void ForgetVolume(IVfsVolume volume)
    {
        s_table.RemoveVolume(volume, s_removed);
        ReleaseRemoved();
    }

    // The cache's references to what left the table: each image is freed once no process maps it.
    private static void ReleaseRemoved()
    {
        for (int i = 0; i < s_removed.Count; i++)
            s_removed[i].Release();
        s_removed.Clear();
    }
}
