using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;

namespace CosmosHybrid.BootTests;

/// <summary>
/// QEMU's machine protocol (QMP) over the Unix socket every test machine opens: the way
/// tests see the screen (<c>screendump</c>) and, later, press keys and move the mouse.
/// </summary>
public sealed class QmpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private QmpConnection(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Connects (QEMU may still be creating the socket) and leaves capability negotiation mode.</summary>
    public static QmpConnection Open(string socketPath, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                var connection = new QmpConnection(socket);
                connection._reader.ReadLine(); // the greeting
                connection.Execute("qmp_capabilities");
                return connection;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Runs a command and returns its "return" value; throws with QEMU's message on an error.</summary>
    public JsonNode Execute(string command, JsonObject arguments = null)
    {
        var request = new JsonObject { ["execute"] = command };
        if (arguments != null)
            request["arguments"] = arguments;
        _writer.WriteLine(request.ToJsonString());
        while (true)
        {
            string line = _reader.ReadLine() ?? throw new IOException("QMP closed while waiting for " + command);
            JsonNode reply = JsonNode.Parse(line);
            if (reply["event"] != null)
                continue; // asynchronous events come between requests and replies
            if (reply["error"] != null)
                throw new InvalidOperationException($"QMP {command}: {reply["error"]["desc"]}");
            return reply["return"];
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
