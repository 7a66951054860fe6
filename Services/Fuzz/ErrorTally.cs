using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>Counts results of system calls: successes and each error code (one tally per thread, merged at the end).</summary>
internal sealed class ErrorTally
{
    private const int Codes = 64;
    private readonly long[] _errors = new long[Codes];

    public long Calls;
    public long Successes;
    public long OtherErrors;

    public void Count(long result)
    {
        Calls++;
        if (result >= 0)
            Successes++;
        else if (-result < Codes)
            _errors[-result]++;
        else
            OtherErrors++;
    }

    public void Add(ErrorTally other)
    {
        Calls += other.Calls;
        Successes += other.Successes;
        OtherErrors += other.OtherErrors;
        for (int i = 0; i < Codes; i++)
            _errors[i] += other._errors[i];
    }

    /// <summary>"ok 123, NoSuchCall 45, BadAddress 6, ...": every code seen, by name.</summary>
    public string Describe()
    {
        string text = "ok " + Successes.ToString();
        for (int i = 1; i < Codes; i++)
        {
            if (_errors[i] != 0)
                text += ", " + Name(i) + " " + _errors[i].ToString();
        }
        if (OtherErrors != 0)
            text += ", other " + OtherErrors.ToString();
        return text;
    }

    private static string Name(int code) => (SyscallError)code switch
    {
        SyscallError.NoSuchCall => "NoSuchCall",
        SyscallError.BadAddress => "BadAddress",
        SyscallError.InvalidArgument => "InvalidArgument",
        SyscallError.NotFound => "NotFound",
        SyscallError.OutOfMemory => "OutOfMemory",
        SyscallError.Denied => "Denied",
        SyscallError.BadExecutable => "BadExecutable",
        SyscallError.BadHandle => "BadHandle",
        SyscallError.NoRight => "NoRight",
        SyscallError.PeerClosed => "PeerClosed",
        SyscallError.QueueFull => "QueueFull",
        SyscallError.TimedOut => "TimedOut",
        SyscallError.Exists => "Exists",
        SyscallError.TooManyHandles => "TooManyHandles",
        SyscallError.IsDirectory => "IsDirectory",
        SyscallError.NotDirectory => "NotDirectory",
        SyscallError.NotEmpty => "NotEmpty",
        SyscallError.NoSpace => "NoSpace",
        SyscallError.Corrupt => "Corrupt",
        SyscallError.IoError => "IoError",
        SyscallError.InvalidName => "InvalidName",
        SyscallError.FileTooLarge => "FileTooLarge",
        SyscallError.Busy => "Busy",
        SyscallError.NotSupported => "NotSupported",
        SyscallError.CrossDevice => "CrossDevice",
        SyscallError.WrongKind => "WrongKind",
        SyscallError.TooManyThreads => "TooManyThreads",
        SyscallError.TooManyProcesses => "TooManyProcesses",
        _ => "error" + code.ToString(),
    };
}
