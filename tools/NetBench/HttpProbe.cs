using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CosmosHybrid.Tools.NetBench;

/// <summary>What one HTTP exchange gave: the status of the first response (-1 if none), the body bytes, their SHA-256, the time.</summary>
internal readonly record struct HttpResult(int Status, long BodyBytes, string Sha256, TimeSpan Elapsed, string Head);

/// <summary>
/// A minimal HTTP/1.1 client on raw sockets, so that the figures measure the guest and not a
/// client library: each call opens a new connection to 127.0.0.1:PORT (QEMU's hostfwd), sends
/// the request bytes and reads until the guest closes.
/// </summary>
internal static class HttpProbe
{
    public static HttpResult Get(int port, string path, int timeoutMs) =>
        Exchange(port, Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\nHost: guest\r\nConnection: close\r\n\r\n"), 0, timeoutMs);

    /// <summary>
    /// Sends <paramref name="bodyBytes"/> of body in a POST (httpd reads and drops a body it
    /// answers 405 to), then a GET of <paramref name="path"/> on the same connection: the GET's
    /// answer comes only after the guest has received the whole body, so the time covers the upload.
    /// </summary>
    public static HttpResult Upload(int port, long bodyBytes, string path, int timeoutMs)
    {
        string head = "POST /upload HTTP/1.1\r\nHost: guest\r\nContent-Length: " + bodyBytes + "\r\n\r\n";
        string tail = "GET " + path + " HTTP/1.1\r\nHost: guest\r\nConnection: close\r\n\r\n";
        return Exchange(port, Encoding.ASCII.GetBytes(head), bodyBytes, timeoutMs, Encoding.ASCII.GetBytes(tail));
    }

    private static HttpResult Exchange(int port, byte[] request, long bodyBytes, int timeoutMs, byte[] after = null)
    {
        var clock = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = timeoutMs,
            SendTimeout = timeoutMs,
        };
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            socket.Send(request);
            if (bodyBytes > 0)
            {
                var chunk = new byte[64 * 1024];
                new Random(1206).NextBytes(chunk);
                for (long left = bodyBytes; left > 0;)
                {
                    int count = (int)Math.Min(left, chunk.Length);
                    socket.Send(chunk, 0, count, SocketFlags.None);
                    left -= count;
                }
            }
            if (after != null)
                socket.Send(after);
            return Read(socket, clock);
        }
        catch (SocketException)
        {
            return new HttpResult(-1, 0, null, clock.Elapsed, null);
        }
    }

    /// <summary>
    /// Reads to the end (the clock stops there), then takes the responses apart: the first status
    /// is reported; a 405 (the upload's answer) is skipped by its Content-Length and the body of the
    /// response after it counted instead.
    /// </summary>
    private static HttpResult Read(Socket socket, Stopwatch clock)
    {
        var all = new MemoryStream();
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = socket.Receive(buffer)) > 0)
            all.Write(buffer, 0, read);
        TimeSpan elapsed = clock.Elapsed;
        byte[] bytes = all.GetBuffer();
        int length = (int)all.Length;
        int status = -1;
        string firstHead = null;
        int offset = 0;
        while (true)
        {
            int end = IndexOfHeadEnd(bytes, offset, length);
            if (end < 0)
                return new HttpResult(status, 0, null, elapsed, firstHead);
            string head = Encoding.ASCII.GetString(bytes, offset, end - offset);
            int headStatus = head.Length > 12 && head.StartsWith("HTTP/1.") && int.TryParse(head.AsSpan(9, 3), out int parsed) ? parsed : -1;
            if (firstHead == null)
            {
                firstHead = head;
                status = headStatus;
            }
            if (headStatus == 405 && end + ContentLength(head) < length)
            {
                offset = end + (int)ContentLength(head);
                continue;
            }
            int bodyLength = length - end;
            string sha = Convert.ToHexString(SHA256.HashData(new ReadOnlySpan<byte>(bytes, end, bodyLength))).ToLowerInvariant();
            return new HttpResult(status, bodyLength, sha, elapsed, firstHead);
        }
    }

    /// <summary>The offset just past the next CRLF CRLF at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOfHeadEnd(byte[] bytes, int from, int length)
    {
        for (int i = from; i + 3 < length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i + 4;
        }
        return -1;
    }

    private static long ContentLength(string head)
    {
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && long.TryParse(line.AsSpan(15).Trim(), out long length))
                return length;
        }
        return 0;
    }
}
