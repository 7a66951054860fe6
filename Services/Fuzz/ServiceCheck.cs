using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>`fuzz check`: what a normal client does after a campaign. The echo service must add; ui and net must still be registered when they were.</summary>
internal static class ServiceCheck
{
    public static int Run()
    {
        int failures = 0;
        long echo = SyscallPorts.Instance.Lookup(EchoService.ShortPortName);
        if (echo > 0)
        {
            var message = new ShortMessage(EchoService.TagAdd, 2, 3);
            long result = SyscallPorts.Instance.Call(echo, ref message);
            bool ok = result >= 0 && message.Word0 == 5;
            System.Console.WriteLine("fuzz: check: echo 2+3 = " + (result < 0 ? ProcessCalls.ErrorText(result) : message.Word0.ToString())
                + (ok ? " ok" : " WRONG"));
            failures += ok ? 0 : 1;
        }
        else
            System.Console.WriteLine("fuzz: check: echo is not running");
        foreach (string name in new[] { "ui", "net", "input" })
            System.Console.WriteLine("fuzz: check: '" + name + "' " + (SyscallPorts.Instance.Lookup(name) > 0 ? "registered" : "not registered"));
        return failures;
    }
}
