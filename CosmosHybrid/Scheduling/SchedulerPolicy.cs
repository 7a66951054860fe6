namespace CosmosHybrid.Scheduling;

/// <summary>
/// The tunable numbers of the scheduling policy (described on <see cref="RunQueue"/>).
/// Out-of-range values are clamped, never refused: the kernel must not fail here.
/// </summary>
public readonly struct SchedulerPolicy
{
    /// <summary>Most priority levels (one bit each in a 32-bit mask).</summary>
    public const int MaxLevels = 32;

    /// <param name="levelCount">Priority levels, 1..32; level 0 is the highest.</param>
    /// <param name="timeSliceTicks">Ticks a thread runs before an equal-priority thread gets the CPU (at least 1).</param>
    /// <param name="agingIntervalTicks">Ticks of waiting that lift a ready thread one level; 0 turns aging off.</param>
    /// <param name="agingCeiling">The highest level aging lifts a thread to.</param>
    public SchedulerPolicy(int levelCount, int timeSliceTicks, int agingIntervalTicks, int agingCeiling)
    {
        LevelCount = levelCount < 1 ? 1 : levelCount > MaxLevels ? MaxLevels : levelCount;
        TimeSliceTicks = timeSliceTicks < 1 ? 1 : timeSliceTicks;
        AgingIntervalTicks = agingIntervalTicks < 0 ? 0 : agingIntervalTicks;
        AgingCeiling = agingCeiling < 0 ? 0 : agingCeiling >= LevelCount ? LevelCount - 1 : agingCeiling;
    }

    /// <summary>
    /// 8 levels, 10-tick slices, one level of aging per 20 ticks waited, up to level 0
    /// (at 1000 ticks a second: 10 ms slices; a level-7 thread reaches the top after 140 ms).
    /// </summary>
    public static SchedulerPolicy Default => new SchedulerPolicy(8, 10, 20, 0);

    public int LevelCount { get; }

    public int TimeSliceTicks { get; }

    public int AgingIntervalTicks { get; }

    public int AgingCeiling { get; }

    /// <summary>The lowest priority (largest number): LevelCount - 1.</summary>
    public int LowestPriority => LevelCount - 1;
}
