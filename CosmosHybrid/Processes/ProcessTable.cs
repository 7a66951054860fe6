using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Handles;
using CosmosHybrid.Loader.Elf;
using CosmosHybrid.Scheduling;

using CosmosHybrid.Storage.Kernel;

namespace CosmosHybrid.Processes;

/// <summary>
/// All processes: starting programs, ending them (exit, kill, fault) and reporting
/// their exit status to waiters. Program files come from <see cref="ProgramFiles"/> (by name) or a path.
/// </summary>
internal static unsafe class ProcessTable
{
    /// <summary>
    /// The system's cap on processes (live, or ended and not yet waited for). Below it, memory
    /// is the limit: the table grows (doubling) as processes start, and every process needs
    /// an address space, a kernel stack and its image.
    /// </summary>
    public const int MaxProcesses = 1024;
    public const int DefaultPriority = 4;

    private const int InitialCapacity = 32;

    private static Process[] s_processes = new Process[InitialCapacity];
    private static int s_count;
    /// <summary>Slots set aside by spawns still loading their image (<see cref="TryReserveSlot"/>).</summary>
    private static int s_reserved;
    private static int s_nextId = 1;

    public static int Count => s_count;

    public static Process Get(int index) => s_processes[index];

    public static Process Find(int id)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_processes[i].Id == id)
                return s_processes[i];
        }
        return null;
    }

    public const int MaxArgumentLength = 200;

    // Frames a spawn takes besides its image's: page tables, the first stack and heap pages, kernel objects.
    private const ulong SpawnOverheadPages = 32;

    /// <summary>
    /// Starts a program: <paramref name="commandLine"/> is its name, optionally followed by
    /// a space and an argument string for its Main. A name with a '/' is a file path (relative
    /// to <paramref name="workingDirectory"/>, ".elf" optional), any other a boot module's program.
    /// The process starts in <paramref name="workingDirectory"/>. Returns the process, or null
    /// with <paramref name="error"/> set.
    /// </summary>
    /// <param name="spawner">The process asking (null for the kernel): the child's parent, whose quotas cap the child's.</param>
    /// <param name="handles">The child's startup handles; null: none.</param>
    /// <param name="handleLimit">The child's handle quota; 0: the default.</param>
    /// <param name="threadLimit">The child's thread quota; 0: the default.</param>
    public static Process Spawn(string commandLine, out SyscallError error, string workingDirectory = "/",
        Process spawner = null, StartupHandleList handles = null, int handleLimit = 0, int threadLimit = 0, bool raiseQuotas = false)
    {
        error = SyscallError.None;
        int separator = commandLine.IndexOf(' ');
        string name = separator < 0 ? commandLine : commandLine.Substring(0, separator);
        string arguments = separator < 0 ? "" : commandLine.Substring(separator + 1);
        if (Utf8.GetByteCount(arguments) > MaxArgumentLength)
        {
            error = SyscallError.InvalidArgument;
            return null;
        }
        ProgramImage file;
        if (name.IndexOf('/') >= 0)
        {
            Storage.StorageError readError = Storage.Kernel.KernelFileSystem.ReadProgram(workingDirectory, name, out file);
            if (readError != Storage.StorageError.Ok)
            {
                error = Syscalls.FileSyscalls.ToSyscallError(readError);
                return null;
            }
            name = ProgramName(name);
        }
        else
        {
            Storage.StorageError findError = ProgramFiles.Find(name, out file);
            if (findError != Storage.StorageError.Ok)
            {
                error = Syscalls.FileSyscalls.ToSyscallError(findError);
                return null;
            }
        }
        Process process = CreateAndList(file, name, arguments, workingDirectory, spawner, handles, handleLimit, threadLimit, raiseQuotas,
            out Thread thread, out error);
        file.Release();   // an image read for this spawn: the frames the new address space did not take
        if (process == null)
            return null;
        Scheduler.Start(thread);
        return process;
    }

    // The checks a spawn passes once its program is found, then the process, which joins the table.
    private static Process CreateAndList(ProgramImage file, string name, string arguments, string workingDirectory, Process spawner,
        StartupHandleList handles, int handleLimit, int threadLimit, bool raiseQuotas, out Thread thread, out SyscallError error)
    {
        thread = null;
        // A spawn bomb fills its own share, not the whole table (side-by-side spawns of one
        // spawner's threads may pass the count together: the limit is a bound, not exact).
        if (spawner != null && ChildrenOf(spawner.Id) >= Process.MaxChildren)
        {
            error = SyscallError.TooManyProcesses;
            return null;
        }
        // The image's pages, its tables and first stack pages may not eat into the kernel's reserve.
        if (!Memory.UserMemoryReserve.MayTake(Memory.KernelPages.Frames.FreeFrames, (ulong)file.Length / UserAddressSpace.PageSize + SpawnOverheadPages))
        {
            error = SyscallError.OutOfMemory;
            return null;
        }
        // A slot is set aside first: other threads may spawn while this one loads the image.
        if (!TryReserveSlot())
        {
            error = SyscallError.TooManyProcesses;
            return null;
        }
        Process process = Create(file, name, arguments, workingDirectory, spawner, handles, handleLimit, threadLimit, raiseQuotas,
            out thread, out error);
        using (InterruptsOff.Enter())
        {
            s_reserved--;
            if (process != null)
                s_processes[s_count++] = process;
        }
        return process;
    }

    /// <summary>The process and its first thread (not started, not in the table yet); null with <paramref name="error"/> set.</summary>
    private static Process Create(ProgramImage file, string name, string arguments, string workingDirectory, Process spawner,
        StartupHandleList handles, int handleLimit, int threadLimit, bool raiseQuotas, out Thread thread, out SyscallError error)
    {
        error = SyscallError.None;
        thread = null;
        UserAddressSpace space = UserAddressSpace.Create();
        if (space == null)
        {
            error = SyscallError.OutOfMemory;
            return null;
        }
        ElfError elfError = ProgramLoader.Load(file, space, out ulong entry);
        if (elfError != ElfError.Ok)
        {
            KernelLog.WriteLine("spawn " + name + ": " + ElfErrorText.Describe(elfError));
            space.Destroy();
            error = elfError == ElfError.ImageTooLarge ? SyscallError.OutOfMemory : SyscallError.BadExecutable;
            return null;
        }

        int id;
        using (InterruptsOff.Enter())
            id = s_nextId++;    // spawns run side by side: no two may read the same id
        var process = new Process(id, name, space, DefaultPriority)
        {
            WorkingDirectory = workingDirectory,
            ParentId = spawner?.Id ?? 0,
            Symbols = file.Symbols,
        };
        // A child gets no more than its spawner has, unless the spawner presented RaiseQuotas.
        bool capped = spawner != null && !raiseQuotas;
        process.Handles.Limit = Quota(handleLimit, HandleTable.DefaultLimit, capped ? spawner.Handles.Limit : HandleTable.MaxLimit);
        process.ThreadLimit = Quota(threadLimit, Process.DefaultThreadLimit, capped ? spawner.ThreadLimit : Process.MaxThreads);
        ulong argumentAddress = PlaceArguments(space, arguments, out int argumentBytes);
        thread = argumentAddress == 0 ? null : CreateUserThread(process, entry, argumentAddress & ~15UL, argumentAddress, (ulong)argumentBytes);
        if (thread == null)
        {
            space.Destroy();
            error = SyscallError.OutOfMemory;
            return null;
        }
        if (handles != null)
        {
            using (InterruptsOff.Enter())
                handles.InstallInto(process.Handles);
        }
        return process;
    }

    // The processes in the table (running, or ended and not yet waited for) that <paramref name="parentId"/> started.
    private static int ChildrenOf(int parentId)
    {
        int children = 0;
        using (InterruptsOff.Enter())
        {
            for (int i = 0; i < s_count; i++)
            {
                if (s_processes[i].ParentId == parentId)
                    children++;
            }
        }
        return children;
    }

    /// <summary>
    /// Sets a table slot aside for a spawn in progress (false at <see cref="MaxProcesses"/>). Spawns
    /// load their images with interrupts on, so several may be under way at once; each fills the
    /// slot it reserved, and the table never has to grow with interrupts off.
    /// </summary>
    private static bool TryReserveSlot()
    {
        while (true)
        {
            int needed;
            using (InterruptsOff.Enter())
            {
                needed = s_count + s_reserved + 1;
                if (needed > MaxProcesses)
                    return false;
                if (needed <= s_processes.Length)
                {
                    s_reserved++;
                    return true;
                }
            }
            EnsureCapacity(needed);
        }
    }

    // The new array is made with interrupts on and swapped in with them off: readers (ps, Find) see one or the other.
    // Another spawn may have grown the table meanwhile; the larger array wins.
    private static void EnsureCapacity(int needed)
    {
        int length = s_processes.Length;
        if (needed <= length)
            return;
        int capacity = length * 2 < MaxProcesses ? length * 2 : MaxProcesses;
        var larger = new Process[capacity];
        KernelFileSystem.EnsureOrphanCapacity(capacity);
        using (InterruptsOff.Enter())
        {
            if (s_processes.Length >= capacity)
                return;
            for (int i = 0; i < s_count; i++)
                larger[i] = s_processes[i];
            s_processes = larger;
        }
    }

    // A child's quota: what was asked (or the default), never more than its spawner's own.
    private static int Quota(int requested, int defaultValue, int spawnerLimit)
    {
        int value = requested > 0 ? requested : defaultValue;
        return value < spawnerLimit ? value : spawnerLimit;
    }

    // "/bin/usertest.elf" runs as "usertest".
    private static string ProgramName(string path)
    {
        string name = path.Substring(path.LastIndexOf('/') + 1);
        return name.EndsWith(".elf") ? name.Substring(0, name.Length - 4) : name;
    }

    // The argument bytes go at the very top of the main thread's stack; the stack starts below them.
    private static ulong PlaceArguments(UserAddressSpace space, string arguments, out int length)
    {
        ulong address = UserAddressSpace.StackTop - 256;
        byte* bytes = stackalloc byte[MaxArgumentLength];
        length = Utf8.EncodeLenient(arguments, new Span<byte>(bytes, MaxArgumentLength));
        return space.CopyToUser(address, bytes, (ulong)length) ? address : 0;
    }

    /// <summary>A thread of <paramref name="process"/> that enters ring 3 at <paramref name="entry"/> with <paramref name="stackTop"/>.</summary>
    public static Thread CreateUserThread(Process process, ulong entry, ulong stackTop, ulong argument0, ulong argument1)
    {
        Thread thread = Thread.Create(process.Name, &UserThreadStart, process.Priority, process.AddressSpace.Cr3Slot);
        if (thread == null)
            return null;
        thread.UserEntry = entry;
        thread.UserStackTop = stackTop;
        thread.UserArgument0 = argument0;
        thread.UserArgument1 = argument1;
        if (!process.AddThread(thread))
        {
            thread.Release();
            return null;
        }
        return thread;
    }

    private static void UserThreadStart()
    {
        Cpu.DisableInterrupts();   // until ring 3: see ThreadStops.ParkIfStopped
        ThreadStops.ParkIfStopped();
        Thread self = Scheduler.Current;
        self.HasEnteredUserMode = true;
        SyscallEntry.SetCurrentProcess(self.Process);   // in case the thread ran before it joined its process
        Diagnostics.BootTimeline.NoteRingThreeEntry();
        SyscallEntry.EnterUserMode(self.UserEntry, self.UserStackTop, self.UserArgument0, self.UserArgument1);
    }

    /// <summary>Ends the calling thread's whole process with <paramref name="status"/>. Does not return.</summary>
    public static void ExitCurrent(int status, ProcessState how)
    {
        Process process = Scheduler.Current.Process;
        Terminate(process, status, how);
        Scheduler.ExitCurrent();
    }

    /// <summary>Ends <paramref name="process"/>: every thread stops, waiters wake with the status.</summary>
    public static void Terminate(Process process, int status, ProcessState how)
    {
        if (!process.IsAlive)
            return;
        process.State = how;
        process.ExitStatus = status;
        OrphanChildrenOf(process);
        // First the ports: calls it was serving fail, lent pages come back, handles close.
        Ipc.KernelPorts.ReleaseProcess(process);
        KernelFutex.ReleaseProcess(process);
        if (Diagnostics.FaultInjection.FaultInjector.Armed)
            Diagnostics.FaultInjection.FaultInjector.Forget(process);
        for (int i = 0; i < process.ThreadCount; i++)
        {
            Thread thread = process.GetThread(i);
            if (thread != Scheduler.Current)
                Scheduler.Terminate(thread);
        }
        WakeWaiters(process);
    }

    private static void WakeWaiters(Process process)
    {
        while (process.Waiters != null)
        {
            Thread waiter = process.Waiters;
            process.Waiters = waiter.WaitNext;
            Scheduler.Wake(waiter);
        }
    }

    /// <summary>Called when an ended thread's resources are freed; the last one frees the process's memory.</summary>
    public static void OnThreadReleased(Thread thread)
    {
        Process process = thread.Process;
        if (process != null && process.RemoveThread(thread))
        {
            if (process.IsAlive)
            {
                // The last thread ended by itself (ExitThread): the process exits with status 0,
                // and its ports and handles go as they would on Exit.
                Ipc.KernelPorts.ReleaseProcess(process);
                process.State = ProcessState.Exited;
                OrphanChildrenOf(process);
                WakeWaiters(process);
            }
            process.ReleaseMemory();
            Storage.Kernel.KernelFileSystem.ReleaseProcess(process);
            if (process.IsOrphan)
            {
                using (InterruptsOff.Enter())
                    Remove(process);
            }
        }
    }

    /// <summary>
    /// <paramref name="parent"/> has ended, so nobody is left to wait for its children: those that
    /// have ended leave the table now, the others as soon as they end. Without this every child a
    /// program never waited for stayed in the table for good, and the table filled up.
    /// </summary>
    internal static void OrphanChildrenOf(Process parent)
    {
        using (InterruptsOff.Enter())
        {
            for (int i = s_count - 1; i >= 0; i--)
            {
                Process child = s_processes[i];
                if (child == parent || child.ParentId != parent.Id)
                    continue;
                child.IsOrphan = true;
                if (!child.IsAlive && child.ThreadCount == 0)
                    Remove(child);
            }
        }
    }

    /// <summary>Blocks until <paramref name="process"/> has ended; returns its status and forgets it.</summary>
    public static int Wait(Process process)
    {
        while (process.IsAlive || process.ThreadCount > 0)
        {
            using (InterruptsOff.Enter())
            {
                if (process.IsAlive)
                {
                    Thread self = Scheduler.Current;
                    self.WaitNext = process.Waiters;
                    process.Waiters = self;
                    Scheduler.Block();
                }
                else if (process.ThreadCount > 0)
                {
                    Scheduler.Sleep(1); // ended, but its threads are not freed yet: let that happen first
                }
            }
        }
        Remove(process);
        return process.ExitStatus;
    }

    /// <summary>A fault in ring 3 ends the process with a report; the kernel carries on.</summary>
    public static void KillCurrentForFault(InterruptFrame* frame, string fault)
    {
        Process process = Scheduler.Current.Process;
        KernelLog.WriteLine("process " + process.Id.ToString() + " (" + process.Name + ") killed: " + fault
            + " at RIP " + KernelLog.Hex(frame->Rip) + ", error code " + KernelLog.Hex(frame->ErrorCode)
            + (frame->Vector == ExceptionVector.PageFault ? ", address " + KernelLog.Hex(Cpu.ReadCr2()) : ""));
        UserFaultTrace.Write(process, frame);
        ExitCurrent(-(int)frame->Vector - 1000, ProcessState.Killed);
    }

    private static void Remove(Process process)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_processes[i] == process)
            {
                s_processes[i] = s_processes[--s_count];
                s_processes[s_count] = null;
                return;
            }
        }
    }
}
