namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>The Content-Type httpd sends for a file, by its extension (case-insensitive).</summary>
public static class ContentTypes
{
    public const string Default = "application/octet-stream";
    public const string Html = "text/html; charset=utf-8";

    public static string ForPath(string path)
    {
        int slash = path.LastIndexOf('/');
        int dot = path.LastIndexOf('.');
        if (dot <= slash + 1) // no dot in the name, or a leading one (".profile")
            return Default;
        return path.Substring(dot + 1).ToLowerInvariant() switch
        {
            "html" or "htm" => Html,
            "txt" or "log" or "md" or "cs" or "c" or "h" or "sh" or "cfg" or "ini" or "conf" => "text/plain; charset=utf-8",
            "css" => "text/css; charset=utf-8",
            "js" => "text/javascript; charset=utf-8",
            "json" => "application/json",
            "xml" => "application/xml",
            "csv" => "text/csv; charset=utf-8",
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "gif" => "image/gif",
            "bmp" => "image/bmp",
            "svg" => "image/svg+xml",
            "ico" => "image/vnd.microsoft.icon",
            "webp" => "image/webp",
            "pdf" => "application/pdf",
            "zip" => "application/zip",
            "gz" => "application/gzip",
            "tar" => "application/x-tar",
            "wasm" => "application/wasm",
            _ => Default,
        };
    }
}
