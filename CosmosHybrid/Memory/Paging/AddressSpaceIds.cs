namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// Numbers the live user address spaces 1..<see cref="Capacity"/>. When the CPU has
/// PCIDs, the number is also the process-context identifier the TLB tags that space's
/// entries with, so switching to it need not flush what it left there. A number given
/// back is handed out again last (oldest first), which keeps reuse of a PCID rare.
/// </summary>
internal sealed class AddressSpaceIds
{
    /// <summary>PCIDs are 12 bits, and 0 is the kernel's.</summary>
    public const int MaxCapacity = 4095;

    private readonly int[] _free;          // a ring of free ids, oldest at _head
    private readonly bool[] _isFree;       // by id
    private int _head;
    private int _count;

    public AddressSpaceIds(int capacity)
    {
        if (capacity < 1 || capacity > MaxCapacity)
            throw new System.ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
        _free = new int[capacity];
        _isFree = new bool[capacity + 1];
        for (int i = 0; i < capacity; i++)
        {
            _free[i] = i + 1;
            _isFree[i + 1] = true;
        }
        _count = capacity;
    }

    public int Capacity { get; }

    public int InUse => Capacity - _count;

    /// <summary>A number not in use, or 0 when all are.</summary>
    public int Allocate()
    {
        if (_count == 0)
            return 0;
        int id = _free[_head];
        _head = (_head + 1) % Capacity;
        _count--;
        _isFree[id] = false;
        return id;
    }

    /// <summary>Gives <paramref name="id"/> back; ids that are out of range or already free are refused.</summary>
    public bool Free(int id)
    {
        if (id < 1 || id > Capacity || _isFree[id])
            return false;
        _free[(_head + _count) % Capacity] = id;
        _count++;
        _isFree[id] = true;
        return true;
    }
}
