namespace CosmosHybrid.Scheduling;

/// <summary>
/// Where a <see cref="SchedulerNode"/> is. A node managed by a <see cref="RunQueue"/> is
/// in exactly one place: on the CPU, in a ready list, in the sleep queue, or blocked.
/// </summary>
public enum SchedulerState
{
    /// <summary>Not managed by any run queue (new, or removed/killed).</summary>
    Detached = 0,

    /// <summary>Runnable, waiting in the ready list of its effective priority.</summary>
    Ready,

    /// <summary>On the CPU: the run queue's <see cref="RunQueue.Current"/>.</summary>
    Running,

    /// <summary>Waiting for a tick (<see cref="SchedulerNode.WakeTick"/>) in the sleep queue.</summary>
    Sleeping,

    /// <summary>Waiting for an event (a message, a child's exit); made ready only by <see cref="RunQueue.Wake"/>.</summary>
    Blocked,
}
