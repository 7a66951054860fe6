using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>
/// nc HOST PORT: connects, sends standard input until its end, shuts down sending, and prints
/// what comes back until the peer closes. nc -l PORT: accepts one connection, prints what it
/// receives until the peer closes, answers with standard input's contents if any came, and ends.
/// </summary>
internal static unsafe class Nc
{
    private const int BufferBytes = 16 * 1024;

    public static int Run(string arguments)
    {
        string[] words = ToolSupport.Words(arguments);
        bool listen = words.Length == 2 && words[0] == "-l";
        if (words.Length != 2 || !int.TryParse(words[1], out int port) || port < 1 || port > 65535)
        {
            System.Console.WriteLine("usage: nc HOST PORT | nc -l PORT");
            return 2;
        }
        NetClient client = ToolSupport.Open("nc");
        if (client == null)
            return 1;
        byte* buffer = ToolSupport.MapBuffer(BufferBytes);
        int result = listen ? Listen(client, (ushort)port, buffer) : Connect(client, words[0], (ushort)port, buffer);
        client.Dispose();
        return result;
    }

    private static int Connect(NetClient client, string host, ushort port, byte* buffer)
    {
        NetStatus status = client.Resolve(host, 5000, out uint address);
        if (status != NetStatus.Ok)
            return Fail("nc: " + host, status);
        status = client.Connect(address, port, 10_000, out int socket);
        if (status != NetStatus.Ok)
            return Fail("nc: connecting to " + host + ":" + port.ToString(), status);
        while (true)
        {
            long read = StreamCalls.Read(StandardStreams.Input, buffer, BufferBytes);
            if (read <= 0)
                break;
            if (client.Send(socket, buffer, read, 30_000) != read)
                return Fail("nc: sending", NetStatus.ConnectionReset);
        }
        client.Shutdown(socket);
        long total = Copy(client, socket, buffer);
        client.Close(socket);
        return total >= 0 ? 0 : 1;
    }

    private static int Fail(string what, NetStatus status)
    {
        System.Console.WriteLine(what + ": " + NetStatusText.Of(status));
        return 1;
    }

    private static int Listen(NetClient client, ushort port, byte* buffer)
    {
        NetStatus status = client.Listen(port, 4, out int listener);
        if (status != NetStatus.Ok)
            return Fail("nc: listening on " + port.ToString(), status);
        System.Console.WriteLine("nc: listening on port " + port.ToString());
        status = client.Accept(listener, -1, out int socket, out uint remote, out ushort remotePort);
        client.Close(listener);
        if (status != NetStatus.Ok)
            return Fail("nc: accept", status);
        System.Console.WriteLine("nc: connection from " + NetProtocol.FormatAddress(remote) + ":" + remotePort.ToString());
        long total = Copy(client, socket, buffer);
        client.Close(socket);
        System.Console.WriteLine("nc: " + total.ToString() + " bytes received");
        return total >= 0 ? 0 : 1;
    }

    // Prints what the socket delivers until the peer closes; the byte count, or -1 on an error.
    private static long Copy(NetClient client, int socket, byte* buffer)
    {
        long total = 0;
        while (true)
        {
            long read = client.Receive(socket, buffer, BufferBytes, -1);
            if (read == 0)
                return total;
            if (read < 0)
            {
                System.Console.WriteLine("nc: " + NetStatusText.Of((NetStatus)(-read)));
                return -1;
            }
            StreamCalls.Write(StandardStreams.Output, buffer, read);
            total += read;
        }
    }
}
