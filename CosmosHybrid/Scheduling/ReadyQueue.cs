using System.Runtime.CompilerServices;

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
    // One struct per level, not two arrays of nodes: a store into an array of a class that is not
    // sealed (Thread derives from SchedulerNode) pays a covariance check, ~70 instructions a switch.
    private struct Level
    {
        public SchedulerNode Head;
        public SchedulerNode Tail;
    }

    private readonly Level[] _levels;
    private uint _nonEmptyLevels;
    private int _count;

    public ReadyQueue(int levelCount)
    {
        _levels = new Level[levelCount];
    }

    public int Count => _count;

    /// <summary>Bit n set: level n is not empty.</summary>
    public uint NonEmptyLevels => _nonEmptyLevels;

    /// <summary>The highest (numerically lowest) non-empty level, or -1 if nothing is ready.</summary>
    public int HighestLevel => _nonEmptyLevels == 0 ? -1 : PriorityBitmap.LowestSetBit(_nonEmptyLevels);

    /// <summary>True when a level above (numerically below) <paramref name="priority"/> has a ready thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every switch: a call would cost more than the test
    public bool HasReadyAbove(int priority) => (_nonEmptyLevels & ((1UL << priority) - 1)) != 0;

    /// <summary>The longest waiter at <paramref name="level"/>, or null.</summary>
    public SchedulerNode First(int level) => _levels[level].Head;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every switch
    public void PushBack(SchedulerNode node)
    {
        int level = node.EffectivePriority;
        ref Level list = ref _levels[level];
        SchedulerNode tail = list.Tail;
        node.ReadyNext = null;
        node.ReadyPrevious = tail;
        if (tail == null)
        {
            list.Head = node;
            _nonEmptyLevels |= 1u << level;
        }
        else
        {
            tail.ReadyNext = node;
        }
        list.Tail = node;
        _count++;
    }

    public void Remove(SchedulerNode node)
    {
        int level = node.EffectivePriority;
        ref Level list = ref _levels[level];
        if (node.ReadyPrevious == null)
            list.Head = node.ReadyNext;
        else
            node.ReadyPrevious.ReadyNext = node.ReadyNext;
        if (node.ReadyNext == null)
            list.Tail = node.ReadyPrevious;
        else
            node.ReadyNext.ReadyPrevious = node.ReadyPrevious;
        node.ReadyNext = null;
        node.ReadyPrevious = null;
        if (list.Head == null)
            _nonEmptyLevels &= ~(1u << level);
        _count--;
    }

    /// <summary>Takes the head of the highest non-empty level, or returns null if nothing is ready.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every switch
    public SchedulerNode PopHighest()
    {
        int level = HighestLevel;
        if (level < 0)
            return null;
        // Remove for the head: it has no previous node, so half of Remove's tests drop out.
        ref Level list = ref _levels[level];
        SchedulerNode node = list.Head;
        SchedulerNode next = node.ReadyNext;
        list.Head = next;
        if (next == null)
        {
            list.Tail = null;
            _nonEmptyLevels &= ~(1u << level);
        }
        else
        {
            next.ReadyPrevious = null;
            node.ReadyNext = null;
        }
        _count--;
        return node;
    }
}
