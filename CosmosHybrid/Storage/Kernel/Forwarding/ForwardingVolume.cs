using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>
/// A volume served by a ring-3 file server: every node operation is forwarded over the
/// server's port (<see cref="ForwardingNode"/>). The mount outlives its server: when `fs`
/// dies and init restarts it, the new one attaches here again; nodes from before (open files,
/// a working directory's node) then give I/O errors, while new lookups from the root reach
/// the new server.
/// </summary>
internal sealed class ForwardingVolume : IVfsVolume
{
    private FileServerConnection _connection;

    public ForwardingVolume(string typeName, FileServerConnection connection)
    {
        TypeName = typeName;
        _connection = connection;
        Root = new ForwardingNode(this, 0, FileServerProtocol.RootNode, "", isDirectory: true, isRoot: true);
    }

    public string TypeName { get; }

    public IVfsNode Root { get; }

    /// <summary>Counts the servers attached so far: nodes of an earlier one are stale.</summary>
    public int Generation { get; private set; }

    public FileServerConnection Connection => _connection;

    /// <summary>What `df` and `mounts` say: served in ring 3, and whether a server answers now.</summary>
    public MountPlacement Placement => _connection.IsUp ? MountPlacement.RingThree : MountPlacement.RingThreeDown;

    /// <summary>A new server takes over (after the old one died); nodes of the old one become stale.</summary>
    public void Attach(FileServerConnection connection)
    {
        _connection = connection;
        References = new ServerNodeReferences(ServerNodeReferences.KernelIdleCapacity);
        Generation++;
    }

    /// <summary>Which ids of the current server kernel nodes refer to (used inside a turn).</summary>
    public ServerNodeReferences References { get; private set; } = new ServerNodeReferences(ServerNodeReferences.KernelIdleCapacity);

    /// <summary>
    /// Takes the volume for one node operation (its calls and window copies), for a <c>using</c>
    /// scope. Callers take turns in arrival order (a busy client cannot starve the others); the
    /// file-system lock is let go while a caller waits for its turn, and during each call
    /// (<see cref="FileServerConnection.Call"/>), so other volumes go on. A caller is not killed
    /// between taking its turn and ending it (the turns after it would wait for ever).
    /// </summary>
    public VolumeTurn Exclusive()
    {
        ulong ticket = TakeTicket();
        if (!IsTurn(ticket))
            WaitForTurn(ticket);
        return new VolumeTurn(this);
    }

    /// <summary>The caller's place in the queue of operations (kills deferred until <see cref="EndTurn"/>).</summary>
    public ulong TakeTicket()
    {
        Scheduler.DeferKills();
        using (InterruptsOff.Enter())
            return _nextTicket++;
    }

    /// <summary>True when no operation before <paramref name="ticket"/> is still going on.</summary>
    public bool IsTurn(ulong ticket)
    {
        using (InterruptsOff.Enter())
            return _nowServing == ticket;
    }

    /// <summary>Waits for the turn of <paramref name="ticket"/>, with the file-system lock let go meanwhile (the tree may change).</summary>
    public void WaitForTurn(ulong ticket)
    {
        KernelFileSystem.ReleaseForWait();
        while (!IsTurn(ticket))
            Scheduler.Sleep(TurnPollMilliseconds);
        KernelFileSystem.ReacquireAfterWait();
    }

    /// <summary>Ends the current operation's turn: the next ticket's holder goes on.</summary>
    public void EndTurn()
    {
        using (InterruptsOff.Enter())
            _nowServing++;
        Scheduler.AllowKills();
    }

    private const ulong TurnPollMilliseconds = 1;
    private ulong _nextTicket;
    private ulong _nowServing;

    /// <summary>
    /// Two kernel pages that stand in for a lent buffer's partial first and last page (see
    /// <see cref="FileServerConnection.CallLending"/>), used inside a turn; zeroed when first
    /// taken, and kept as long as the volume (one pair whatever server attaches); null when out of memory.
    /// </summary>
    public unsafe byte* BouncePages
    {
        get
        {
            if (_bouncePages == null)
            {
                _bouncePages = (byte*)KernelPages.Allocate(2);
                if (_bouncePages != null)
                    new System.Span<byte>(_bouncePages, 2 * (int)BufferPages.PageSize).Clear(); // never a kernel page's old contents
            }
            return _bouncePages;
        }
    }

    private unsafe byte* _bouncePages;

    /// <summary>The file names and data move through one kernel buffer of the window's size, used under the file-system lock.</summary>
    public byte[] Transfer { get; } = new byte[FileServerProtocol.WindowBytes];

    public StorageError GetStatistics(out VfsVolumeStatistics statistics)
    {
        statistics = default;
        using VolumeTurn turn = Exclusive();
        StorageError error = _connection.Call(FileServerOperation.Statistics, FileServerProtocol.RootNode, 0, 0, 0, out ShortMessage reply);
        if (error != StorageError.Ok)
            return error;
        if (reply.Word1 > reply.Word0 || reply.Word2 == 0 || reply.Word2 > 1024 * 1024 || reply.Word3 > (ulong)StorageError.CrossDevice)
            return StorageError.IoError;
        statistics = new VfsVolumeStatistics(reply.Word0, reply.Word1, (int)reply.Word2);
        return (StorageError)reply.Word3;
    }

    public StorageError Flush()
    {
        using VolumeTurn turn = Exclusive();
        return _connection.Call(FileServerOperation.Sync, FileServerProtocol.RootNode, 0, 0, 0, out _);
    }
}
