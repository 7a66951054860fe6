using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Handles;

/// <summary>
/// A process's handles: small integers (1-based, lowest free first) naming a kernel
/// object and the rights held on it. No handle, no access: every operation on an object
/// starts by looking its handle up here. The table starts small and grows with use up to
/// <see cref="Limit"/>, the process's quota (a server may hold thousands).
/// </summary>
internal sealed class HandleTable
{
    /// <summary>The quota of a process nobody set one for.</summary>
    public const int DefaultLimit = 1024;

    /// <summary>The largest quota a process may be given.</summary>
    public const int MaxLimit = 65536;

    private const int InitialSlots = 16;

    private KernelObject[] _objects = new KernelObject[InitialSlots];
    private HandleRights[] _rights = new HandleRights[InitialSlots];

    // No slot below this one is free: where the search for a free slot starts.
    private int _lowestFree;

    public int Count { get; private set; }

    /// <summary>How many handles the process may hold at once.</summary>
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>Slots in use or free; handle values run from 1 to this.</summary>
    public int SlotCount => _objects.Length;

    /// <summary>Adds a handle; returns its value (1-based) or 0 when the process holds its quota.</summary>
    public long Add(KernelObject target, HandleRights rights)
    {
        if (Count >= Limit)
            return 0;
        int index = _lowestFree;
        while (index < _objects.Length && _objects[index] != null)
            index++;
        if (index == _objects.Length)
            Grow();
        Place(index, target, rights);
        _lowestFree = index + 1;
        return index + 1;
    }

    /// <summary>
    /// Puts a handle at a given value in a table nobody else sees yet (a process being
    /// spawned): its startup handles keep the spawner's order, gaps included.
    /// </summary>
    public void Install(long handle, KernelObject target, HandleRights rights)
    {
        int index = (int)handle - 1;
        while (index >= _objects.Length)
            Grow();
        Place(index, target, rights);
    }

    private void Place(int index, KernelObject target, HandleRights rights)
    {
        _objects[index] = target;
        _rights[index] = rights;
        Count++;
        target.References++;
        target.OnHandleOpened(rights);
    }

    /// <summary>The object behind <paramref name="handle"/> if the handle is open and holds <paramref name="needed"/>.</summary>
    public SyscallError Lookup(long handle, HandleRights needed, out KernelObject target, out HandleRights rights)
    {
        target = null;
        rights = HandleRights.None;
        if (handle < 1 || handle > _objects.Length || _objects[handle - 1] == null)
            return SyscallError.BadHandle;
        rights = _rights[handle - 1];
        if ((rights & needed) != needed)
            return SyscallError.NoRight;
        target = _objects[handle - 1];
        return SyscallError.None;
    }

    /// <summary>Removes a handle; the caller decides what the object does next (it may be moving elsewhere).</summary>
    public bool Detach(long handle, out KernelObject target, out HandleRights rights)
    {
        if (Lookup(handle, HandleRights.None, out target, out rights) != SyscallError.None)
            return false;
        int index = (int)handle - 1;
        _objects[index] = null;
        if (index < _lowestFree)
            _lowestFree = index;
        Count--;
        target.References--;
        target.OnHandleRemoved(rights);
        return true;
    }

    /// <summary>The object in slot <paramref name="index"/> (0-based), or null when the slot is free.</summary>
    public KernelObject GetObject(int index) => _objects[index];

    public HandleRights GetRights(int index) => _rights[index];

    private void Grow()
    {
        int slots = _objects.Length * 2;
        if (slots > Limit && Limit > _objects.Length)
            slots = Limit;
        var objects = new KernelObject[slots];
        var rights = new HandleRights[slots];
        for (int i = 0; i < _objects.Length; i++)
        {
            objects[i] = _objects[i];
            rights[i] = _rights[i];
        }
        _objects = objects;
        _rights = rights;
    }
}
