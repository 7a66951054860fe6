using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace CosmosHybrid.BootTests;

/// <summary>
/// A small HTTP/1.1 file server on the host's loopback for the guest's wget: GET of a known path
/// answers 200 with Content-Length and closes; anything else 404. QEMU's slirp reaches it through
/// a guestfwd rule (with restrict=on the guest can reach nothing else): each rule connects to it
/// once when QEMU starts, and the guest's connection to the rule's address rides on that stream.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>();
    private readonly Thread _thread;
    private volatile bool _stopped;

    public readonly ConcurrentQueue<string> Requests = new ConcurrentQueue<string>();

    public LoopbackHttpServer()
    {
        _listener.Start();
        _thread = new Thread(AcceptLoop) { IsBackground = true, Name = "loopback http" };
        _thread.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Add(string path, byte[] content)
    {
        lock (_files)
            _files[path] = content;
    }

    private void AcceptLoop()
    {
        while (!_stopped)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            new Thread(() => Serve(client)) { IsBackground = true, Name = "loopback http connection" }.Start();
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                var header = new StringBuilder();
                var one = new byte[1];
                while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (stream.Read(one, 0, 1) != 1)
                        return;
                    header.Append((char)one[0]);
                }
                string line = header.ToString().Split("\r\n")[0];
                Requests.Enqueue(line);
                string[] parts = line.Split(' ');
                byte[] content = null;
                if (parts.Length == 3 && parts[0] == "GET")
                {
                    lock (_files)
                        _files.TryGetValue(parts[1], out content);
                }
                string status = content != null ? "200 OK" : "404 Not Found";
                content ??= Encoding.ASCII.GetBytes("not found\n");
                byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + content.Length + "\r\nConnection: close\r\n\r\n");
                stream.Write(head);
                stream.Write(content);
                stream.Flush();
                client.Client.Shutdown(SocketShutdown.Send);
                // Let the peer read to the end before the socket goes.
                while (stream.Read(one, 0, 1) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is SocketException || exception is System.IO.IOException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _listener.Stop();
    }
}
