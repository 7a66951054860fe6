namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>What httpd makes of a request's method.</summary>
public enum HttpMethod
{
    Get,
    Head,
    /// <summary>A method HTTP defines that a file server does not allow (POST, PUT, ...): 405.</summary>
    NotAllowed,
    /// <summary>A well-formed method token httpd does not know: 501.</summary>
    Unknown,
}
