namespace CosmosHybrid.Scheduling;

/// <summary>Short names of <see cref="SchedulerState"/> values for `ps` and reports (the runtime has no enum reflection).</summary>
public static class SchedulerStateText
{
    public static string Name(SchedulerState state) => state switch
    {
        SchedulerState.Detached => "detached",
        SchedulerState.Ready => "ready",
        SchedulerState.Running => "running",
        SchedulerState.Sleeping => "sleeping",
        SchedulerState.Blocked => "blocked",
        _ => "?",
    };
}
