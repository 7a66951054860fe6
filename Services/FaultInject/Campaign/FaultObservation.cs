namespace CosmosHybrid.Services.FaultInject.Campaign;

/// <summary>What the campaign measured after one fault: the facts <see cref="Classify"/> turns into an outcome.</summary>
public struct FaultObservation
{
    /// <summary>Answers that came back with the wrong tag or value.</summary>
    public int WrongReplies;

    /// <summary>A call failed (the server's port went away).</summary>
    public bool CallFailed;

    /// <summary>How long the failed call waited before it failed.</summary>
    public long FailedCallMilliseconds;

    /// <summary>The service runs as another process than before the fault (or as none).</summary>
    public bool ProcessChanged;

    /// <summary>A new instance answered again.</summary>
    public bool Restarted;

    /// <summary>
    /// After the failed call, the same process answered the next one: it failed a call and went on.
    /// Set only with <see cref="CallFailed"/> and without <see cref="ProcessChanged"/>.
    /// </summary>
    public bool ServedAfterFailedCall;

    /// <summary>
    /// The outcome: a wrong answer, or a failed call the same process went on from, counts first (the
    /// client saw it); then a service that never came back; then a call that waited at least <paramref name="hangMilliseconds"/> before failing (a hang
    /// ended by init's liveness check); then any other end of the process (a crash).
    /// </summary>
    public readonly FaultOutcome Classify(long hangMilliseconds)
    {
        if (WrongReplies > 0 || ServedAfterFailedCall)
            return FaultOutcome.WorkloadError;
        if (!CallFailed && !ProcessChanged)
            return FaultOutcome.NothingVisible;
        if (!Restarted)
            return FaultOutcome.NotRestarted;
        if (CallFailed && FailedCallMilliseconds >= hangMilliseconds)
            return FaultOutcome.HungRestarted;
        return FaultOutcome.CrashedRestarted;
    }
}
