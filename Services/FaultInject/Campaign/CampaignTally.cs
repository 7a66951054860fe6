using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.FaultInject.Campaign;

/// <summary>Counts outcomes per fault kind and prints them as the campaign's table.</summary>
public sealed class CampaignTally
{
    public const int KindCount = (int)FaultKind.SystemCalls + 1;
    public const int OutcomeCount = (int)FaultOutcome.NotRestarted + 1;

    private readonly int[] _counts = new int[KindCount * OutcomeCount];

    public int Total { get; private set; }

    public void Add(FaultKind kind, FaultOutcome outcome)
    {
        _counts[(int)kind * OutcomeCount + (int)outcome]++;
        Total++;
    }

    public int Count(FaultKind kind, FaultOutcome outcome) => _counts[(int)kind * OutcomeCount + (int)outcome];

    public int Count(FaultOutcome outcome)
    {
        int sum = 0;
        for (int kind = 0; kind < KindCount; kind++)
            sum += _counts[kind * OutcomeCount + (int)outcome];
        return sum;
    }

    public int Count(FaultKind kind)
    {
        int sum = 0;
        for (int outcome = 0; outcome < OutcomeCount; outcome++)
            sum += _counts[(int)kind * OutcomeCount + outcome];
        return sum;
    }

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Register => "register",
        FaultKind.Code => "code",
        FaultKind.Data => "data",
        FaultKind.Heap => "heap",
        FaultKind.SystemCalls => "syscalls",
        _ => "?",
    };

    public static string OutcomeName(FaultOutcome outcome) => outcome switch
    {
        FaultOutcome.NothingVisible => "nothing visible",
        FaultOutcome.CrashedRestarted => "crashed, restarted",
        FaultOutcome.HungRestarted => "hung, restarted by liveness",
        FaultOutcome.WorkloadError => "workload error",
        FaultOutcome.NotRestarted => "not restarted",
        _ => "?",
    };

    /// <summary>The table: a header, a line per kind, a total line; columns in <see cref="FaultOutcome"/> order.</summary>
    public string[] Format()
    {
        var lines = new string[KindCount + 2];
        lines[0] = Row("kind", "faults", "nothing", "crashed", "hung", "wrong", "lost");
        for (int kind = 0; kind < KindCount; kind++)
        {
            var k = (FaultKind)(long)kind;
            lines[1 + kind] = Row(KindName(k), Count(k).ToString(), Count(k, FaultOutcome.NothingVisible).ToString(),
                Count(k, FaultOutcome.CrashedRestarted).ToString(), Count(k, FaultOutcome.HungRestarted).ToString(),
                Count(k, FaultOutcome.WorkloadError).ToString(), Count(k, FaultOutcome.NotRestarted).ToString());
        }
        lines[KindCount + 1] = Row("total", Total.ToString(), Count(FaultOutcome.NothingVisible).ToString(),
            Count(FaultOutcome.CrashedRestarted).ToString(), Count(FaultOutcome.HungRestarted).ToString(),
            Count(FaultOutcome.WorkloadError).ToString(), Count(FaultOutcome.NotRestarted).ToString());
        return lines;
    }

    private static string Row(string a, string b, string c, string d, string e, string f, string g) =>
        Pad(a, 10) + Pad(b, 8) + Pad(c, 9) + Pad(d, 9) + Pad(e, 6) + Pad(f, 7) + g;

    private static string Pad(string text, int width)
    {
        while (text.Length < width)
            text += " ";
        return text;
    }
}
