using System;
using System.Text;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>
/// Turns a request target into a path below the served directory: the query dropped,
/// percent-escapes decoded (as UTF-8), empty and "." segments dropped, ".." taking one segment
/// back. A ".." at the top would leave the directory: the target is refused, as are NUL,
/// backslash and escapes that are not two hex digits or not well-formed UTF-8.
/// </summary>
public static class HttpTarget
{
    /// <summary>"/" or "/a/b" (no trailing slash); false when the target is refused.</summary>
    public static bool TryResolve(string target, out string path)
    {
        path = null;
        if (target == null || target.Length == 0 || target[0] != '/')
            return false;
        int query = target.IndexOfAny(new[] { '?', '#' });
        string raw = query < 0 ? target : target.Substring(0, query);
        var decoded = new byte[raw.Length];
        int length = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c > 0x7E)
                return false;
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !TryHex(raw[i + 1], out int high) || !TryHex(raw[i + 2], out int low))
                    return false;
                decoded[length++] = (byte)(high * 16 + low);
                i += 2;
            }
            else
            {
                decoded[length++] = (byte)c;
            }
        }
        string text = Utf8.GetString(new ReadOnlySpan<byte>(decoded, 0, length));
        if (text == null || text.IndexOf('\0') >= 0 || text.IndexOf('\\') >= 0)
            return false;

        string[] segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = new string[segments.Length];
        int count = 0;
        foreach (string segment in segments)
        {
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                if (count == 0)
                    return false;
                count--;
                continue;
            }
            kept[count++] = segment;
        }
        if (count == 0)
        {
            path = "/";
            return true;
        }
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
            builder.Append('/').Append(kept[i]);
        path = builder.ToString();
        return true;
    }

    /// <summary>Joins the served directory and a resolved path ("/" for the directory itself).</summary>
    public static string Join(string root, string path)
    {
        if (path == "/")
            return root;
        return root.EndsWith('/') ? root + path.Substring(1) : root + path;
    }

    /// <summary>Percent-encodes a path for an href: unreserved characters and '/' stay, every other UTF-8 byte is escaped.</summary>
    public static string Escape(string path)
    {
        byte[] bytes = Utf8.GetBytes(path) ?? new byte[0];
        var builder = new StringBuilder(bytes.Length);
        const string hex = "0123456789ABCDEF";
        foreach (byte b in bytes)
        {
            bool plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~' || b == '/';
            if (plain)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(hex[b >> 4]).Append(hex[b & 15]);
            }
        }
        return builder.ToString();
    }

    private static bool TryHex(char c, out int value)
    {
        value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        return value >= 0;
    }
}
