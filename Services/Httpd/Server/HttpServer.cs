using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.Net.Tools;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Httpd.Server;

/// <summary>
/// httpd [DIR] [PORT]: serves the files below DIR (default /) over HTTP/1.1 on PORT (default 80).
/// One thread, many clients: the loop accepts and steps every connection with non-blocking socket
/// calls (time-out 0) and, when nothing moved, waits on the session's event port, which the net
/// service signals when a socket may have changed.
/// </summary>
internal static class HttpServer
{
    public const int MaxConnections = 16;
    private const int Backlog = 16;
    private const long IdleWaitMilliseconds = 200;

    public static unsafe int Run(string arguments)
    {
        string[] words = ToolSupport.Words(arguments);
        string root = "/";
        int port = 80;
        if (words.Length > 2 || (words.Length == 2 && !int.TryParse(words[1], out port)) || port < 1 || port > 65535)
        {
            System.Console.WriteLine("usage: httpd [DIR] [PORT]");
            return 2;
        }
        if (words.Length >= 1)
            root = words[0];
        if (FileCalls.Stat(root, out FileStatus status) < 0 || status.Type != FileType.Directory)
        {
            System.Console.WriteLine("httpd: " + root + ": not a directory");
            return 1;
        }
        NetClient client = ToolSupport.Open("httpd");
        if (client == null)
            return 1;
        var connections = new HttpConnection[MaxConnections];
        for (int i = 0; i < connections.Length; i++)
        {
            byte* buffer = ToolSupport.MapBuffer(HttpConnection.SendBufferBytes);
            if (buffer == null)
            {
                System.Console.WriteLine("httpd: out of memory");
                client.Dispose();
                return 1;
            }
            connections[i] = new HttpConnection(client, root, buffer);
        }
        // Serve returns when the net service has restarted: the listener died with it, so listen again.
        while (true)
        {
            NetStatus listening = client.Listen((ushort)port, Backlog, out int listener);
            if (listening != NetStatus.Ok)
            {
                System.Console.WriteLine("httpd: listening on port " + port.ToString() + ": " + NetStatusText.Of(listening));
                client.Dispose();
                return 1;
            }
            System.Console.WriteLine("httpd: serving " + root + " on port " + port.ToString());
            Serve(client, listener, connections);
            foreach (HttpConnection connection in connections)
                connection.Close();
        }
    }

    private static void Serve(NetClient client, int listener, HttpConnection[] connections)
    {
        while (true)
        {
            long now = ProcessCalls.UptimeMilliseconds;
            bool moved = false;
            HttpConnection free = FreeSlot(connections);
            if (free != null)
            {
                NetStatus accepted = client.Accept(listener, 0, out int socket, out _, out _);
                if (accepted == NetStatus.Ok)
                {
                    free.Start(socket, now);
                    moved = true;
                }
                else if (accepted != NetStatus.TimedOut)
                {
                    System.Console.WriteLine("httpd: accept: " + NetStatusText.Of(accepted));
                    if (accepted == NetStatus.Aborted || accepted == NetStatus.NoInterface)
                        return; // the net service restarted: the listener is gone
                }
            }
            foreach (HttpConnection connection in connections)
                moved |= connection.Step(now);
            if (!moved)
                client.WaitForEvent(IdleWaitMilliseconds);
        }
    }

    private static HttpConnection FreeSlot(HttpConnection[] connections)
    {
        foreach (HttpConnection connection in connections)
        {
            if (!connection.Open)
                return connection;
        }
        return null;
    }
}
