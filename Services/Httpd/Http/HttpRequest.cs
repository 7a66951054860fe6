namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>A parsed request head.</summary>
public struct HttpRequest
{
    public HttpMethod Method;
    /// <summary>The method token as sent (for the log).</summary>
    public string MethodName;
    /// <summary>The request target as sent (origin form: starts with '/').</summary>
    public string Target;
    /// <summary>1 for HTTP/1.1, 0 for HTTP/1.0.</summary>
    public int MinorVersion;
    /// <summary>Whether the connection stays open after the response (version default, then the Connection header).</summary>
    public bool KeepAlive;
    /// <summary>The bytes of the head, blank line included: where the body (or the next request) starts.</summary>
    public int HeadLength;
    /// <summary>The request body's length from Content-Length (0 without one); httpd reads and drops it.</summary>
    public long ContentLength;
}
