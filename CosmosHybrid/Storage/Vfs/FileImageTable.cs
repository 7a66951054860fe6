using System.Collections.Generic;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A small table of things made from files' contents (program images), each under the
/// <see cref="VfsFileIdentity"/> of the file it was made from: at most a fixed number of entries
/// and of bytes, the least recently used going first. An entry whose volume has changed since it
/// was made is never returned: the lookup that sees the volume's newer stamp drops it. Whatever
/// leaves the table is appended to the caller's list, for the caller to let go of.
/// Not thread-safe: the caller serialises (the kernel holds its file-system lock).
/// </summary>
public sealed class FileImageTable<T> where T : class
{
    private readonly VfsFileIdentity[] _identities;
    private readonly T[] _items;
    private readonly long[] _sizes;
    private readonly ulong[] _lastUse;
    private readonly long _byteLimit;
    private ulong _clock;

    public FileImageTable(int capacity, long byteLimit)
    {
        _identities = new VfsFileIdentity[capacity];
        _items = new T[capacity];
        _sizes = new long[capacity];
        _lastUse = new ulong[capacity];
        _byteLimit = byteLimit;
    }

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of the entries held, as their adders counted them.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// The entry made from exactly these contents, now the most recently used; false when there is
    /// none. Entries of the same volume made before its last change go to <paramref name="removed"/>.
    /// </summary>
    public bool TryGet(in VfsFileIdentity identity, out T item, List<T> removed)
    {
        item = null;
        for (int i = Count - 1; i >= 0; i--)
        {
            ref VfsFileIdentity held = ref _identities[i];
            if (held.Volume != identity.Volume)
                continue;
            if (held.ChangeStamp != identity.ChangeStamp)
            {
                RemoveAt(i, removed);
                continue;
            }
            if (held.SameContents(identity))
            {
                _lastUse[i] = ++_clock;
                item = _items[i];
            }
        }
        return item != null;
    }

    /// <summary>
    /// Keeps <paramref name="item"/> (<paramref name="bytes"/> long) under <paramref name="identity"/>,
    /// making room by removing the least recently used entries; false (nothing kept, nothing removed)
    /// when it alone is over the byte limit. An entry for the same file goes first.
    /// </summary>
    public bool Add(in VfsFileIdentity identity, T item, long bytes, List<T> removed)
    {
        if (bytes > _byteLimit || _items.Length == 0)
            return false;
        for (int i = Count - 1; i >= 0; i--)
        {
            if (_identities[i].Volume == identity.Volume && _identities[i].Node == identity.Node)
                RemoveAt(i, removed);
        }
        while (Count == _items.Length || Bytes + bytes > _byteLimit)
            RemoveAt(LeastRecentlyUsed(), removed);
        _identities[Count] = identity;
        _items[Count] = item;
        _sizes[Count] = bytes;
        _lastUse[Count] = ++_clock;
        Count++;
        Bytes += bytes;
        return true;
    }

    /// <summary>Removes every entry of <paramref name="volume"/> (it is unmounted).</summary>
    public void RemoveVolume(IVfsVolume volume, List<T> removed)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            if (_identities[i].Volume == volume)
                RemoveAt(i, removed);
        }
    }

    private int LeastRecentlyUsed()
    {
        int oldest = 0;
        for (int i = 1; i < Count; i++)
        {
            if (_lastUse[i] < _lastUse[oldest])
                oldest = i;
        }
        return oldest;
    }

    // The last entry fills the hole.
    private void RemoveAt(int index, List<T> removed)
    {
        removed.Add(_items[index]);
        Bytes -= _sizes[index];
        Count--;
        _identities[index] = _identities[Count];
        _items[index] = _items[Count];
        _sizes[index] = _sizes[Count];
        _lastUse[index] = _lastUse[Count];
        _identities[Count] = default;
        _items[Count] = null;
    }
}
