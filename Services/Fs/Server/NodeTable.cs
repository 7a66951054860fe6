using System.Collections.Generic;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Server;

/// <summary>
/// The nodes the server has named to the kernel: id 1 the root, then an id per (directory, name)
/// looked up or created. A new lookup of a name reuses its id with the fresh node unless the old
/// node is open (an engine node knows its file as of its lookup, and holds the file while open):
/// then the name gets a new id and the open one stays. So the table grows with the names touched
/// and the files open at once, not with the calls. An id the server never gave is refused (the
/// kernel's requests are checked like any client's).
/// </summary>
internal sealed class NodeTable
{
    private readonly List<IVfsNode> _nodes = new List<IVfsNode>();
    private readonly List<int> _opens = new List<int>();
    private readonly Dictionary<string, ulong> _byName = new Dictionary<string, ulong>();

    public NodeTable(IVfsNode root)
    {
        _nodes.Add(root);
        _opens.Add(0);
    }

    /// <summary>The node behind <paramref name="id"/>, or null.</summary>
    public IVfsNode Get(ulong id) =>
        id >= FileServerProtocol.RootNode && id - FileServerProtocol.RootNode < (ulong)_nodes.Count ? _nodes[(int)(id - FileServerProtocol.RootNode)] : null;

    /// <summary>The id of <paramref name="node"/>, found as <paramref name="name"/> in directory <paramref name="parent"/>.</summary>
    public ulong Name(ulong parent, string name, IVfsNode node)
    {
        string key = Key(parent, name);
        if (_byName.TryGetValue(key, out ulong id) && _opens[Index(id)] == 0)
        {
            _nodes[Index(id)] = node;
            return id;
        }
        _nodes.Add(node);
        _opens.Add(0);
        id = (ulong)_nodes.Count - 1 + FileServerProtocol.RootNode;
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

    private static int Index(ulong id) => (int)(id - FileServerProtocol.RootNode);

    /// <summary>The name no longer leads to its node (removed or renamed): the next lookup gets a new id.</summary>
    public void Forget(ulong parent, string name) => _byName.Remove(Key(parent, name));

    private static string Key(ulong parent, string name) => parent.ToString() + "/" + name.ToUpperInvariant();
}
