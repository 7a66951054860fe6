namespace CosmosHybrid.Scheduling;

/// <summary>
/// Runnable threads by priority: level 0 runs first, round-robin inside a level.
/// Starvation is prevented by aging: each tick a ready thread waits counts, and
/// after <see cref="AgingTicks"/> ticks of waiting it moves up one level (its
/// effective priority), until it runs, which resets it to its own priority. So a
/// thread at the lowest level waits at most about LevelCount × AgingTicks ticks
/// plus one round of the top level, however busy the higher levels are.
/// </summary>
internal sealed class ReadyQueue
{
    public const int LevelCount = 8;
    public const int AgingTicks = 50;

    private readonly Thread[] _heads = new Thread[LevelCount];
    private readonly Thread[] _tails = new Thread[LevelCount];
    private uint _nonEmptyLevels;

    public bool IsEmpty => _nonEmptyLevels == 0;

    public void Enqueue(Thread thread)
    {
        thread.WaitingTicks = 0;
        Append(thread, thread.EffectivePriority);
    }

    /// <summary>The first thread of the highest non-empty level, or null.</summary>
    public Thread Dequeue()
    {
        if (_nonEmptyLevels == 0)
            return null;
        int level = 0;
        while ((_nonEmptyLevels & (1u << level)) == 0)
            level++;
        Thread thread = _heads[level];
        Unlink(thread, level);
        thread.EffectivePriority = thread.Priority;
        return thread;
    }

    public void Remove(Thread thread) => Unlink(thread, thread.EffectivePriority);

    /// <summary>One tick of waiting for every ready thread; those that waited long enough move up a level.</summary>
    public void Age()
    {
        for (int level = 1; level < LevelCount; level++)
        {
            Thread thread = _heads[level];
            while (thread != null)
            {
                Thread next = thread.QueueNext;
                if (++thread.WaitingTicks >= AgingTicks)
                {
                    Unlink(thread, level);
                    thread.EffectivePriority = level - 1;
                    thread.WaitingTicks = 0;
                    Append(thread, level - 1);
                }
                thread = next;
            }
        }
    }

    private void Append(Thread thread, int level)
    {
        thread.QueueNext = null;
        if (_tails[level] == null)
            _heads[level] = thread;
        else
            _tails[level].QueueNext = thread;
        _tails[level] = thread;
        _nonEmptyLevels |= 1u << level;
    }

    private void Unlink(Thread thread, int level)
    {
        Thread previous = null;
        for (Thread current = _heads[level]; current != null; previous = current, current = current.QueueNext)
        {
            if (current != thread)
                continue;
            if (previous == null)
                _heads[level] = current.QueueNext;
            else
                previous.QueueNext = current.QueueNext;
            if (_tails[level] == current)
                _tails[level] = previous;
            current.QueueNext = null;
            break;
        }
        if (_heads[level] == null)
            _nonEmptyLevels &= ~(1u << level);
    }
}
