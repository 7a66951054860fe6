using System;

namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>
/// Parses an HTTP/1.x request head (RFC 9112) from the bytes a connection has received so far.
/// Strict where leniency would let framing go wrong (obsolete line folding, white space before a
/// header's colon, conflicting Content-Length, Transfer-Encoding), lenient where RFC 9112 allows
/// it (a bare LF ends a line, empty lines before the request line are skipped).
/// Pure: no I/O, so the host tests drive it with good, truncated, oversized and garbage input.
/// </summary>
public static class HttpRequestParser
{
    /// <summary>The longest head httpd takes (request line and headers together).</summary>
    public const int MaxHeadBytes = 8192;
    private const int MaxMethodLength = 32;
    private const long MaxContentLength = 1L << 40;

    public static HttpParseResult Parse(ReadOnlySpan<byte> data, out HttpRequest request)
    {
        request = default;
        int start = 0;
        // RFC 9112 2.2: a server should ignore empty lines received before the request line.
        while (start < data.Length && (data[start] == '\r' || data[start] == '\n'))
        {
            if (data[start] == '\r' && (start + 1 >= data.Length || data[start + 1] != '\n'))
                return start + 1 >= data.Length ? HttpParseResult.Incomplete : HttpParseResult.BadRequest;
            start += data[start] == '\r' ? 2 : 1;
        }
        int end = FindHeadEnd(data, start);
        if (end < 0)
            return data.Length >= MaxHeadBytes ? HttpParseResult.HeadTooLarge : HttpParseResult.Incomplete;
        if (end > MaxHeadBytes)
            return HttpParseResult.HeadTooLarge;
        request.HeadLength = end;

        int position = start;
        ReadOnlySpan<byte> line = NextLine(data, ref position);
        HttpParseResult result = ParseRequestLine(line, ref request);
        if (result != HttpParseResult.Complete)
            return result;
        request.KeepAlive = request.MinorVersion == 1;

        int hosts = 0;
        bool close = false, keepAlive = false, haveLength = false;
        while (true)
        {
            line = NextLine(data, ref position);
            if (line.Length == 0)
                break;
            if (!SplitHeader(line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value))
                return HttpParseResult.BadRequest;
            if (NameIs(name, "host"))
            {
                hosts++;
            }
            else if (NameIs(name, "connection"))
            {
                ScanConnection(value, ref close, ref keepAlive);
            }
            else if (NameIs(name, "content-length"))
            {
                if (!TryParseLength(value, out long length) || (haveLength && length != request.ContentLength))
                    return HttpParseResult.BadRequest;
                haveLength = true;
                request.ContentLength = length;
            }
            else if (NameIs(name, "transfer-encoding"))
            {
                return HttpParseResult.NotImplemented;
            }
        }
        // RFC 9112 3.2: an HTTP/1.1 request without exactly one Host header is answered 400.
        if (request.MinorVersion == 1 && hosts != 1)
            return HttpParseResult.BadRequest;
        if (close)
            request.KeepAlive = false;
        else if (keepAlive)
            request.KeepAlive = true;
        return HttpParseResult.Complete;
    }

    /// <summary>The offset just past the empty line that ends the head, or -1 if it has not arrived.</summary>
    private static int FindHeadEnd(ReadOnlySpan<byte> data, int start)
    {
        int lineStart = start;
        for (int i = start; i < data.Length; i++)
        {
            if (data[i] != '\n')
                continue;
            int length = i - lineStart;
            if (length > 0 && data[i - 1] == '\r')
                length--;
            if (length == 0 && lineStart > start)
                return i + 1;
            lineStart = i + 1;
        }
        return -1;
    }

    /// <summary>The line at <paramref name="position"/> without its CRLF or LF; moves past it.</summary>
    private static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> data, ref int position)
    {
        int newline = data.Slice(position).IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = data.Slice(position, newline);
        position += newline + 1;
        if (line.Length > 0 && line[line.Length - 1] == '\r')
            line = line.Slice(0, line.Length - 1);
        return line;
    }

    private static HttpParseResult ParseRequestLine(ReadOnlySpan<byte> line, ref HttpRequest request)
    {
        int firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0)
            return HttpParseResult.BadRequest;
        ReadOnlySpan<byte> method = line.Slice(0, firstSpace);
        ReadOnlySpan<byte> rest = line.Slice(firstSpace + 1);
        int secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
            return HttpParseResult.BadRequest;
        ReadOnlySpan<byte> target = rest.Slice(0, secondSpace);
        ReadOnlySpan<byte> version = rest.Slice(secondSpace + 1);
        if (method.Length > MaxMethodLength || !IsToken(method))
            return HttpParseResult.BadRequest;
        if (target[0] != '/')
            return HttpParseResult.BadRequest;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] <= 0x20 || target[i] >= 0x7F)
                return HttpParseResult.BadRequest;
        }
        if (version.Length != 8 || !version.Slice(0, 5).SequenceEqual("HTTP/"u8) || !IsDigit(version[5]) || version[6] != '.' || !IsDigit(version[7]))
            return HttpParseResult.BadRequest;
        if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
            return HttpParseResult.VersionNotSupported;
        request.MinorVersion = version[7] - '0';
        request.MethodName = Ascii(method);
        request.Method = Classify(request.MethodName);
        request.Target = Ascii(target);
        return HttpParseResult.Complete;
    }

    private static HttpMethod Classify(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "HEAD" => HttpMethod.Head,
        "POST" or "PUT" or "DELETE" or "CONNECT" or "OPTIONS" or "TRACE" or "PATCH" => HttpMethod.NotAllowed,
        _ => HttpMethod.Unknown,
    };

    /// <summary>name ":" OWS value OWS; false for a bad name, white space before the colon, or control characters.</summary>
    private static bool SplitHeader(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        int colon = line.IndexOf((byte)':');
        name = colon > 0 ? line.Slice(0, colon) : default;
        // A line starting with white space is obsolete folding (RFC 9112 5.2): rejected, as is white space before the colon.
        if (colon <= 0 || !IsToken(name))
            return false;
        int first = colon + 1;
        int last = line.Length;
        while (first < last && IsWhiteSpace(line[first]))
            first++;
        while (last > first && IsWhiteSpace(line[last - 1]))
            last--;
        value = line.Slice(first, last - first);
        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            if ((b < 0x20 && b != '\t') || b == 0x7F)
                return false;
        }
        return true;
    }

    /// <summary>Connection: a comma-separated list of options; close and keep-alive matter here.</summary>
    private static void ScanConnection(ReadOnlySpan<byte> value, ref bool close, ref bool keepAlive)
    {
        while (value.Length > 0)
        {
            int comma = value.IndexOf((byte)',');
            ReadOnlySpan<byte> option = comma < 0 ? value : value.Slice(0, comma);
            value = comma < 0 ? default : value.Slice(comma + 1);
            option = Trim(option);
            if (NameIs(option, "close"))
                close = true;
            else if (NameIs(option, "keep-alive"))
                keepAlive = true;
        }
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.Length == 0)
            return false;
        for (int i = 0; i < value.Length; i++)
        {
            if (!IsDigit(value[i]))
                return false;
            length = length * 10 + (value[i] - '0');
            if (length > MaxContentLength)
                return false;
        }
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        int first = 0, last = text.Length;
        while (first < last && IsWhiteSpace(text[first]))
            first++;
        while (last > first && IsWhiteSpace(text[last - 1]))
            last--;
        return text.Slice(first, last - first);
    }

    /// <summary>Case-insensitive ASCII comparison with a lower-case name.</summary>
    private static bool NameIs(ReadOnlySpan<byte> name, string lowerCase)
    {
        if (name.Length != lowerCase.Length)
            return false;
        for (int i = 0; i < name.Length; i++)
        {
            int b = name[i];
            if (b >= 'A' && b <= 'Z')
                b += 'a' - 'A';
            if (b != lowerCase[i])
                return false;
        }
        return true;
    }

    /// <summary>RFC 9110 5.6.2 token: one or more tchar.</summary>
    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        if (text.Length == 0)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || IsDigit(b)
                || b == '!' || b == '#' || b == '$' || b == '%' || b == '&' || b == '\'' || b == '*'
                || b == '+' || b == '-' || b == '.' || b == '^' || b == '_' || b == '`' || b == '|' || b == '~';
            if (!ok)
                return false;
        }
        return true;
    }

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    private static bool IsWhiteSpace(byte b) => b == ' ' || b == '\t';

    /// <summary>Bytes already checked to be printable ASCII, as a string.</summary>
    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        char[] chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            chars[i] = (char)bytes[i];
        return new string(chars);
    }
}
