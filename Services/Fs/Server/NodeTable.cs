using System.Collections.Generic;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Server;

/// <summary>
/// The nodes the server has named to the kernel: id 1 the root, then an id per (directory, name)
/// looked up or created. A new lookup of a name reuses its id with the fresh node unless the old
/// node is open (an engine node knows its file as of its lookup, and holds the file while open):
/// then the name gets a new id and the open one stays. When the kernel no longer refers to an id
/// it releases it (<see cref="FileServerOperation.Release"/>): the slot is freed and reused by a
/// later name, so the table holds what the kernel holds, not every name ever touched. An id the
/// server never gave, or gave and took back, is refused (the kernel's requests are checked like
/// any client's).
/// </summary>
internal sealed class NodeTable
{
    private readonly List<IVfsNode> _nodes = new List<IVfsNode>();
    private readonly List<int> _opens = new List<int>();
    private readonly List<string> _keys = new List<string>();
    // A slot's incarnation: bumped when it is freed, so the names found in the directory it held
    // (keyed by its id) are not found again under the directory that reuses the id.
    private readonly List<uint> _incarnations = new List<uint>();
    private readonly Stack<int> _free = new Stack<int>();
    private readonly Dictionary<string, ulong> _byName = new Dictionary<string, ulong>();

    public NodeTable(IVfsNode root)
    {
        _nodes.Add(root);
        _opens.Add(0);
        _keys.Add(null);
        _incarnations.Add(0);
    }

    /// <summary>How many ids are given out now, the root's included.</summary>
    public int Count => _nodes.Count - _free.Count;

    /// <summary>How many slots the table has ever needed (its size in memory).</summary>
    public int Capacity => _nodes.Count;

    /// <summary>The node behind <paramref name="id"/>, or null.</summary>
    public IVfsNode Get(ulong id) => IsSlot(id) ? _nodes[Index(id)] : null;

    /// <summary>The id of <paramref name="node"/>, found as <paramref name="name"/> in directory <paramref name="parent"/>.</summary>
    public ulong Name(ulong parent, string name, IVfsNode node)
    {
        string key = Key(parent, name);
        if (_byName.TryGetValue(key, out ulong id) && _opens[Index(id)] == 0)
        {
            _nodes[Index(id)] = node;
            return id;
        }
        int index;
        if (_free.Count > 0)
        {
            index = _free.Pop();
            _nodes[index] = node;
        }
        else
        {
            index = _nodes.Count;
            _nodes.Add(node);
            _opens.Add(0);
            _keys.Add(null);
            _incarnations.Add(0);
        }
        id = (ulong)index + FileServerProtocol.RootNode;
        if (_byName.TryGetValue(key, out ulong open))
            _keys[Index(open)] = null; // the open node keeps its id, no longer its name
        _keys[index] = key;
        _byName[key] = id;
        return id;
    }

    /// <summary>The node of <paramref name="id"/> was opened (it keeps its id until closed as often).</summary>
    public void Opened(ulong id) => _opens[Index(id)]++;

    /// <summary>One open of the node of <paramref name="id"/> ended.</summary>
    public void Closed(ulong id)
    {
        if (_opens[Index(id)] > 0)
            _opens[Index(id)]--;
    }

    /// <summary>
    /// The kernel no longer refers to <paramref name="id"/>: its slot is freed for a later name.
    /// Refused for the root, an id not given out, and a node still open (the kernel closes first).
    /// </summary>
    public StorageError Release(ulong id)
    {
        if (id == FileServerProtocol.RootNode || !IsSlot(id) || _nodes[Index(id)] == null)
            return StorageError.InvalidArgument;
        int index = Index(id);
        if (_opens[index] > 0)
            return StorageError.Busy;
        string key = _keys[index];
        if (key != null && _byName.TryGetValue(key, out ulong named) && named == id)
            _byName.Remove(key);
        _nodes[index] = null;
        _keys[index] = null;
        _incarnations[index]++;
        _free.Push(index);
        return StorageError.Ok;
    }

    /// <summary>The name no longer leads to its node (removed or renamed): the next lookup gets a new id.</summary>
    public void Forget(ulong parent, string name)
    {
        string key = Key(parent, name);
        if (_byName.TryGetValue(key, out ulong id))
        {
            _keys[Index(id)] = null;
            _byName.Remove(key);
        }
    }

    private bool IsSlot(ulong id) => id >= FileServerProtocol.RootNode && id - FileServerProtocol.RootNode < (ulong)_nodes.Count;

    private static int Index(ulong id) => (int)(id - FileServerProtocol.RootNode);

    private string Key(ulong parent, string name) =>
        parent.ToString() + ":" + _incarnations[Index(parent)].ToString() + "/" + name.ToUpperInvariant();
}
