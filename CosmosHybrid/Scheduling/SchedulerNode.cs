namespace CosmosHybrid.Scheduling;

/// <summary>
/// What the scheduler knows about a thread. The kernel's thread type derives from
/// this class, so the run queue links threads directly (intrusive lists: queuing
/// never allocates, which matters in the timer interrupt) and hands back the
/// kernel's own objects. Only the <see cref="RunQueue"/> that owns a node changes it.
/// </summary>
public class SchedulerNode
{
    /// <param name="id">The thread id, for reports; the scheduler does not interpret it.</param>
    /// <param name="basePriority">0 is the highest priority; the run queue clamps it to its levels.</param>
    public SchedulerNode(int id, int basePriority)
    {
        Id = id;
        BasePriority = basePriority < 0 ? 0 : basePriority;
        EffectivePriority = BasePriority;
    }

    public int Id { get; }

    /// <summary>The priority the thread was given (0 = highest).</summary>
    public int BasePriority { get; internal set; }

    /// <summary>
    /// The priority the scheduler currently treats it with: <see cref="BasePriority"/>,
    /// or better while aging lifts a long-waiting thread (see <see cref="RunQueue"/>).
    /// </summary>
    public int EffectivePriority { get; internal set; }

    public SchedulerState State { get; internal set; }

    /// <summary>While <see cref="SchedulerState.Sleeping"/>: the tick at which it becomes ready.</summary>
    public ulong WakeTick { get; internal set; }

    /// <summary>While running: ticks left before it must let an equal-priority thread run.</summary>
    public int SliceRemaining { get; internal set; }

    /// <summary>Timer ticks spent running (CPU time for `ps`).</summary>
    public ulong CpuTicks { get; internal set; }

    /// <summary>How many times it was picked to run.</summary>
    public ulong Dispatches { get; internal set; }

    /// <summary>While ready: the tick it entered its current ready list (aging measures from here).</summary>
    public ulong ReadySince { get; internal set; }

    /// <summary>The run queue managing it, or null when detached.</summary>
    internal RunQueue Owner;

    // Ready list links (doubly linked: removal from the middle is O(1)).
    internal SchedulerNode ReadyNext;
    internal SchedulerNode ReadyPrevious;

    // Sleep queue (pairing heap) links: first child, next sibling, and the previous
    // sibling or, for a first child, the parent.
    internal SchedulerNode SleepChild;
    internal SchedulerNode SleepSibling;
    internal SchedulerNode SleepPrevious;

    /// <summary>Order of arrival in the sleep queue: equal wake ticks wake first-come first-served.</summary>
    internal ulong SleepSequence;
}
