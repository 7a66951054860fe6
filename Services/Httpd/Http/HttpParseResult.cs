namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>The outcome of parsing the bytes received so far on a connection.</summary>
public enum HttpParseResult
{
    /// <summary>The head is not complete yet: receive more.</summary>
    Incomplete,
    Complete,
    /// <summary>Malformed: answer 400 and close.</summary>
    BadRequest,
    /// <summary>The head is longer than <see cref="HttpRequestParser.MaxHeadBytes"/>: answer 431 and close.</summary>
    HeadTooLarge,
    /// <summary>A version other than HTTP/1.0 or HTTP/1.1: answer 505 and close.</summary>
    VersionNotSupported,
    /// <summary>A request body framing httpd does not implement (Transfer-Encoding): answer 501 and close.</summary>
    NotImplemented,
}
