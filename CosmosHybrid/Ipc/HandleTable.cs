using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// A process's handles: small integers (1-based, lowest free first) naming a port and
/// the rights held on it. No handle, no access: every port operation starts by looking
/// the handle up here. Generic over the object a handle names (<see cref="Port"/> today).
/// </summary>
internal sealed class HandleTable<TPort> where TPort : class, IHandleObject
{
    public const int Capacity = 64;

    private readonly TPort[] _ports = new TPort[Capacity];
    private readonly HandleRights[] _rights = new HandleRights[Capacity];

    public int Count { get; private set; }

    /// <summary>Adds a handle; returns its value (1-based) or 0 when the table is full.</summary>
    public long Add(TPort port, HandleRights rights)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (_ports[i] != null)
                continue;
            _ports[i] = port;
            _rights[i] = rights;
            port.References++;
            if ((rights & HandleRights.Receive) != 0)
                port.ReceiveHandles++;
            Count++;
            return i + 1;
        }
        return 0;
    }

    /// <summary>The port behind <paramref name="handle"/> if the handle is open and holds <paramref name="needed"/>.</summary>
    public SyscallError Lookup(long handle, HandleRights needed, out TPort port, out HandleRights rights)
    {
        port = null;
        rights = HandleRights.None;
        if (handle < 1 || handle > Capacity || _ports[handle - 1] == null)
            return SyscallError.BadHandle;
        rights = _rights[handle - 1];
        if ((rights & needed) != needed)
            return SyscallError.NoRight;
        port = _ports[handle - 1];
        return SyscallError.None;
    }

    /// <summary>Removes a handle without closing the port's side of it (it is being moved elsewhere).</summary>
    public bool Detach(long handle, out TPort port, out HandleRights rights)
    {
        if (Lookup(handle, HandleRights.None, out port, out rights) != SyscallError.None)
            return false;
        _ports[handle - 1] = null;
        Count--;
        port.References--;
        if ((rights & HandleRights.Receive) != 0)
            port.ReceiveHandles--;
        return true;
    }

    public TPort GetPort(int index) => _ports[index];

    public HandleRights GetRights(int index) => _rights[index];
}
