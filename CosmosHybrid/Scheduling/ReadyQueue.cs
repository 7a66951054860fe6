namespace CosmosHybrid.Scheduling;

/// <summary>
/// The ready threads: one FIFO list per priority level, and a bitmap of the
/// non-empty levels so the highest one is found in constant time. A node sits in
/// the list of its <see cref="SchedulerNode.EffectivePriority"/>; change that only
/// while the node is out of the lists.
/// </summary>
/// <remarks>
/// Nodes are only ever appended, each stamped with the current tick in
/// <see cref="SchedulerNode.ReadySince"/>, so every list is ordered by that stamp
/// and its head is its longest waiter: aging looks only at heads.
/// </remarks>
internal sealed class ReadyQueue
{
    private readonly SchedulerNode[] _heads;
    private readonly SchedulerNode[] _tails;
    private uint _nonEmptyLevels;
    private int _count;

    public ReadyQueue(int levelCount)
    {
        _heads = new SchedulerNode[levelCount];
        _tails = new SchedulerNode[levelCount];
    }

    public int Count => _count;

    /// <summary>Bit n set: level n is not empty.</summary>
    public uint NonEmptyLevels => _nonEmptyLevels;

    /// <summary>The highest (numerically lowest) non-empty level, or -1 if nothing is ready.</summary>
    public int HighestLevel => _nonEmptyLevels == 0 ? -1 : PriorityBitmap.LowestSetBit(_nonEmptyLevels);

    /// <summary>The longest waiter at <paramref name="level"/>, or null.</summary>
    public SchedulerNode First(int level) => _heads[level];

    public void PushBack(SchedulerNode node)
    {
        int level = node.EffectivePriority;
        SchedulerNode tail = _tails[level];
        node.ReadyNext = null;
        node.ReadyPrevious = tail;
        if (tail == null)
        {
            _heads[level] = node;
            _nonEmptyLevels |= 1u << level;
        }
        else
        {
            tail.ReadyNext = node;
        }
        _tails[level] = node;
        _count++;
    }

    public void Remove(SchedulerNode node)
    {
        int level = node.EffectivePriority;
        if (node.ReadyPrevious == null)
            _heads[level] = node.ReadyNext;
        else
            node.ReadyPrevious.ReadyNext = node.ReadyNext;
        if (node.ReadyNext == null)
            _tails[level] = node.ReadyPrevious;
        else
            node.ReadyNext.ReadyPrevious = node.ReadyPrevious;
        node.ReadyNext = null;
        node.ReadyPrevious = null;
        if (_heads[level] == null)
            _nonEmptyLevels &= ~(1u << level);
        _count--;
    }

    /// <summary>Takes the head of the highest non-empty level, or returns null if nothing is ready.</summary>
    public SchedulerNode PopHighest()
    {
        int level = HighestLevel;
        if (level < 0)
            return null;
        SchedulerNode node = _heads[level];
        Remove(node);
        return node;
    }
}
