using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.FaultInject;
using CosmosHybrid.Services.FaultInject.Campaign;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// Ring-3 entry of faultinject: `faultinject serve` (started by init, with the FaultInject right
/// at handle 4) serves campaign requests on the port 'faultinject'; `faultinject SERVICE N SEED`
/// asks it for a campaign of N faults into SERVICE and waits for its end (the table is printed by
/// the server, on the console).
/// </summary>
internal static class Program
{
    public static int Main(string arguments)
    {
        string[] words = arguments.Trim().Split(' ');
        if (words.Length == 1 && words[0] == "serve")
            return CampaignServer.Serve();
        if (words.Length != 3 || !long.TryParse(words[1], out long faults) || !ulong.TryParse(words[2], out ulong seed)
            || !CampaignRequest.TryEncode(words[0], faults, seed, out ShortMessage message))
        {
            System.Console.WriteLine("usage: faultinject SERVICE N SEED   (boot option faultinject; init runs 'faultinject serve')");
            return 2;
        }
        SyscallPorts ports = SyscallPorts.Instance;
        long port = ports.Lookup(CampaignRequest.PortName);
        if (port < 0)
        {
            System.Console.WriteLine("faultinject: no campaign server (boot with faultinject and init=init,/etc/fault-services)");
            return 1;
        }
        long result = ports.Call(port, ref message);
        if (result < 0 || message.Tag != CampaignRequest.Tag)
        {
            System.Console.WriteLine("faultinject: the campaign was refused or failed (" + (result < 0 ? ProcessCalls.ErrorText(result) : "see above") + ")");
            return 1;
        }
        System.Console.WriteLine("faultinject: campaign finished: " + message.Word0.ToString() + " faults, service lost "
            + message.Word1.ToString() + " times");
        return message.Word1 == 0 ? 0 : 1;
    }
}
