namespace CosmosHybrid.Scheduling;

/// <summary>
/// Sleeping threads ordered by <see cref="SchedulerNode.WakeTick"/> (ties: first come,
/// first woken), as an intrusive pairing heap: insert is O(1), taking the earliest
/// and removing any sleeper (a thread killed or woken early) are O(log n) amortised,
/// and no operation allocates. The timer tick only looks at the root.
/// </summary>
/// <remarks>
/// Each node links to its first child, its next sibling, and its previous sibling
/// (or its parent, if it is a first child). All loops are iterative: this runs on a
/// small kernel stack, often in the timer interrupt.
/// </remarks>
internal sealed class SleepQueue
{
    private SchedulerNode _root;
    private int _count;
    private ulong _nextSequence;

    public int Count => _count;

    /// <summary>The sleeper that wakes first, or null.</summary>
    public SchedulerNode Earliest => _root;

    public void Insert(SchedulerNode node)
    {
        node.SleepSequence = _nextSequence++;
        node.SleepChild = null;
        node.SleepSibling = null;
        node.SleepPrevious = null;
        _root = _root == null ? node : Meld(_root, node);
        _count++;
    }

    /// <summary>Removes and returns the earliest sleeper, or null if there is none.</summary>
    public SchedulerNode TakeEarliest()
    {
        SchedulerNode earliest = _root;
        if (earliest != null)
            Remove(earliest);
        return earliest;
    }

    /// <summary>Removes <paramref name="node"/>, which must be in this queue.</summary>
    public void Remove(SchedulerNode node)
    {
        if (node == _root)
        {
            _root = MergePairs(node.SleepChild);
        }
        else
        {
            // Cut the node's subtree out of its parent's child list...
            SchedulerNode previous = node.SleepPrevious;
            if (previous.SleepChild == node)
                previous.SleepChild = node.SleepSibling;
            else
                previous.SleepSibling = node.SleepSibling;
            if (node.SleepSibling != null)
                node.SleepSibling.SleepPrevious = previous;

            // ...and put its children back as one tree.
            SchedulerNode children = MergePairs(node.SleepChild);
            if (children != null)
                _root = Meld(_root, children);
        }
        node.SleepChild = null;
        node.SleepSibling = null;
        node.SleepPrevious = null;
        _count--;
    }

    private static bool WakesBefore(SchedulerNode a, SchedulerNode b) =>
        a.WakeTick < b.WakeTick || (a.WakeTick == b.WakeTick && a.SleepSequence < b.SleepSequence);

    /// <summary>Joins two trees (roots without siblings); the later root becomes the other's first child.</summary>
    private static SchedulerNode Meld(SchedulerNode a, SchedulerNode b)
    {
        if (WakesBefore(b, a))
        {
            SchedulerNode swap = a;
            a = b;
            b = swap;
        }
        b.SleepPrevious = a;
        b.SleepSibling = a.SleepChild;
        if (a.SleepChild != null)
            a.SleepChild.SleepPrevious = b;
        a.SleepChild = b;
        a.SleepPrevious = null;
        return a;
    }

    /// <summary>
    /// Joins a sibling list into one tree, the classic two passes: meld neighbours
    /// pairwise left to right, then meld the pairs right to left. This is what gives
    /// the pairing heap its O(log n) amortised removal.
    /// </summary>
    private static SchedulerNode MergePairs(SchedulerNode first)
    {
        if (first == null)
            return null;

        // Pass 1: the melded pairs are pushed on a stack linked through SleepSibling,
        // so pass 2 sees them last-first.
        SchedulerNode pairs = null;
        while (first != null)
        {
            SchedulerNode a = first;
            SchedulerNode b = a.SleepSibling;
            first = b == null ? null : b.SleepSibling;

            a.SleepSibling = null;
            a.SleepPrevious = null;
            SchedulerNode merged = a;
            if (b != null)
            {
                b.SleepSibling = null;
                b.SleepPrevious = null;
                merged = Meld(a, b);
            }
            merged.SleepSibling = pairs;
            pairs = merged;
        }

        // Pass 2.
        SchedulerNode result = pairs;
        SchedulerNode rest = pairs.SleepSibling;
        result.SleepSibling = null;
        while (rest != null)
        {
            SchedulerNode next = rest.SleepSibling;
            rest.SleepSibling = null;
            result = Meld(result, rest);
            rest = next;
        }
        return result;
    }
}
