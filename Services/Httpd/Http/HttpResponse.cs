using System.Text;

namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>Response heads and the small HTML bodies of error answers.</summary>
public static class HttpResponse
{
    public const string ServerName = "CosmosHybrid-httpd";

    public static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    };

    /// <summary>Status line and headers, ending with the empty line.</summary>
    public static string Head(int status, string contentType, long contentLength, bool keepAlive)
    {
        var builder = new StringBuilder(160);
        builder.Append("HTTP/1.1 ").Append(status.ToString()).Append(' ').Append(Reason(status)).Append("\r\n");
        builder.Append("Server: ").Append(ServerName).Append("\r\n");
        builder.Append("Content-Type: ").Append(contentType).Append("\r\n");
        builder.Append("Content-Length: ").Append(contentLength.ToString()).Append("\r\n");
        if (status == 405)
            builder.Append("Allow: GET, HEAD\r\n");
        builder.Append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        builder.Append("\r\n");
        return builder.ToString();
    }

    /// <summary>The body of an error answer: a line of HTML naming the status.</summary>
    public static string ErrorBody(int status)
    {
        string title = status.ToString() + " " + Reason(status);
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>\n";
    }

    /// <summary>The status that answers a parse failure.</summary>
    public static int StatusFor(HttpParseResult result) => result switch
    {
        HttpParseResult.HeadTooLarge => 431,
        HttpParseResult.VersionNotSupported => 505,
        HttpParseResult.NotImplemented => 501,
        _ => 400,
    };
}
