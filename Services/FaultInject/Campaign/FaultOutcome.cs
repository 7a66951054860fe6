namespace CosmosHybrid.Services.FaultInject.Campaign;

/// <summary>What one injected fault did, as the campaign saw it.</summary>
public enum FaultOutcome
{
    /// <summary>The service kept answering correctly, in the same process.</summary>
    NothingVisible,

    /// <summary>The service's process ended (a fault, or it gave up) and init restarted it.</summary>
    CrashedRestarted,

    /// <summary>The service stopped answering; init's liveness check killed it and it was restarted.</summary>
    HungRestarted,

    /// <summary>The client got a wrong answer.</summary>
    WorkloadError,

    /// <summary>The service did not come back within the campaign's patience.</summary>
    NotRestarted,
}
