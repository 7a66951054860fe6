using CosmosHybrid.Arch.X64;
using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Processes;

/// <summary>
/// A ring-3 program instance: an address space, its threads, and what it is charged
/// with. When its last thread ends (or it is killed) its memory goes back to the
/// frame allocator and its exit status waits for whoever calls Wait.
/// </summary>
internal sealed class Process
{
    public const int MaxThreads = StoppedThread.MaxThreads;

    /// <summary>The thread quota of a process nobody set one for.</summary>
    public const int DefaultThreadLimit = 64;

    /// <summary>How many processes one process may have started that are still in the table (a spawn bomb's bound).</summary>
    public const int MaxChildren = 64;

    private const int InitialThreadSlots = 4;

    // Grows (doubling) with the threads, up to the quota.
    private Thread[] _threads = new Thread[InitialThreadSlots];

    public Process(int id, string name, UserAddressSpace addressSpace, int priority)
    {
        Id = id;
        Name = name;
        AddressSpace = addressSpace;
        Priority = priority;
    }

    public int Id { get; }

    /// <summary>The process that spawned this one (0: the kernel).</summary>
    public int ParentId { get; set; }

    /// <summary>
    /// Its parent ended first, so nobody will wait for it: it leaves the process table as soon as
    /// it has ended and its threads are freed (<see cref="ProcessTable.OrphanChildrenOf"/>).
    /// </summary>
    public bool IsOrphan { get; set; }

    /// <summary>How many threads the process may have at once (its quota, at most <see cref="MaxThreads"/>).</summary>
    public int ThreadLimit { get; set; } = DefaultThreadLimit;

    /// <summary>The handles this process holds (ports, devices, authorities, streams).</summary>
    public HandleTable Handles { get; } = new HandleTable();

    /// <summary>Where the program's runtime turns its null-reference and divide faults into exceptions.</summary>
    public UserFaultEntry FaultEntry { get; } = new UserFaultEntry();

    /// <summary>The I/O ports it may use from ring 3 (its devices' ranges); null, the common case: none.</summary>
    public Devices.IoPortSet IoPorts { get; set; }

    /// <summary>Its open files by descriptor (used under the file-system lock only).</summary>
    public Storage.Vfs.FileDescriptorTable Files { get; } = new Storage.Vfs.FileDescriptorTable();

    /// <summary>Canonical path that relative paths start from.</summary>
    public string WorkingDirectory { get; set; } = "/";

    public string Name { get; }

    /// <summary>The symbol map of the program it runs (<see cref="ProgramImage.Symbols"/>), or null.</summary>
    public Diagnostics.SymbolTable Symbols { get; init; }

    public int Priority { get; }

    public UserAddressSpace AddressSpace { get; private set; }

    public ProcessState State { get; set; } = ProcessState.Running;

    public int ExitStatus { get; set; }

    public int ThreadCount { get; private set; }

    /// <summary>CPU ticks of threads that have already ended.</summary>
    public ulong RetiredCpuTicks { get; set; }

    /// <summary>The thread whose garbage collector has the others stopped (see <see cref="ThreadStops"/>), or null.</summary>
    public Thread StoppedBy
    {
        get => _stoppedBy;
        set
        {
            // syscall_entry runs its stopped-process check only while some process is stopped.
            if ((_stoppedBy == null) != (value == null))
                SyscallEntry.CountStoppedProcesses(value != null ? 1 : -1);
            _stoppedBy = value;
        }
    }

    private Thread _stoppedBy;

    /// <summary>Threads blocked in Wait for this process, linked through <see cref="Thread.WaitNext"/>.</summary>
    public Thread Waiters { get; set; }

    public bool IsAlive => State == ProcessState.Running;

    public ulong CpuTicks
    {
        get
        {
            ulong total = RetiredCpuTicks;
            for (int i = 0; i < ThreadCount; i++)
                total += _threads[i].CpuTicks;
            return total;
        }
    }

    public Thread GetThread(int index) => _threads[index];

    public bool AddThread(Thread thread)
    {
        if (ThreadCount >= ThreadLimit)
            return false;
        if (ThreadCount == _threads.Length)
        {
            var larger = new Thread[_threads.Length * 2];
            for (int i = 0; i < ThreadCount; i++)
                larger[i] = _threads[i];
            _threads = larger;
        }
        _threads[ThreadCount++] = thread;
        thread.Process = this;
        return true;
    }

    /// <summary>Forgets an ended thread; returns true when it was the last one.</summary>
    public bool RemoveThread(Thread thread)
    {
        for (int i = 0; i < ThreadCount; i++)
        {
            if (_threads[i] == thread)
            {
                RetiredCpuTicks += thread.CpuTicks;
                _threads[i] = _threads[--ThreadCount];
                _threads[ThreadCount] = null;
                break;
            }
        }
        return ThreadCount == 0;
    }

    /// <summary>Frees the address space (called once no thread of the process can run on it).</summary>
    public void ReleaseMemory()
    {
        AddressSpace?.Destroy();
        AddressSpace = null;
    }
}
