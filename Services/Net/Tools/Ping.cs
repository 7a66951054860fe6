using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>ping HOST [COUNT]: ICMP echo requests of 56 bytes, one a second, the round trip of each and a summary.</summary>
internal static class Ping
{
    private const int PayloadBytes = 56;

    public static int Run(string arguments)
    {
        string[] words = ToolSupport.Words(arguments);
        int count = 4;
        if (words.Length < 1 || words.Length > 2 || (words.Length == 2 && (!int.TryParse(words[1], out count) || count < 1 || count > 1000)))
        {
            System.Console.WriteLine("usage: ping HOST [COUNT]");
            return 2;
        }
        NetClient client = ToolSupport.Open("ping");
        if (client == null)
            return 1;
        NetStatus status = client.Resolve(words[0], 5000, out uint address);
        if (status != NetStatus.Ok)
        {
            System.Console.WriteLine("ping: " + words[0] + ": " + NetStatusText.Of(status));
            client.Dispose();
            return 1;
        }
        string name = NetProtocol.FormatAddress(address);
        System.Console.WriteLine("PING " + words[0] + " (" + name + "): " + PayloadBytes.ToString() + " data bytes");
        int received = 0;
        long min = long.MaxValue, max = 0, total = 0;
        for (int sequence = 1; sequence <= count; sequence++)
        {
            long started = ProcessCalls.UptimeMilliseconds;
            status = client.Ping(address, (ushort)sequence, PayloadBytes, 2000, out long microseconds);
            if (status == NetStatus.Ok)
            {
                received++;
                min = microseconds < min ? microseconds : min;
                max = microseconds > max ? microseconds : max;
                total += microseconds;
                System.Console.WriteLine((PayloadBytes + 8).ToString() + " bytes from " + name + ": icmp_seq=" + sequence.ToString()
                    + " time=" + ToolSupport.Thousandths(microseconds) + " ms");
            }
            else
            {
                System.Console.WriteLine("no reply for icmp_seq=" + sequence.ToString() + " (" + NetStatusText.Of(status) + ")");
            }
            long left = 1000 - (ProcessCalls.UptimeMilliseconds - started);
            if (sequence < count && left > 0)
                ProcessCalls.Sleep(left);
        }
        client.Dispose();
        System.Console.WriteLine("--- " + name + " ping statistics ---");
        System.Console.WriteLine(count.ToString() + " packets transmitted, " + received.ToString() + " received, "
            + ((count - received) * 100 / count).ToString() + "% packet loss");
        if (received > 0)
            System.Console.WriteLine("rtt min/avg/max = " + ToolSupport.Thousandths(min) + "/" + ToolSupport.Thousandths(total / received) + "/"
                + ToolSupport.Thousandths(max) + " ms");
        return received > 0 ? 0 : 1;
    }
}
