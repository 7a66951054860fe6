using System.Collections.Generic;

namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>
/// The kernel's side of the ring-3 server's node ids: how many kernel nodes (open files, nodes of
/// a path being walked) refer to each id of the current server. An id no kernel node refers to
/// any more stays held a little longer among the last few let go, so a name looked up again and
/// again (a directory on many paths) keeps its id without a call; when it falls out of those it
/// is to be released to the server (<see cref="Services.Abi.FileServer.FileServerOperation.Release"/>).
/// So the server holds the ids the kernel holds plus at most <see cref="IdleCapacity"/>.
/// Used inside a volume turn (one caller at a time).
/// </summary>
internal sealed class ServerNodeReferences
{
    private readonly Dictionary<ulong, int> _counts = new Dictionary<ulong, int>();
    // Ids no kernel node refers to, the one let go longest ago first.
    private readonly List<ulong> _idle = new List<ulong>();

    /// <summary>The idle ids a forwarding volume keeps: a path's directories and a few files.</summary>
    public const int KernelIdleCapacity = 32;

    public ServerNodeReferences(int idleCapacity) => IdleCapacity = idleCapacity;

    /// <summary>How many ids without a kernel node stay held before the oldest is released.</summary>
    public int IdleCapacity { get; }

    /// <summary>Ids some kernel node refers to now.</summary>
    public int Referenced => _counts.Count;

    /// <summary>Ids the server keeps for the kernel now: referenced or idle.</summary>
    public int Held => _counts.Count + _idle.Count;

    /// <summary>A new kernel node refers to <paramref name="id"/> (the server has just named it).</summary>
    public void Take(ulong id)
    {
        _counts.TryGetValue(id, out int count);
        _counts[id] = count + 1;
        if (count == 0)
            _idle.Remove(id);
    }

    /// <summary>
    /// A kernel node of <paramref name="id"/> is let go. True when an id is to be released to the
    /// server now (<paramref name="release"/>: the idle id let go longest ago). An id not taken is ignored.
    /// </summary>
    public bool Drop(ulong id, out ulong release)
    {
        release = 0;
        if (!_counts.TryGetValue(id, out int count))
            return false;
        if (count > 1)
        {
            _counts[id] = count - 1;
            return false;
        }
        _counts.Remove(id);
        _idle.Add(id);
        if (_idle.Count <= IdleCapacity)
            return false;
        release = _idle[0];
        _idle.RemoveAt(0);
        return true;
    }

    /// <summary>A new server attached: the old one's ids mean nothing to it.</summary>
    public void Clear()
    {
        _counts.Clear();
        _idle.Clear();
    }
}
