using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>Starts disposable children one at a time, kills some at a random moment, and counts how each ended.</summary>
internal sealed class ChildTally
{
    public long Started;
    public long SpawnFailures;
    public long LastSpawnError;
    public long Finished;
    public long KilledEarly;
    public long KilledAtDeadline;
    public long EndedOtherwise;
    /// <summary>Calls the children that finished report (<see cref="ChildExitStatus"/>).</summary>
    public long ChildCalls;

    /// <summary>Runs `fuzz MODE SEED CALLS [MORE]` to its end, its deadline or a random kill.</summary>
    public void RunOne(ref SplitMix64 random, string mode, ulong childSeed, long childCalls, long deadlineMs, string more = null)
    {
        string commandLine = mode + " " + childSeed.ToString() + " " + childCalls.ToString() + (more == null ? "" : " " + more);
        long pid = ChildProcess.Start("/bin/fuzz " + commandLine, withOutput: false);
        if (pid < 0)
        {
            SpawnFailures++;
            LastSpawnError = pid;
            ProcessCalls.Sleep(10);
            return;
        }
        Started++;
        bool early = random.OneIn(3);
        long status;
        if (early)
        {
            // Kill it while it is in the middle of things.
            ProcessCalls.Sleep(random.Below(200));
            bool ended = ChildProcess.HasEnded(pid);
            ProcessCalls.Kill(pid);
            ProcessCalls.Wait(pid, out status);
            if (!ended)
            {
                KilledEarly++;
                return;
            }
        }
        else if (!ChildProcess.Finish(pid, deadlineMs, out status))
        {
            KilledAtDeadline++;
            return;
        }
        if (ChildExitStatus.TryRead(childSeed, childCalls, status, out long calls))
        {
            Finished++;
            ChildCalls += calls;
        }
        else
            EndedOtherwise++;
    }

    public string Describe() =>
        "children: " + Started.ToString() + " started (" + SpawnFailures.ToString() + " spawns failed"
        + (SpawnFailures > 0 ? ", last: " + ProcessCalls.ErrorText(LastSpawnError) : "") + "), "
        + Finished.ToString() + " finished (" + ChildCalls.ToString() + " calls), " + KilledEarly.ToString() + " killed at random, "
        + KilledAtDeadline.ToString() + " killed at the deadline, " + EndedOtherwise.ToString() + " ended by a fault or their own Exit call";
}
