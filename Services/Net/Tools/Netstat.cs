using CosmosHybrid.Services.Net.Sockets;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>netstat: every socket of the stack with its state and queues.</summary>
internal static class Netstat
{
    private static readonly string[] TcpStates =
        { "CLOSED", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT", "LISTEN", "" };

    public static int Run(string arguments)
    {
        NetClient client = ToolSupport.Open("netstat");
        if (client == null)
            return 1;
        var records = new SocketRecord[64];
        NetStatus status = client.GetSockets(records, out int count);
        client.Dispose();
        if (status != NetStatus.Ok)
        {
            System.Console.WriteLine("netstat: " + NetStatusText.Of(status));
            return 1;
        }
        System.Console.WriteLine("Proto Recv-Q Send-Q Local                 Foreign               State");
        for (int i = 0; i < count; i++)
        {
            SocketRecord record = records[i];
            string state = record.State < TcpStates.Length ? TcpStates[record.State] : "?";
            System.Console.WriteLine(Pad(record.Protocol == 6 ? "tcp" : "udp", 6) + Pad(record.ReceiveQueued.ToString(), 7) + Pad(record.SendQueued.ToString(), 7)
                + Pad(NetProtocol.FormatAddress(record.LocalAddress) + ":" + record.LocalPort.ToString(), 22)
                + Pad(record.RemotePort == 0 ? "*:*" : NetProtocol.FormatAddress(record.RemoteAddress) + ":" + record.RemotePort.ToString(), 22) + state);
        }
        return 0;
    }

    private static string Pad(string text, int width)
    {
        while (text.Length < width)
            text += " ";
        return text;
    }
}
