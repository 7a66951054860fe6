using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `usertest orphans N`: a child process starts N short-lived processes and ends at once, waiting
/// for none of them. Nobody is left to wait for them, so each must leave the process table once it
/// has ended: the scenario counts the usertest entries newer than that parent that are still there
/// (other processes, such as the terminal's shell, may start meanwhile).
/// </summary>
internal static unsafe class OrphanScenario
{
    public static int Run(int children)
    {
        long parent = ProcessCalls.Spawn("usertest orphan-parent " + children.ToString());
        if (parent < 0)
        {
            Console.WriteLine("orphans: cannot start the parent (" + ProcessCalls.ErrorText(parent) + ")");
            return 1;
        }
        ProcessCalls.Wait(parent, out long status);
        var records = new ProcessInfo[256];
        long left = 0, ended = 0;
        // The orphans end on their own within moments; give them up to five seconds.
        for (int attempt = 0; attempt < 50; attempt++)
        {
            CountNewerThan(parent, records, out left, out ended);
            if (left == 0)
                break;
            ProcessCalls.Sleep(100);
        }
        Console.WriteLine("orphans: " + children.ToString() + " children of a parent that ended with status " + status.ToString()
            + " and waited for none; entries left in the process table: " + left.ToString() + " (" + ended.ToString() + " of them ended)");
        return 0;
    }

    /// <summary>The orphan's parent: starts the children and ends without waiting.</summary>
    public static int Parent(int children)
    {
        for (int i = 0; i < children; i++)
        {
            long pid = ProcessCalls.Spawn("usertest exit 3");
            if (pid < 0)
            {
                Console.WriteLine("orphans: spawn " + i.ToString() + " failed (" + ProcessCalls.ErrorText(pid) + ")");
                return 1;
            }
        }
        return 0;
    }

    private static bool IsUserTest(ref ProcessInfo record)
    {
        fixed (byte* name = record.Name)
            return FileCalls.Decode(name, ProcessInfo.NameCapacity) == "usertest";
    }

    private static void CountNewerThan(long parent, ProcessInfo[] records, out long left, out long ended)
    {
        left = 0;
        ended = 0;
        long count = ProcessCalls.List(records);
        for (long i = 0; i < count && i < records.Length; i++)
        {
            if (records[i].ProcessId <= parent || !IsUserTest(ref records[i]))
                continue;
            left++;
            if (records[i].State != (long)ProcessState.Running)
                ended++;
        }
    }
}
