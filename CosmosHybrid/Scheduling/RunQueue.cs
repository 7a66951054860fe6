using System.Runtime.CompilerServices;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// The scheduling policy of one CPU: which thread runs next, for how long, and when
/// sleeping threads wake. Pure bookkeeping (no registers, no interrupts): the kernel
/// calls <see cref="Tick"/> from the timer interrupt and <see cref="Schedule"/> when
/// it is about to switch, and performs the switch itself. Not thread-safe: the
/// caller runs it with interrupts off (or under the CPU's scheduler lock).
/// </summary>
/// <remarks>
/// <para><b>Priorities.</b> <see cref="SchedulerPolicy.LevelCount"/> levels, 0 the
/// highest. The highest non-empty level always runs; a bitmap of non-empty levels
/// makes the pick O(1). Within a level threads take turns (round robin): a thread
/// that is preempted, yields, or wakes goes to the back of its level.</para>
/// <para><b>Time slices.</b> A picked thread gets <see cref="SchedulerPolicy.TimeSliceTicks"/>
/// ticks. When they are used up and another thread of the same or higher priority is
/// ready, <see cref="Tick"/> asks for a reschedule; if none is, the thread simply gets
/// a fresh slice. A thread of strictly higher priority becoming ready (woken, added,
/// aged) asks for a reschedule at once.</para>
/// <para><b>Aging (no starvation).</b> Strict priorities alone would let a busy
/// high-priority thread starve everything below it. So a ready thread that has waited
/// <see cref="SchedulerPolicy.AgingIntervalTicks"/> (K) ticks in its list is moved one
/// level up (to the back of that list, with its waiting clock restarted), never above
/// <see cref="SchedulerPolicy.AgingCeiling"/> (C). When it is picked its effective
/// priority drops back to its base priority. Bound: with no thread above level C, a
/// thread that becomes ready at base priority b reaches level C within (b − C)·K ticks,
/// and then at most the N threads ahead of it (everything else runnable) each run one
/// slice S before it, so it runs within (b − C)·K + N·S ticks. The default ceiling is
/// level 0, so the bound holds against every thread. Lists stay ordered by waiting
/// time (only appends, stamped with the current tick), so each tick looks only at the
/// head of each level: O(levels) per tick plus O(1) per thread moved.</para>
/// <para><b>Sleep.</b> Sleepers wait in a heap ordered by wake tick;
/// <see cref="Tick"/>(now) wakes every sleeper whose tick is ≤ now (never one whose
/// tick is later), earliest first, to the back of its level.</para>
/// <para><b>Idle.</b> The idle thread is in no list: it is picked only when no
/// thread is ready, and gives way at the next <see cref="Tick"/> or wake-up that
/// makes one ready. At construction it is the running thread (the boot thread
/// becomes the idle thread).</para>
/// </remarks>
public sealed class RunQueue
{
    private readonly SchedulerPolicy _policy;
    private readonly ReadyQueue _ready;
    private readonly SleepQueue _sleeping = new SleepQueue();
    private readonly SchedulerNode _idle;
    private SchedulerNode _current;
    private int _blockedCount;
    private int _threadCount;
    private bool _needsReschedule;

    /// <param name="policy">The numbers of the policy.</param>
    /// <param name="idle">The thread that runs when nothing else can (normally the boot thread); it starts running.</param>
    public RunQueue(SchedulerPolicy policy, SchedulerNode idle)
    {
        _policy = policy;
        _ready = new ReadyQueue(policy.LevelCount);
        _idle = idle;
        // Below every level, so any ready thread outranks it.
        idle.BasePriority = policy.LevelCount;
        idle.EffectivePriority = policy.LevelCount;
        idle.State = SchedulerState.Running;
        idle.Owner = this;
        _current = idle;
    }

    public SchedulerPolicy Policy => _policy;

    public SchedulerNode Idle => _idle;

    /// <summary>
    /// The thread on the CPU (possibly <see cref="Idle"/>), or null after the running
    /// thread slept, blocked or was removed and before <see cref="Schedule"/> picked another.
    /// </summary>
    public SchedulerNode Current => _current;

    /// <summary>
    /// True when the running thread should give the CPU away: its slice is used up, or
    /// a higher-priority thread is ready, or nothing is running. Cleared by <see cref="Schedule"/>.
    /// </summary>
    public bool NeedsReschedule => _needsReschedule;

    /// <summary>Threads managed, the idle thread excepted.</summary>
    public int ThreadCount => _threadCount;

    public int ReadyCount => _ready.Count;

    public int SleepingCount => _sleeping.Count;

    public int BlockedCount => _blockedCount;

    /// <summary>The best effective priority among ready threads, or -1 if none is ready.</summary>
    public int HighestReadyPriority => _ready.HighestLevel;

    /// <summary>The earliest wake tick of any sleeper (for a tickless idle), if there is a sleeper.</summary>
    public bool TryGetNextWakeTick(out ulong tick)
    {
        SchedulerNode earliest = _sleeping.Earliest;
        tick = earliest == null ? 0 : earliest.WakeTick;
        return earliest != null;
    }

    /// <summary>
    /// Starts managing <paramref name="node"/>: it becomes ready at the back of its
    /// base priority's level (clamped to the levels). False if it is already managed.
    /// </summary>
    public bool Add(SchedulerNode node, ulong now)
    {
        if (node == null || node.Owner != null || node.State != SchedulerState.Detached)
            return false;
        node.Owner = this;
        node.BasePriority = ClampPriority(node.BasePriority);
        _threadCount++;
        MakeReady(node, now);
        return true;
    }

    /// <summary>
    /// One timer tick at time <paramref name="now"/> (call once per tick, with
    /// non-decreasing values): wakes due sleepers, ages waiting threads, charges the
    /// running thread. Returns <see cref="NeedsReschedule"/>.
    /// </summary>
    public bool Tick(ulong now)
    {
        WakeDueSleepers(now);
        Age(now);

        SchedulerNode current = _current;
        if (current == null)
        {
            _needsReschedule = true;
            return true;
        }
        current.CpuTicks++;
        if (current != _idle && --current.SliceRemaining <= 0)
        {
            int best = _ready.HighestLevel;
            if (best >= 0 && best <= current.EffectivePriority)
                _needsReschedule = true;
            else
                current.SliceRemaining = _policy.TimeSliceTicks; // nobody to share with
        }
        CheckPreemption();
        return _needsReschedule;
    }

    /// <summary>
    /// Picks the thread to run and makes it <see cref="Current"/>. A thread still
    /// running goes to the back of its level first, so this is also how the running
    /// thread is preempted or yields. Returns <see cref="Idle"/> when nothing is ready.
    /// </summary>
    public SchedulerNode Schedule(ulong now)
    {
        SchedulerNode previous = _current;
        if (previous == _idle)
            _idle.State = SchedulerState.Ready; // parked, in no list
        else if (previous != null)
            MakeReady(previous, now);

        SchedulerNode next = _ready.PopHighest();
        if (next == null)
        {
            next = _idle;
        }
        else
        {
            // The boost served its purpose: the thread got the CPU.
            next.EffectivePriority = next.BasePriority;
            next.SliceRemaining = _policy.TimeSliceTicks;
        }
        next.State = SchedulerState.Running;
        next.Dispatches++;
        _current = next;
        _needsReschedule = false;
        return next;
    }

    /// <summary>The running thread goes to the back of its level; returns the thread to run (maybe the same).</summary>
    public SchedulerNode Yield(ulong now) => Schedule(now);

    /// <summary>
    /// The running thread sleeps until tick <paramref name="wakeTick"/>: the first
    /// <see cref="Tick"/> with now ≥ wakeTick makes it ready. The caller then calls
    /// <see cref="Schedule"/>. False if nothing (or only the idle thread) is running.
    /// </summary>
    public bool Sleep(ulong wakeTick)
    {
        SchedulerNode current = _current;
        if (current == null || current == _idle)
            return false;
        current.State = SchedulerState.Sleeping;
        current.WakeTick = wakeTick;
        _sleeping.Insert(current);
        _current = null;
        _needsReschedule = true;
        return true;
    }

    /// <summary>
    /// The running thread waits for an event; only <see cref="Wake"/> (or
    /// <see cref="Remove"/>) ends the wait. The caller then calls <see cref="Schedule"/>.
    /// False if nothing (or only the idle thread) is running.
    /// </summary>
    public bool Block()
    {
        SchedulerNode current = _current;
        if (current == null || current == _idle)
            return false;
        current.State = SchedulerState.Blocked;
        _blockedCount++;
        _current = null;
        _needsReschedule = true;
        return true;
    }

    /// <summary>
    /// Makes a blocked or sleeping thread ready now (an event arrived, or a sleep was
    /// cut short). False if it is neither, or not managed by this queue. Check
    /// <see cref="NeedsReschedule"/> afterwards: it is set if the woken thread outranks the running one.
    /// </summary>
    /// <summary>
    /// The IPC fast path: the current thread blocks (when <paramref name="blockCurrent"/>)
    /// or stays ready, and <paramref name="target"/>, which must be blocked or sleeping
    /// (waiting for this very message), runs next without a pick from the ready lists.
    /// It inherits the rest of the current time slice, so a client and server bouncing a
    /// call and a reply share one slice instead of each getting a fresh one. Returns the
    /// node now running, or null (changing nothing) when the hand-off is not possible.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scheduler's one caller, on the IPC fast path
    public SchedulerNode HandOff(SchedulerNode target, bool blockCurrent, ulong now)
    {
        SchedulerNode current = _current;
        if (target == null || target.Owner != this || target == _idle || current == null || current == _idle
            || (target.State != SchedulerState.Blocked && target.State != SchedulerState.Sleeping))
            return null;

        if (target.State == SchedulerState.Sleeping)
            _sleeping.Remove(target);
        else
            _blockedCount--;

        int slice = current.SliceRemaining;
        if (blockCurrent)
        {
            current.State = SchedulerState.Blocked;
            _blockedCount++;
        }
        else
        {
            MakeReady(current, now);
        }

        target.State = SchedulerState.Running;
        target.EffectivePriority = target.BasePriority;
        target.SliceRemaining = slice > 0 ? slice : _policy.TimeSliceTicks;
        target.Dispatches++;
        _current = target;
        _needsReschedule = false;
        CheckPreemption();
        return target;
    }

    public bool Wake(SchedulerNode node, ulong now)
    {
        if (node == null || node.Owner != this || node == _idle)
            return false;
        if (node.State == SchedulerState.Sleeping)
            _sleeping.Remove(node);
        else if (node.State == SchedulerState.Blocked)
            _blockedCount--;
        else
            return false;
        MakeReady(node, now);
        return true;
    }

    /// <summary>
    /// Stops managing <paramref name="node"/> whatever its state (a killed or exited
    /// thread). If it was running, <see cref="Current"/> becomes null and the caller
    /// calls <see cref="Schedule"/>. False for the idle thread or a node this queue does not manage.
    /// </summary>
    public bool Remove(SchedulerNode node)
    {
        if (node == null || node.Owner != this || node == _idle)
            return false;
        switch (node.State)
        {
            case SchedulerState.Ready:
                _ready.Remove(node);
                break;
            case SchedulerState.Sleeping:
                _sleeping.Remove(node);
                break;
            case SchedulerState.Blocked:
                _blockedCount--;
                break;
            case SchedulerState.Running:
                _current = null;
                _needsReschedule = true;
                break;
        }
        node.State = SchedulerState.Detached;
        node.Owner = null;
        node.EffectivePriority = node.BasePriority;
        _threadCount--;
        return true;
    }

    /// <summary>
    /// Gives <paramref name="node"/> a new base priority (clamped to the levels); any
    /// aging boost is dropped. A ready thread moves to the back of its new level.
    /// </summary>
    public bool SetPriority(SchedulerNode node, int priority, ulong now)
    {
        if (node == null || node.Owner != this || node == _idle)
            return false;
        priority = ClampPriority(priority);
        if (node.State == SchedulerState.Ready)
        {
            _ready.Remove(node);
            node.BasePriority = priority;
            node.EffectivePriority = priority;
            node.ReadySince = now;
            _ready.PushBack(node);
        }
        else
        {
            node.BasePriority = priority;
            node.EffectivePriority = priority;
        }
        CheckPreemption();
        return true;
    }

    /// <summary>The head of a ready level, for inspection (tests, `ps`); follow <see cref="NextReady"/>.</summary>
    internal SchedulerNode FirstReady(int level) => _ready.First(level);

    internal static SchedulerNode NextReady(SchedulerNode node) => node.ReadyNext;

    internal uint NonEmptyLevels => _ready.NonEmptyLevels;

    internal SchedulerNode SleepRoot => _sleeping.Earliest;

    private int ClampPriority(int priority) =>
        priority < 0 ? 0 : priority > _policy.LowestPriority ? _policy.LowestPriority : priority;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every yield and wake
    private void MakeReady(SchedulerNode node, ulong now)
    {
        node.State = SchedulerState.Ready;
        node.EffectivePriority = node.BasePriority;
        node.ReadySince = now;
        _ready.PushBack(node);
        CheckPreemption();
    }

    /// <summary>Asks for a reschedule if a ready thread outranks the running one (the idle thread is outranked by all).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few instructions, on every switch
    private void CheckPreemption()
    {
        // A mask test, not the index of the best level: this runs on every switch.
        SchedulerNode current = _current;
        if (current == null ? _ready.NonEmptyLevels != 0 : _ready.HasReadyAbove(current.EffectivePriority))
            _needsReschedule = true;
    }

    private void WakeDueSleepers(ulong now)
    {
        SchedulerNode earliest;
        while ((earliest = _sleeping.Earliest) != null && earliest.WakeTick <= now)
        {
            _sleeping.Remove(earliest);
            MakeReady(earliest, now);
        }
    }

    /// <summary>Lifts the heads of the levels below the ceiling that have waited a full aging interval.</summary>
    private void Age(ulong now)
    {
        ulong interval = (ulong)_policy.AgingIntervalTicks;
        if (interval == 0)
            return;
        for (int level = _policy.AgingCeiling + 1; level < _policy.LevelCount; level++)
        {
            SchedulerNode head;
            while ((head = _ready.First(level)) != null && now >= head.ReadySince && now - head.ReadySince >= interval)
            {
                _ready.Remove(head);
                head.EffectivePriority = level - 1;
                // Restarting the clock keeps the target list ordered and makes the
                // next lift wait a full interval.
                head.ReadySince = now;
                _ready.PushBack(head);
            }
        }
    }
}
