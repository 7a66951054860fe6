namespace CosmosHybrid.Services.FaultInject.Campaign;

/// <summary>
/// A fault's outcome once the service's real client has had its say. The campaign in the guest
/// sees the service's process and its answers to pings; for net, e1000 and ui the workload runs
/// on the host (HTTP downloads checked byte for byte, typed text that must appear in a terminal)
/// and sees what a user would: a wrong result, a request that failed although the service never
/// went away, or a service that no longer serves after the fault.
/// </summary>
public static class ClientVerdict
{
    /// <param name="service">What the guest's campaign saw.</param>
    /// <param name="wrongResults">Results the client got that were wrong (bytes, status, text).</param>
    /// <param name="failedRequests">Requests that failed (errors, time-outs) while the fault ran.</param>
    /// <param name="servesAfter">The client's workload worked again after the fault.</param>
    public static FaultOutcome Combine(FaultOutcome service, int wrongResults, int failedRequests, bool servesAfter)
    {
        if (service == FaultOutcome.NotRestarted)
            return FaultOutcome.NotRestarted;
        if (wrongResults > 0 || !servesAfter)
            return FaultOutcome.WorkloadError;
        // A restart explains failed requests (connections reset, keys typed while the window was gone).
        if (service == FaultOutcome.NothingVisible && failedRequests > 0)
            return FaultOutcome.WorkloadError;
        return service;
    }

    /// <summary>The outcome <see cref="CampaignTally.OutcomeName"/> printed as <paramref name="name"/>.</summary>
    public static bool TryParseOutcome(string name, out FaultOutcome outcome)
    {
        for (int i = 0; i < CampaignTally.OutcomeCount; i++)
        {
            outcome = (FaultOutcome)i;
            if (CampaignTally.OutcomeName(outcome) == name)
                return true;
        }
        outcome = FaultOutcome.NothingVisible;
        return false;
    }
}
