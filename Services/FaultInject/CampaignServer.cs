using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.FaultInject.Campaign;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.FaultInject;

/// <summary>
/// `faultinject serve`: registers the port 'faultinject' and runs one campaign per request
/// (<see cref="CampaignRequest"/>), with the FaultInject right init hands it at handle 4.
/// </summary>
internal static class CampaignServer
{
    private const long Authority = StartupHandles.FirstExtra;

    public static int Serve()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long port = ports.CreatePort();
        if (port < 0 || ports.Register(CampaignRequest.PortName, port) < 0)
        {
            System.Console.WriteLine("faultinject: cannot register '" + CampaignRequest.PortName + "'");
            return 1;
        }
        var message = default(ShortMessage);
        while (true)
        {
            long result = ports.ReplyWait(port, ref message);
            if (result < 0)
                return 1;
            if (message.Tag != CampaignRequest.Tag)
            {
                message = new ShortMessage(message.Tag == ServicePing.Tag ? ServicePing.Tag : CampaignRequest.RefusedTag);
                continue;
            }
            string service = CampaignRequest.DecodeName(message);
            var campaign = new FaultCampaign(service, (int)message.Word0, message.Word1, Authority);
            bool ran = campaign.Run();
            message = ran
                ? new ShortMessage(CampaignRequest.Tag, (ulong)campaign.Tally.Total, (ulong)campaign.Tally.Count(FaultOutcome.NotRestarted))
                : new ShortMessage(CampaignRequest.RefusedTag);
        }
    }
}
