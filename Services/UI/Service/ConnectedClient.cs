namespace CosmosHybrid.Services.UI.Service;

/// <summary>A client of the window server: who it is, how to reach it, what it costs.</summary>
internal sealed class ConnectedClient
{
    public ConnectedClient(long id, ulong token, long eventPort)
    {
        Id = id;
        Token = token;
        EventPort = eventPort;
    }

    public long Id { get; }

    /// <summary>The secret the client shows with each request, so that one client cannot act for another by guessing its id.</summary>
    public ulong Token { get; }

    /// <summary>The server's send handle to the client's event port.</summary>
    public long EventPort { get; }

    public int Windows { get; set; }

    /// <summary>Pixels of the server's copies of its windows.</summary>
    public long Pixels { get; set; }

    /// <summary>Its event port is gone (the client closed it or died): its windows go at the next clean-up.</summary>
    public bool Gone { get; set; }
}
