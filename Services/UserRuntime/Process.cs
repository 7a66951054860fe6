using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>Process and system system calls, wrapped for ring-3 C#.</summary>
internal static unsafe class ProcessCalls
{
    /// <summary>Starts "program [arguments]"; returns the process id, or a negative <see cref="SyscallError"/>.</summary>
    public static long Spawn(string commandLine)
    {
        byte[] bytes = Utf8.GetBytes(commandLine);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
            return SystemCall.Call(SyscallNumber.Spawn, (long)text, bytes.Length);
    }

    /// <summary>
    /// Starts "program [arguments]" with exactly the handles in <paramref name="handles"/> (entry i
    /// becomes the child's handle i + 1: see <see cref="StartupHandles"/>) and the given quotas
    /// (0: the defaults); returns the process id, or a negative <see cref="SyscallError"/>. The
    /// quotas are capped by this process's own unless <paramref name="authority"/> has RaiseQuotas.
    /// </summary>
    public static long Spawn(string commandLine, SpawnHandle[] handles, long handleLimit = 0, long threadLimit = 0, long authority = 0)
    {
        byte[] bytes = Utf8.GetBytes(commandLine);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
        fixed (SpawnHandle* list = handles)
        {
            var request = new SpawnRequest
            {
                CommandLine = (ulong)text,
                CommandLineLength = bytes.Length,
                Handles = (ulong)list,
                HandleCount = handles.Length,
                HandleLimit = handleLimit,
                ThreadLimit = threadLimit,
                Authority = authority,
            };
            return SystemCall.Call(SyscallNumber.SpawnEx, (long)&request);
        }
    }

    /// <summary>
    /// A handle list for <see cref="Spawn(string, SpawnHandle[], long, long, long)"/> of
    /// <paramref name="count"/> entries that passes this process's standard input, output and
    /// error on (the other entries empty, for the caller to fill).
    /// </summary>
    public static SpawnHandle[] WithStandardIo(int count)
    {
        var handles = new SpawnHandle[count];
        for (long handle = StartupHandles.StandardInput; handle <= StartupHandles.StandardError && handle <= count; handle++)
            handles[handle - 1] = new SpawnHandle { Handle = handle, Rights = HandleRights.StreamRead | HandleRights.StreamWrite | HandleRights.Transfer };
        return handles;
    }

    /// <summary>Waits for a process to end; returns 0 with its exit status, or a negative <see cref="SyscallError"/>.</summary>
    public static long Wait(long processId, out long status)
    {
        long result;
        fixed (long* pointer = &status)
            result = SystemCall.Call(SyscallNumber.Wait, processId, (long)pointer);
        return result;
    }

    /// <summary>Ends a process: one's own descendants freely, any other with an <paramref name="authority"/> handle holding KillAny.</summary>
    public static long Kill(long processId, long authority = 0) => SystemCall.Call(SyscallNumber.Kill, processId, authority);

    public static long CurrentId => SystemCall.CallWithoutArguments(SyscallNumber.GetProcessId);

    public static void Sleep(long milliseconds) => SystemCall.Call(SyscallNumber.Sleep, milliseconds);

    public static void Yield() => SystemCall.CallWithoutArguments(SyscallNumber.Yield);

    public static long UptimeMilliseconds => SystemCall.CallWithoutArguments(SyscallNumber.GetUptime);

    /// <summary>Seconds since 1970 (UTC) from the real-time clock, or a negated error when there is none.</summary>
    public static long WallClockSeconds => SystemCall.Call(SyscallNumber.GetWallClock);

    public static void Exit(int status) => SystemCall.Call(SyscallNumber.Exit, status);

    /// <summary>Turns the machine off if <paramref name="authority"/> holds PowerOff; otherwise returns Denied.</summary>
    public static long PowerOff(long authority) => SystemCall.Call(SyscallNumber.PowerOff, authority);

    /// <summary>Fills <paramref name="records"/>; returns how many processes exist (may exceed the array).</summary>
    public static long List(ProcessInfo[] records)
    {
        fixed (ProcessInfo* buffer = records)
            return SystemCall.Call(SyscallNumber.ListProcesses, (long)buffer, records.Length);
    }

    /// <summary>The physical pages all running processes hold (the first 256 of the table).</summary>
    public static long PagesHeldByRunningProcesses()
    {
        var records = new ProcessInfo[256];
        long count = List(records);
        long pages = 0;
        for (long i = 0; i < count && i < records.Length; i++)
        {
            if (records[i].State == (long)ProcessState.Running)
                pages += records[i].MemoryPages;
        }
        return pages;
    }

    /// <summary>Tells the kernel's boot timeline that the boot reached <paramref name="milestone"/>.</summary>
    public static long ReportBootMilestone(BootMilestone milestone) =>
        SystemCall.Call(SyscallNumber.BootMilestoneReached, (long)milestone);

    /// <summary>Starts the kernel's sampling profiler on <paramref name="processId"/> (0: every process and the kernel).</summary>
    public static long StartProfile(long processId) => SystemCall.Call(SyscallNumber.ProfileStart, processId);

    /// <summary>Stops the profiler; its report's text, or null with <paramref name="error"/> set.</summary>
    public static string StopProfile(ProfileReportFlags flags, out long error)
    {
        byte[] text = new byte[16384];
        fixed (byte* buffer = text)
            error = SystemCall.Call(SyscallNumber.ProfileStop, (long)buffer, text.Length, (long)flags);
        if (error < 0)
            return null;
        int length = (int)error;
        error = 0;
        return Utf8.GetStringLenient(new System.ReadOnlySpan<byte>(text, 0, length));
    }

    /// <summary>
    /// The machine's memory figures; with <paramref name="collectKernelHeap"/> the kernel collects its heap
    /// first, so <see cref="MemoryInfo.KernelHeapLiveBytes"/> counts no garbage (what a leak check compares).
    /// </summary>
    public static long GetMemoryInfo(out MemoryInfo info, bool collectKernelHeap = false)
    {
        fixed (MemoryInfo* buffer = &info)
            return SystemCall.Call(SyscallNumber.GetMemoryInfo, (long)buffer, collectKernelHeap ? 1 : 0);
    }

    /// <summary>Text for a negative system-call result.</summary>
    public static string ErrorText(long result) => (SyscallError)(-result) switch
    {
        SyscallError.NoSuchCall => "no such system call",
        SyscallError.BadAddress => "bad address",
        SyscallError.InvalidArgument => "invalid argument",
        SyscallError.NotFound => "not found",
        SyscallError.OutOfMemory => "out of memory",
        SyscallError.Denied => "denied",
        SyscallError.BadExecutable => "not a valid executable",
        SyscallError.BadHandle => "bad file descriptor",
        SyscallError.Exists => "already exists",
        SyscallError.TooManyHandles => "too many open handles",
        SyscallError.IsDirectory => "is a directory",
        SyscallError.NotDirectory => "not a directory",
        SyscallError.NotEmpty => "directory not empty",
        SyscallError.NoSpace => "no space left on the volume",
        SyscallError.Corrupt => "file system damaged",
        SyscallError.IoError => "I/O error",
        SyscallError.InvalidName => "invalid name",
        SyscallError.FileTooLarge => "file too large",
        SyscallError.Busy => "busy",
        SyscallError.NotSupported => "not supported",
        SyscallError.CrossDevice => "cannot move across volumes",
        SyscallError.WrongKind => "wrong kind of handle",
        SyscallError.NoRight => "the handle lacks the right",
        SyscallError.PeerClosed => "the other end is closed (broken pipe)",
        SyscallError.TooManyThreads => "too many threads",
        SyscallError.TooManyProcesses => "too many processes",
        SyscallError.QueueFull => "the queue is full",
        SyscallError.TimedOut => "timed out",
        _ => "error " + (-result).ToString(),
    };
}
