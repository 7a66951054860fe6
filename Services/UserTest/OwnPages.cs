using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The physical pages this process holds. Its heap maps fresh pages as they are first used, so a
/// scenario that counts the machine's free frames around a child's life counts these apart.
/// </summary>
internal static class OwnPages
{
    private static readonly ProcessInfo[] s_records = new ProcessInfo[256];

    public static long Count()
    {
        long count = ProcessCalls.List(s_records);
        long self = ProcessCalls.CurrentId;
        for (long i = 0; i < count && i < s_records.Length; i++)
        {
            if (s_records[i].ProcessId == self)
                return s_records[i].MemoryPages;
        }
        return 0;
    }
}
