using System.Collections.Generic;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Server;

/// <summary>
/// The nodes the server has named to the kernel: id 1 the root, then one id per distinct
/// (directory, name) looked up or created, so repeated lookups of a path reuse their id and the
/// table grows with the names touched, not with the calls. An id the server never gave is
/// refused (the kernel's requests are checked like any client's).
/// </summary>
internal sealed class NodeTable
{
    private readonly List<IVfsNode> _nodes = new List<IVfsNode>();
    private readonly Dictionary<string, ulong> _byName = new Dictionary<string, ulong>();

    public NodeTable(IVfsNode root)
    {
        _nodes.Add(root);
    }

    /// <summary>The node behind <paramref name="id"/>, or null.</summary>
    public IVfsNode Get(ulong id) =>
        id >= FileServerProtocol.RootNode && id - FileServerProtocol.RootNode < (ulong)_nodes.Count ? _nodes[(int)(id - FileServerProtocol.RootNode)] : null;

    /// <summary>The id of <paramref name="node"/>, found as <paramref name="name"/> in directory <paramref name="parent"/>.</summary>
    public ulong Name(ulong parent, string name, IVfsNode node)
    {
        string key = Key(parent, name);
        if (_byName.TryGetValue(key, out ulong id))
        {
            _nodes[(int)(id - FileServerProtocol.RootNode)] = node;
            return id;
        }
        _nodes.Add(node);
        id = (ulong)_nodes.Count - 1 + FileServerProtocol.RootNode;
        _byName[key] = id;
        return id;
    }

    /// <summary>The name no longer leads to its node (removed or renamed): the next lookup gets a new id.</summary>
    public void Forget(ulong parent, string name) => _byName.Remove(Key(parent, name));

    private static string Key(ulong parent, string name) => parent.ToString() + "/" + name.ToUpperInvariant();
}
