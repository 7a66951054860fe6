namespace CosmosHybrid.Services.Abi;

/// <summary>
/// System call numbers: the value in RAX at SYSCALL. Arguments go in RDI, RSI, RDX,
/// R10, R8, R9; the result comes back in RAX, negative values being <see cref="SyscallError"/>s.
/// Shared by the kernel, the ring-3 runtime and the host harness.
/// </summary>
public enum SyscallNumber : long
{
    /// <summary>(int status): ends the calling process.</summary>
    Exit = 0,
    /// <summary>(byte* text, long length): writes to the console (serial line and screen); returns bytes written.</summary>
    ConsoleWrite = 1,
    /// <summary>(byte* buffer, long capacity): waits for console input and returns the bytes read (at least one).</summary>
    ConsoleRead = 2,
    /// <summary>(): gives up the rest of the time slice.</summary>
    Yield = 3,
    /// <summary>(long milliseconds): sleeps at least that long.</summary>
    Sleep = 4,
    /// <summary>(): the caller's process id.</summary>
    GetProcessId = 5,
    /// <summary>(byte* name, long length): starts the program of that name; returns its process id.</summary>
    Spawn = 6,
    /// <summary>(long pid, long* status): waits for the process to end and stores its exit status (which may be negative: -9 when killed).</summary>
    Wait = 7,
    /// <summary>(long pid, long authority): ends the process. One's own descendants need no right; any other process needs an authority handle with KillAny (else Denied).</summary>
    Kill = 8,
    /// <summary>(long pages): reserves zero-filled read-write memory, mapped on first touch; returns its address.</summary>
    MapMemory = 9,
    /// <summary>(ulong address, long pages): returns memory from MapMemory.</summary>
    UnmapMemory = 10,
    /// <summary>(ProcessInfo* buffer, long capacity): fills process records; returns how many there are.</summary>
    ListProcesses = 11,
    /// <summary>(MemoryInfo* info, long collect): physical memory figures; collect = 1 runs a kernel heap collection first (for leak checks).</summary>
    GetMemoryInfo = 12,
    /// <summary>(): milliseconds since boot.</summary>
    GetUptime = 13,
    /// <summary>(long authority): turns the machine off; the authority handle needs the PowerOff right (else Denied).</summary>
    PowerOff = 14,
    /// <summary>(ulong entry, ulong stackTop, ulong argument): starts a thread in the caller's process; returns its id (TooManyThreads at the quota).</summary>
    CreateThread = 15,
    /// <summary>(ulong stack, long pages): ends the calling thread (the process ends with its last thread); a MapMemory range holding the thread's stack pointer is unmapped once the thread has left it (0, 0: none).</summary>
    ExitThread = 16,
    /// <summary>(long pid, ProcessInfo* info): one process's record.</summary>
    GetProcessInfo = 17,
    /// <summary>(ulong address, byte* buffer, long capacity): the name of the symbol at or below an address of the caller's program; returns its length.</summary>
    DescribeAddress = 18,
    /// <summary>(byte* buffer, long capacity): the PCI devices, one `lspci`-style line each; returns the bytes written.</summary>
    ListPciDevices = 19,
    /// <summary>
    /// (StoppedThread* records, long capacity): for the caller's garbage collector. Until
    /// ResumeOtherThreads, no other thread of the process returns to ring 3. Fills record 0
    /// with the caller's stack top and one record per other thread with where its stack's
    /// live part starts and its registers; returns how many records it filled. TooManyThreads
    /// when capacity is below the thread count (nothing stopped: grow the records, call again).
    /// </summary>
    StopOtherThreads = 20,
    /// <summary>(): lets the threads StopOtherThreads held back run again.</summary>
    ResumeOtherThreads = 21,
    /// <summary>(): the calling thread's id (unique among live threads, never 0).</summary>
    GetThreadId = 22,
    /// <summary>(SpawnRequest* request): starts a program with the handles and quotas the request names; returns its process id.</summary>
    SpawnEx = 23,
    /// <summary>(): the wall-clock time in seconds since 1970-01-01 UTC (the RTC read once, advanced by the uptime); NotSupported without an RTC.</summary>
    GetWallClock = 24,

    // ---- message ports (see IpcMessage) ----

    /// <summary>(): a new port; returns a handle with every right.</summary>
    PortCreate = 32,
    /// <summary>(long handle): closes a handle of any kind. The last receive handle of a port closing makes senders fail with PeerClosed.</summary>
    HandleClose = 33,
    /// <summary>(long handle, long rights): a second handle to the same object (any kind) with at most those rights.</summary>
    HandleDuplicate = 34,
    /// <summary>(long handle, IpcMessage* message, long timeoutMs): queues a message (0 = fail at once when full, -1 = wait); the notification tag is the kernel's (InvalidArgument, also for PortCall and PortCallEx).</summary>
    PortSend = 35,
    /// <summary>(long handle, IpcMessage* message, long timeoutMs): waits for a message or notification.</summary>
    PortReceive = 36,
    /// <summary>(long handle, tag, w0, w1, w2, w3): send and wait for the reply; the reply comes back in the same registers.</summary>
    PortCall = 37,
    /// <summary>(long handle, tag, w0, w1, w2, w3): reply to the current caller (if any) and wait for the next call on the port.</summary>
    PortReplyWait = 38,
    /// <summary>(long handle, IpcMessage* request, IpcMessage* reply): a call carrying a buffer copy, a page grant or a handle.</summary>
    PortCallEx = 39,
    /// <summary>(IpcMessage* reply): reply with a buffer, to the current caller of a call made with PortCallEx.</summary>
    PortReplyEx = 40,
    /// <summary>(long handle, ulong bits): sets notification bits on the port (no queue slot used).</summary>
    PortNotify = 41,
    /// <summary>
    /// (long device, long irq, long port, long bit): delivers interrupt `irq` of the device (one it
    /// owns) as notification bit `bit` on the port; the device (or, for a legacy device, the line)
    /// stays masked until IrqAcknowledge. Lines may be shared with kernel and other ring-3 drivers.
    /// </summary>
    IrqBind = 42,
    /// <summary>(long device, long irq): the driver handled the interrupt: unmasks the device (the line once every handler has).</summary>
    IrqAcknowledge = 43,
    /// <summary>
    /// (byte* name, long length, long handle, long reservation): publishes a send handle under a name
    /// ("net", "ui"). A name reserved with NameReserve needs its reservation handle as the fourth
    /// argument (else Denied); other names pass 0 and stay first come, first served.
    /// </summary>
    NameRegister = 44,
    /// <summary>(byte* name, long length): a send handle to the port registered under the name.</summary>
    NameLookup = 45,

    // ---- files (paths are bytes with a length, relative to the working directory unless they start with '/') ----

    /// <summary>(byte* path, long length, FileOpenFlags flags): opens a file or directory; returns a descriptor.</summary>
    FileOpen = 64,
    /// <summary>(long fd, byte* buffer, long count): reads at the position; returns the bytes read (0 at the end).</summary>
    FileRead = 65,
    /// <summary>(long fd, byte* buffer, long count): writes at the position (the end with Append); returns the bytes written.</summary>
    FileWrite = 66,
    /// <summary>(long fd, long offset, FileSeekOrigin origin): moves the position; returns the new position.</summary>
    FileSeek = 67,
    /// <summary>(long fd): closes a descriptor.</summary>
    FileClose = 68,
    /// <summary>(byte* path, long length, FileStatus* status): describes a file or directory.</summary>
    FileStat = 69,
    /// <summary>(long fd, DirectoryEntry* entries, long capacity): the next entries of an open directory; returns how many (0 at the end).</summary>
    DirectoryRead = 70,
    /// <summary>(byte* path, long length): creates a directory.</summary>
    DirectoryCreate = 71,
    /// <summary>(byte* path, long length): deletes a file or an empty directory.</summary>
    Unlink = 72,
    /// <summary>(byte* old, long oldLength, byte* new, long newLength): renames or moves within one volume.</summary>
    Rename = 73,
    /// <summary>(): writes every cached block and file-system structure to the disks.</summary>
    Sync = 74,
    /// <summary>(byte* path, long length): sets the caller's working directory.</summary>
    ChangeDirectory = 75,
    /// <summary>(byte* buffer, long capacity): the caller's working directory; returns its length.</summary>
    GetWorkingDirectory = 76,
    /// <summary>(MountInfo* buffer, long capacity): fills mount records; returns how many mounts there are.</summary>
    ListMounts = 77,
    /// <summary>(long fd, long length): truncates or extends an open file.</summary>
    FileSetLength = 78,
    /// <summary>(long fd, byte* buffer, long count, long offset): reads at an offset without moving the position (pread).</summary>
    FileReadAt = 79,

    // ---- devices (96-111) ----

    /// <summary>(DeviceInfo* buffer, long capacity): fills device records; returns how many devices there are.</summary>
    DeviceList = 96,
    /// <summary>(long authority, long index): a handle to device `index` (the authority needs the Devices right).</summary>
    DeviceOpen = 97,
    /// <summary>(long device, long region): maps memory region (BAR) `region` into the caller (uncached; the framebuffer write-combining where the CPU has PAT); returns its address.</summary>
    DeviceMap = 98,
    /// <summary>(long device, long offset, long size): reads 1, 2 or 4 bytes of the device's own PCI configuration space.</summary>
    DeviceConfigRead = 99,
    /// <summary>(long device, long offset, long size, long value): writes its configuration space (not the BARs, ROM or interrupt line).</summary>
    DeviceConfigWrite = 100,
    /// <summary>(long device, long enable): turns memory decoding and bus mastering (DMA) on, or bus mastering off.</summary>
    DeviceBusMaster = 101,
    /// <summary>(long device, long bytes, long alignment, long flags, ulong* physical): zeroed, pinned, physically contiguous memory mapped into the caller; returns its address.</summary>
    DeviceDmaAllocate = 102,
    /// <summary>(long device): lets the caller use the device's I/O ports from ring 3 (the TSS I/O permission bitmap).</summary>
    DevicePortsEnable = 103,
    /// <summary>(long device, long port, long size): `in` of one of the device's ports, done by the kernel.</summary>
    DevicePortRead = 104,
    /// <summary>(long device, long port, long size, long value): `out` to one of the device's ports, done by the kernel.</summary>
    DevicePortWrite = 105,
    /// <summary>(long device, long irq): the time-stamp counter at the last entry of interrupt `irq` (for latency figures).</summary>
    DeviceIrqTimestamp = 106,

    // ---- authority and names (112-127) ----

    /// <summary>
    /// (long authority, byte* name, long length): reserves a port name (the authority needs
    /// ReserveNames); returns a reservation handle (Transfer only) that NameRegister of that name
    /// then requires. Exists when the name is reserved already; the reservation ends when its
    /// last handle closes.
    /// </summary>
    NameReserve = 112,

    // ---- streams (128-143): standard I/O, pipes, files as streams ----

    /// <summary>
    /// (long handle, byte* buffer, long capacity): reads from a stream (the console, a pipe's
    /// read end, a file), waiting until at least one byte is there; returns the bytes read,
    /// 0 at the end (every write end of a pipe closed, the end of a file, Ctrl-D at the console).
    /// </summary>
    StreamRead = 128,
    /// <summary>
    /// (long handle, byte* bytes, long count): writes all the bytes to a stream, waiting while a
    /// pipe is full; returns the bytes written. PeerClosed when a pipe has no reader left.
    /// </summary>
    StreamWrite = 129,
    /// <summary>(long* ends): a new pipe; stores its read end's handle in ends[0] and its write end's in ends[1].</summary>
    PipeCreate = 130,
    /// <summary>(byte* path, long length, FileOpenFlags flags): opens a file as a stream; returns its handle (read and/or write rights as the flags say).</summary>
    StreamOpenFile = 131,
    /// <summary>
    /// (long authority): a write-only stream into the console's input, the bytes the shell reads as
    /// if typed on the serial line (the authority needs ConsoleInput, else Denied). For an input driver.
    /// </summary>
    ConsoleInputOpen = 136,

    // ---- block devices for a ring-3 file server (144-151) ----

    /// <summary>
    /// (long authority, byte* mountPoint, long length): a handle to the disk the kernel set aside for
    /// that mount point (boot option <c>fs:/disk=ring3</c>) and did not mount itself; the authority needs
    /// the Devices right (else Denied). NotFound when no disk was set aside there; Busy while another
    /// handle to it is open. Only that disk is reachable through the handle.
    /// </summary>
    BlockOpen = 144,
    /// <summary>(long block, BlockGeometry* geometry): sector size and count of the handle's disk.</summary>
    BlockGeometry = 145,
    /// <summary>(long block, ulong lba, byte* buffer, long sectors): reads sectors into the caller's pages; returns the sectors read.</summary>
    BlockRead = 146,
    /// <summary>(long block, ulong lba, byte* buffer, long sectors): writes sectors from the caller's pages; returns the sectors written.</summary>
    BlockWrite = 147,
    /// <summary>(long block): makes every completed write durable (the disk's write cache drained).</summary>
    BlockFlush = 148,
    /// <summary>
    /// (long block, long port, ulong window, long windowBytes): the calling file server serves the
    /// volume of the block handle's disk: the kernel mounts a forwarding volume at the disk's mount
    /// point (or re-attaches it after a restart) and forwards each file operation as a register call
    /// to the port (FileServer.FileServerProtocol), copying names and data through the window
    /// (FileServerProtocol.WindowBytes of the caller's memory). Busy while another live server serves it.
    /// </summary>
    FileServerAttach = 149,

    // ---- thread synchronisation (152-159) ----

    /// <summary>
    /// (int* address, int expected, long timeoutMs): sleeps while the 4-byte-aligned word holds
    /// `expected`, until FutexWake on it or the time-out (-1 = none). Returns 0 when woken, 1 when the
    /// word held another value (no wait); TimedOut, BadAddress (not the caller's memory), InvalidArgument (misaligned).
    /// </summary>
    FutexWait = 152,
    /// <summary>(int* address, long count): wakes up to `count` threads of the caller's process waiting on the word; returns how many.</summary>
    FutexWake = 153,
    /// <summary>(ulong pointer): the calling thread's FS base from now on (its thread block; crt0 sets it for every thread).</summary>
    SetThreadPointer = 154,

    // ---- the kernel's own measurements (160-167) ----

    /// <summary>
    /// (BootMilestone milestone): notes that the boot reached <c>milestone</c> now (the first call
    /// per milestone counts); at ShellPrompt the kernel logs the boot timeline and its memory footprint
    /// when booted with <c>timeline</c> or <c>bench</c>.
    /// </summary>
    BootMilestoneReached = 160,
    /// <summary>
    /// (long processId): starts the sampling profiler on one process, or on every process and the
    /// kernel when 0; each timer tick (1 ms) records the interrupted instruction. Busy when one runs.
    /// </summary>
    ProfileStart = 161,
    /// <summary>
    /// (byte* text, long capacity, ProfileReportFlags flags): stops the profiler and writes its report
    /// (the most sampled functions by C# name, or function and caller); returns the text's length.
    /// </summary>
    ProfileStop = 162,

    // ---- exceptions (168-171) ----

    /// <summary>
    /// (ulong entry, ulong codeStart, ulong codeEnd): from now on a divide error, or a page fault
    /// below 64 KiB, at a pc in [codeStart, codeEnd) resumes at entry (rdi = 0 for a null
    /// reference, 1 for a divide by zero, rsi = the faulting pc) instead of ending the process.
    /// The runtime registers its exception dispatcher here at start-up.
    /// </summary>
    SetFaultEntry = 168,

    // ---- fault injection (176-183): only with the boot option 'faultinject' ----

    /// <summary>
    /// (long authority, long processId, long kind, ulong seed) → the <see cref="FaultKind"/> injected, or an error.
    /// The authority needs <see cref="HandleRights.FaultInject"/>; kind -1 lets the seed choose it too.
    /// </summary>
    FaultInject = 176,

    // ---- placement of a mounted volume (issue 14) ----

    /// <summary>
    /// (long authority, byte* mountPoint, long length, MountPlacement placement) → a <see cref="FileServer.PlacementOutcome"/>:
    /// init's manifest line <c>fs:PATH=ring3</c>. The kernel writes back and unmounts the volume it serves
    /// there and sets its disk aside for a ring-3 file server (BlockOpen, FileServerAttach), as the boot
    /// option would have. The authority needs the Devices right (else Denied); Busy while a file on the
    /// volume is open; NotFound when no hard disk is mounted there; NotSupported for "/" and for moving a
    /// volume back to the kernel. A boot option naming the path wins (outcome BootOptionDecides, nothing moved).
    /// </summary>
    PlaceVolume = 177,

    // ---- who is calling (issue 17) ----

    /// <summary>
    /// () → the id of the process whose call the calling thread is serving (the call it received last
    /// and has not answered yet), or NotFound. A service can so bound what one process takes of it
    /// (net's sessions per process) with an identity the caller cannot forge.
    /// </summary>
    PortCallerProcess = 181,
}

/// <summary>Error results (negated in RAX).</summary>
public enum SyscallError : long
{
    None = 0,
    /// <summary>The number names no system call.</summary>
    NoSuchCall = 1,
    /// <summary>A pointer argument is not readable/writable user memory.</summary>
    BadAddress = 2,
    InvalidArgument = 3,
    NotFound = 4,
    OutOfMemory = 5,
    /// <summary>The operation is not allowed to this caller.</summary>
    Denied = 6,
    /// <summary>The program file is not a valid executable.</summary>
    BadExecutable = 7,
    /// <summary>The handle is not open in this process.</summary>
    BadHandle = 8,
    /// <summary>The handle lacks the right the operation needs.</summary>
    NoRight = 9,
    /// <summary>
    /// Nobody can receive on the port any more (its last receive handle closed, or its server
    /// died); for a pipe: its read end is closed in every process (a broken pipe).
    /// </summary>
    PeerClosed = 10,
    /// <summary>The port's queue is full and the caller chose not to wait (or not long enough).</summary>
    QueueFull = 11,
    TimedOut = 12,
    /// <summary>The name is already registered.</summary>
    Exists = 13,
    /// <summary>The handle table is full.</summary>
    TooManyHandles = 14,
    /// <summary>A file was expected but the path names a directory.</summary>
    IsDirectory = 15,
    /// <summary>A directory was expected (a path component or the target is a file).</summary>
    NotDirectory = 16,
    /// <summary>The directory still has entries.</summary>
    NotEmpty = 17,
    /// <summary>The volume is full.</summary>
    NoSpace = 18,
    /// <summary>The file system's structures are damaged.</summary>
    Corrupt = 19,
    /// <summary>The device failed or timed out.</summary>
    IoError = 20,
    /// <summary>A name is empty, too long or has characters the file system forbids.</summary>
    InvalidName = 21,
    /// <summary>The file would exceed the file system's largest size.</summary>
    FileTooLarge = 22,
    /// <summary>The target is in use (an open file, a mount point).</summary>
    Busy = 23,
    /// <summary>The device or volume layout is not handled.</summary>
    NotSupported = 24,
    /// <summary>Renaming across mounted volumes.</summary>
    CrossDevice = 25,
    /// <summary>The handle names an object of another kind than the operation works on (a device where a port was expected).</summary>
    WrongKind = 26,
    /// <summary>The process has as many threads as its quota allows.</summary>
    TooManyThreads = 30,
    /// <summary>The system runs as many processes as it allows (ProcessTable.MaxProcesses) or memory holds.</summary>
    TooManyProcesses = 31,
}
