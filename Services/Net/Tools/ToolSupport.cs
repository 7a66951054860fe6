using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Net.Tools;

/// <summary>What the network programs share: a session with the net service, the uptime clock, and page-aligned buffers that can be lent by grant.</summary>
internal sealed unsafe class ToolSupport : NetClient.IClock
{
    public static readonly ToolSupport Clock = new ToolSupport();

    public long NowMilliseconds => ProcessCalls.UptimeMilliseconds;

    /// <summary>A session, or null after printing why not.</summary>
    public static NetClient Open(string tool)
    {
        NetStatus status = NetClient.Open(SyscallPorts.Instance, Clock, out NetClient client);
        if (status != NetStatus.Ok)
            System.Console.WriteLine(tool + ": the net service: " + NetStatusText.Of(status));
        return client;
    }

    /// <summary>Page-aligned memory of its own (so receives can be granted), or null.</summary>
    public static byte* MapBuffer(int bytes)
    {
        long address = SystemCall.Call(SyscallNumber.MapMemory, (bytes + 4095) / 4096);
        return address > 0 ? (byte*)address : null;
    }

    public static string[] Words(string arguments) => (arguments ?? "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"12.345" for a count of thousandths.</summary>
    public static string Thousandths(long value)
    {
        string fraction = (value % 1000).ToString();
        while (fraction.Length < 3)
            fraction = "0" + fraction;
        return (value / 1000).ToString() + "." + fraction;
    }
}
