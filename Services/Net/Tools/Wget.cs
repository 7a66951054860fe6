using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.Sha256sum;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>
/// wget [--sha256] URL [FILE]: an HTTP/1.1 GET (Connection: close) of an http:// URL, one redirect
/// followed, the body written to FILE (default: the URL's last path segment, or index.html; "-"
/// keeps nothing), progress every MiB on long downloads, the time and rate at the end, and with
/// --sha256 the body's SHA-256. The body arrives in a page-aligned
/// buffer that each receive lends to the net service by grant.
/// </summary>
internal static unsafe class Wget
{
    private const int BufferBytes = 64 * 1024;
    private const int MaxHeaderBytes = 8192;
    private static Sha256 s_hash;

    public static int Run(string arguments)
    {
        string[] words = ToolSupport.Words(arguments);
        s_hash = null;
        if (words.Length > 0 && words[0] == "--sha256")
        {
            s_hash = new Sha256();
            string[] rest = new string[words.Length - 1];
            for (int i = 1; i < words.Length; i++)
                rest[i - 1] = words[i];
            words = rest;
        }
        if (words.Length < 1 || words.Length > 2)
        {
            System.Console.WriteLine("usage: wget [--sha256] URL [FILE|-]");
            return 2;
        }
        NetClient client = ToolSupport.Open("wget");
        if (client == null)
            return 1;
        byte* buffer = ToolSupport.MapBuffer(BufferBytes);
        string url = words[0];
        int result = 1;
        for (int redirects = 0; redirects < 2; redirects++)
        {
            result = Fetch(client, buffer, url, words.Length > 1 ? words[1] : null, out string location);
            if (location == null)
                break;
            System.Console.WriteLine("wget: redirected to " + location);
            url = location;
        }
        client.Dispose();
        return result;
    }

    private static bool ParseUrl(string url, out string host, out ushort port, out string path)
    {
        host = null;
        port = 80;
        path = "/";
        if (!url.StartsWith("http://"))
            return false;
        string rest = url.Substring(7);
        int slash = rest.IndexOf('/');
        string authority = slash < 0 ? rest : rest.Substring(0, slash);
        if (slash >= 0)
            path = rest.Substring(slash);
        int colon = authority.IndexOf(':');
        host = colon < 0 ? authority : authority.Substring(0, colon);
        if (colon >= 0)
        {
            if (!int.TryParse(authority.Substring(colon + 1), out int number) || number < 1 || number > 65535)
                return false;
            port = (ushort)number;
        }
        return host.Length > 0;
    }

    private static int Fetch(NetClient client, byte* buffer, string url, string file, out string location)
    {
        location = null;
        if (!ParseUrl(url, out string host, out ushort port, out string path))
        {
            System.Console.WriteLine("wget: only http://HOST[:PORT]/PATH URLs");
            return 2;
        }
        NetStatus status = client.Resolve(host, 5000, out uint address);
        if (status != NetStatus.Ok)
        {
            System.Console.WriteLine("wget: " + host + ": " + NetStatusText.Of(status));
            return 1;
        }
        long started = ProcessCalls.UptimeMilliseconds;
        status = client.Connect(address, port, 10_000, out int socket);
        if (status != NetStatus.Ok)
        {
            System.Console.WriteLine("wget: connecting to " + NetProtocol.FormatAddress(address) + ":" + port.ToString() + ": " + NetStatusText.Of(status));
            return 1;
        }
        string request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: cosmoshybrid-wget\r\nConnection: close\r\n\r\n";
        byte[] requestBytes = new byte[request.Length];
        for (int i = 0; i < request.Length; i++)
            requestBytes[i] = request[i] < 128 ? (byte)request[i] : (byte)'?';
        fixed (byte* bytes = requestBytes)
        {
            if (client.Send(socket, bytes, requestBytes.Length, 10_000) != requestBytes.Length)
            {
                System.Console.WriteLine("wget: sending the request failed");
                client.Close(socket);
                return 1;
            }
        }

        // The header: read until the empty line (it may arrive with the start of the body).
        int have = 0, headerEnd = -1;
        while (headerEnd < 0 && have < MaxHeaderBytes)
        {
            long read = client.Receive(socket, buffer + have, MaxHeaderBytes - have, 30_000);
            if (read <= 0)
                break;
            have += (int)read;
            headerEnd = FindHeaderEnd(buffer, have);
        }
        if (headerEnd < 0)
        {
            System.Console.WriteLine("wget: no HTTP header in the answer");
            client.Close(socket);
            return 1;
        }
        string header = Ascii(buffer, headerEnd);
        int code = StatusCode(header);
        long contentLength = HeaderNumber(header, "content-length");
        System.Console.WriteLine("wget: HTTP " + code.ToString() + ", " + (contentLength >= 0 ? contentLength.ToString() + " bytes" : "length unknown"));
        if (code >= 300 && code < 400)
        {
            location = HeaderText(header, "location");
            client.Close(socket);
            return location != null ? 0 : 1;
        }
        if (code != 200)
        {
            client.Close(socket);
            return 1;
        }

        file ??= FileNameOf(path);
        bool keep = file != "-";
        long fd = keep ? FileCalls.Open(file, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate) : 0;
        if (fd < 0)
        {
            System.Console.WriteLine("wget: cannot write " + file + " (" + ProcessCalls.ErrorText(fd) + ")");
            client.Close(socket);
            return 1;
        }
        long body = have - headerEnd;
        if (body > 0 && !Keep(fd, keep, buffer + headerEnd, body))
            body = -1;
        long nextReport = 1 << 20;
        long bodyStarted = ProcessCalls.UptimeMilliseconds;
        while (body >= 0 && (contentLength < 0 || body < contentLength))
        {
            long read = client.Receive(socket, buffer, BufferBytes, 30_000);
            if (read == 0)
                break;
            if (read < 0)
            {
                System.Console.WriteLine("wget: receiving: " + NetStatusText.Of((NetStatus)(-read)));
                break;
            }
            if (!Keep(fd, keep, buffer, read))
            {
                System.Console.WriteLine("wget: writing " + file + " failed");
                body = -1;
                break;
            }
            body += read;
            if (body >= nextReport)
            {
                System.Console.WriteLine("wget: " + (body >> 20).ToString() + " MiB");
                nextReport += 1 << 20;
            }
        }
        if (keep)
            FileCalls.Close(fd);
        client.Close(socket);
        long elapsed = ProcessCalls.UptimeMilliseconds - started;
        long bodyElapsed = ProcessCalls.UptimeMilliseconds - bodyStarted;
        bool complete = body >= 0 && (contentLength < 0 || body == contentLength);
        long rate = bodyElapsed > 0 ? body * 1000 / bodyElapsed / 1024 : 0;
        System.Console.WriteLine("wget: " + (complete ? "saved " : "INCOMPLETE ") + body.ToString() + " bytes to " + file + " in "
            + elapsed.ToString() + " ms (" + rate.ToString() + " KiB/s)");
        if (s_hash != null)
        {
            byte* digest = stackalloc byte[32];
            var span = new System.Span<byte>(digest, 32);
            s_hash.Finish(span);
            System.Console.WriteLine("wget: sha256 " + Sha256.ToHex(span));
        }
        return complete ? 0 : 1;
    }

    private static bool Keep(long fd, bool keep, byte* data, long length)
    {
        s_hash?.Append(new System.ReadOnlySpan<byte>(data, (int)length));
        return !keep || FileCalls.Write(fd, data, length) == length;
    }

    private static int FindHeaderEnd(byte* data, int length)
    {
        for (int i = 3; i < length; i++)
        {
            if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r')
                return i + 1;
        }
        return -1;
    }

    private static string Ascii(byte* data, int length)
    {
        char[] text = new char[length];
        for (int i = 0; i < length; i++)
            text[i] = data[i] < 128 ? (char)data[i] : '?';
        return new string(text);
    }

    private static int StatusCode(string header)
    {
        // "HTTP/1.1 200 OK"
        int space = header.IndexOf(' ');
        if (!header.StartsWith("HTTP/") || space < 0 || space + 4 > header.Length)
            return 0;
        return int.TryParse(header.Substring(space + 1, 3), out int code) ? code : 0;
    }

    private static string HeaderText(string header, string name)
    {
        string[] lines = header.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int colon = line.IndexOf(':');
            if (colon > 0 && line.Substring(0, colon).Trim().ToLowerInvariant() == name)
                return line.Substring(colon + 1).Trim();
        }
        return null;
    }

    private static long HeaderNumber(string header, string name)
    {
        string text = HeaderText(header, name);
        return text != null && long.TryParse(text, out long value) && value >= 0 ? value : -1;
    }

    private static string FileNameOf(string path)
    {
        int query = path.IndexOf('?');
        if (query >= 0)
            path = path.Substring(0, query);
        int slash = path.LastIndexOf('/');
        string name = slash >= 0 ? path.Substring(slash + 1) : path;
        return name.Length == 0 ? "index.html" : name;
    }
}
