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

    // One array of object-and-rights pairs: a lookup checks one bound and reads one slot.
    private HandleSlot[] _slots = new HandleSlot[InitialSlots];

    // No slot below this one is free: where the search for a free slot starts.
    private int _lowestFree;

    public int Count { get; private set; }

    /// <summary>How many handles the process may hold at once.</summary>
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>Slots in use or free; handle values run from 1 to this.</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Adds a handle; returns its value (1-based) or 0 when the process holds its quota.</summary>
    public long Add(KernelObject target, HandleRights rights)
    {
        if (Count >= Limit)
            return 0;
        int index = _lowestFree;
        while (index < _slots.Length && _slots[index].Object != null)
            index++;
        if (index == _slots.Length)
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
        while (index >= _slots.Length)
            Grow();
        Place(index, target, rights);
    }

    private void Place(int index, KernelObject target, HandleRights rights)
    {
        _slots[index].Object = target;
        _slots[index].Rights = rights;
        Count++;
        target.References++;
        target.OnHandleOpened(rights);
    }

    /// <summary>The object behind <paramref name="handle"/> if the handle is open and holds <paramref name="needed"/>.</summary>
    // Inlined: every handle-taking call starts here (the IPC fast path twice a round trip), and inlined its
    // out arguments are the caller's locals, stored without a write barrier.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public SyscallError Lookup(long handle, HandleRights needed, out KernelObject target, out HandleRights rights)
    {
        target = null;
        rights = HandleRights.None;
        HandleSlot[] slots = _slots;
        // Handle values run from 1: 0 and negative values wrap around to above any length.
        ulong index = (ulong)handle - 1;
        if (index >= (ulong)slots.Length)
            return SyscallError.BadHandle;
        ref HandleSlot slot = ref slots[(int)index];
        if (slot.Object == null)
            return SyscallError.BadHandle;
        rights = slot.Rights;
        if ((rights & needed) != needed)
            return SyscallError.NoRight;
        target = slot.Object;
        return SyscallError.None;
    }

    /// <summary>Removes a handle; the caller decides what the object does next (it may be moving elsewhere).</summary>
    public bool Detach(long handle, out KernelObject target, out HandleRights rights)
    {
        if (Lookup(handle, HandleRights.None, out target, out rights) != SyscallError.None)
            return false;
        int index = (int)handle - 1;
        _slots[index].Object = null;
        if (index < _lowestFree)
            _lowestFree = index;
        Count--;
        target.References--;
        target.OnHandleRemoved(rights);
        return true;
    }

    /// <summary>The object in slot <paramref name="index"/> (0-based), or null when the slot is free.</summary>
    public KernelObject GetObject(int index) => _slots[index].Object;

    public HandleRights GetRights(int index) => _slots[index].Rights;

    private void Grow()
    {
        int count = _slots.Length * 2;
        if (count > Limit && Limit > _slots.Length)
            count = Limit;
        var slots = new HandleSlot[count];
        for (int i = 0; i < _slots.Length; i++)
            slots[i] = _slots[i];
        _slots = slots;
    }

    private struct HandleSlot
    {
        public KernelObject Object;
        public HandleRights Rights;
    }
}
