namespace CosmosHybrid.Services.Net.Protocols;

public enum DnsQueryState
{
    /// <summary>No such query (never started, or already collected).</summary>
    None,
    Pending,
    Resolved,
    /// <summary>The name does not exist or has no A record.</summary>
    NotFound,
    /// <summary>No server answered usefully in time.</summary>
    TimedOut,
}
