using System;
using System.IO;
using CosmosHybrid.Tools.PowerCut;

// `dotnet run --project tools/PowerCut -- IMAGE SERIAL-LOG [SEED]`: judges one cut's image against
// what the workload printed on the serial line (the runner keeps both for a failed cut).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PowerCut IMAGE SERIAL-LOG [SEED]");
    return 2;
}

WorkloadLog log = WorkloadLog.Parse(File.ReadAllText(args[1]));
CutVerdict verdict = CutJudge.Judge(args[0], log, args.Length > 2 ? ulong.Parse(args[2]) : 0);
Console.WriteLine(verdict);
Console.WriteLine(CampaignTable.Format(new[] { verdict }));
return verdict.Passed ? 0 : 1;
