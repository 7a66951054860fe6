namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>The client states of RFC 2131 figure 5, plus the static fallback.</summary>
public enum DhcpClientState
{
    Stopped,
    Selecting,
    Requesting,
    Bound,
    Renewing,
    Rebinding,
    /// <summary>No server answered: the static address is in use while discovery goes on slowly.</summary>
    Static,
}
