using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>One thread's share of a campaign: its own scratch memory and generator, a count of calls.</summary>
internal sealed unsafe class SyscallWorker
{
    /// <summary>Scratch pages per thread (the page after them is never mapped).</summary>
    private const int ScratchPages = 4;

    private readonly CallGenerator _generator;
    private readonly long _count;
    public readonly ErrorTally Tally = new ErrorTally();
    /// <summary>The call being made, for a report when the process is stuck or dies.</summary>
    public FuzzCall Current;

    private SyscallWorker(CallGenerator generator, long count)
    {
        _generator = generator;
        _count = count;
    }

    /// <summary>A worker for <paramref name="role"/>; null when its scratch memory cannot be had.</summary>
    public static SyscallWorker Create(ulong seed, FuzzRole role, long count)
    {
        long scratch = SystemCall.Call(SyscallNumber.MapMemory, ScratchPages);
        if (scratch < 0)
            return null;
        int onStack;
        var layout = new FuzzLayout
        {
            Scratch = (ulong)scratch,
            ScratchBytes = ScratchPages * 4096,
            CodeAddress = (ulong)(delegate*<ulong, FuzzRole, long, SyscallWorker>)&Create,
            StackAddress = (ulong)&onStack,
            SelfProcessId = ProcessCalls.CurrentId,
        };
        return new SyscallWorker(new CallGenerator(seed, role, layout), count);
    }

    public void Run()
    {
        for (long i = 0; i < _count; i++)
        {
            FuzzCall call = _generator.Next();
            Current = call;
            long result = SystemCall.Call((SyscallNumber)call.Number, call.A0, call.A1, call.A2, call.A3, call.A4);
            Tally.Count(result);
            if (result > 0)
                Remember(call, result);
        }
    }

    private void Remember(FuzzCall call, long result)
    {
        switch ((SyscallNumber)call.Number)
        {
            case SyscallNumber.PortCreate:
            case SyscallNumber.HandleDuplicate:
            case SyscallNumber.NameLookup:
            case SyscallNumber.FileOpen:
            case SyscallNumber.StreamOpenFile:
                _generator.NoteHandle(result);
                break;
            case SyscallNumber.PipeCreate:
                break;
            case SyscallNumber.Spawn:
            case SyscallNumber.SpawnEx:
                long forgotten = _generator.NoteProcess(result);
                if (forgotten > 0)
                {
                    // Process ids are never reused, so this is the fuzzer's own child (or one already reaped: errors).
                    ProcessCalls.Kill(forgotten);
                    ProcessCalls.Wait(forgotten, out _);
                }
                break;
            case SyscallNumber.MapMemory:
                // Keep a few as targets; give back the rest at once so the address space's region table does not fill.
                if (!_generator.NoteMapping((ulong)result, call.A0))
                    SystemCall.Call(SyscallNumber.UnmapMemory, result, call.A0);
                break;
        }
    }
}
