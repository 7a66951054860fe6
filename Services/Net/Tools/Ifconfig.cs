using CosmosHybrid.Services.Net.Sockets;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>
/// ifconfig: the interface's address, mask, gateway, name server, MAC, link and counters;
/// `ifconfig ticks` adds one line of raw time-stamp-counter totals (netbench --icount reads it).
/// </summary>
internal static class Ifconfig
{
    public static int Run(string arguments)
    {
        NetClient client = ToolSupport.Open("ifconfig");
        if (client == null)
            return 1;
        NetStatus status = client.GetInterface(out InterfaceInfo info);
        client.Dispose();
        if (status != NetStatus.Ok)
        {
            System.Console.WriteLine("ifconfig: " + NetStatusText.Of(status));
            return 1;
        }
        if (info.DriverState == 0)
        {
            System.Console.WriteLine("ifconfig: no interface (no NIC driver attached)");
            return 1;
        }
        System.Console.WriteLine("eth0: " + (info.DriverState == 1 ? "driver attached" : "driver gone, re-attaching") + ", link "
            + (info.LinkUp != 0 ? "up " + info.LinkSpeedMbps.ToString() + " Mb/s" : "down") + ", attachments " + info.Attachments.ToString());
        System.Console.WriteLine("  ether " + Mac(info.Mac));
        if (info.Address == 0)
            System.Console.WriteLine("  inet (none yet: DHCP running)");
        else
            System.Console.WriteLine("  inet " + NetProtocol.FormatAddress(info.Address) + " netmask " + NetProtocol.FormatAddress(info.SubnetMask)
                + " gateway " + NetProtocol.FormatAddress(info.Gateway) + " (" + (info.AddressSource == 1 ? "DHCP, lease " + info.LeaseSeconds.ToString() + " s" : "static") + ")");
        System.Console.WriteLine("  dns " + (info.Dns0 == 0 ? "none" : NetProtocol.FormatAddress(info.Dns0)
            + (info.Dns0Port != 0 && info.Dns0Port != 53 ? ":" + info.Dns0Port.ToString() : "") + (info.Dns1 != 0 ? " " + NetProtocol.FormatAddress(info.Dns1) : "")));
        System.Console.WriteLine("  RX frames " + info.FramesReceived.ToString() + " bytes " + info.BytesReceived.ToString() + " dropped " + info.FramesDropped.ToString());
        System.Console.WriteLine("  TX frames " + info.FramesSent.ToString() + " bytes " + info.BytesSent.ToString() + " driver drops " + info.DriverDropped.ToString());
        System.Console.WriteLine("  tcp retransmits " + info.TcpRetransmits.ToString() + " resets sent " + info.TcpResetsSent.ToString() + ", sockets " + info.OpenSockets.ToString());
        if (arguments != null && arguments.Trim() == "ticks")
            System.Console.WriteLine("  ticks stack " + info.StackTicks.ToString() + " ring " + info.RingTicks.ToString() + " copy " + info.CopyTicks.ToString()
                + " copied " + info.CopiedBytes.ToString() + " driver " + info.DriverTicks.ToString() + " driver-ring " + info.DriverRingTicks.ToString()
                + " full-rx " + info.FullFramesReceived.ToString() + " full-tx " + info.FullFramesSent.ToString() + " now " + info.TimestampTicks.ToString());
        return 0;
    }

    private static string Mac(ulong mac)
    {
        const string digits = "0123456789abcdef";
        char[] text = new char[17];
        for (int i = 0; i < 6; i++)
        {
            int value = (int)((mac >> (40 - 8 * i)) & 0xFF);
            text[i * 3] = digits[value >> 4];
            text[i * 3 + 1] = digits[value & 15];
            if (i < 5)
                text[i * 3 + 2] = ':';
        }
        return new string(text);
    }
}
