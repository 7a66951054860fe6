using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Processes;

/// <summary>
/// The handles a new process starts with, resolved from its spawner's table before the
/// child exists (so a bad entry fails the spawn, and nothing is half made): entry i
/// becomes the child's handle i + 1 (<see cref="StartupHandles"/>).
/// </summary>
internal sealed class StartupHandleList
{
    private readonly KernelObject[] _objects;
    private readonly HandleRights[] _rights;

    /// <summary>An empty list of <paramref name="count"/> slots, for the kernel to fill (<see cref="Set"/>).</summary>
    public StartupHandleList(int count)
    {
        _objects = new KernelObject[count];
        _rights = new HandleRights[count];
    }

    public int Count => _objects.Length;

    /// <summary>What the child's handle <paramref name="handle"/> will be: for handles the kernel itself gives.</summary>
    public void Set(long handle, KernelObject target, HandleRights rights)
    {
        _objects[handle - 1] = target;
        _rights[handle - 1] = rights;
    }

    /// <summary>
    /// The spawner's entries: each a handle it holds with the Transfer right (or 0 for an
    /// empty slot), copied with at most the rights asked for. Call with the handle lock held.
    /// </summary>
    public static SyscallError Resolve(HandleTable spawner, SpawnHandle[] entries, out StartupHandleList list)
    {
        list = new StartupHandleList(entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Handle == 0)
                continue;
            SyscallError error = spawner.Lookup(entries[i].Handle, HandleRights.Transfer, out KernelObject target, out HandleRights held);
            if (error != SyscallError.None)
            {
                list = null;
                return error;
            }
            list._objects[i] = target;
            list._rights[i] = held & entries[i].Rights;
        }
        return SyscallError.None;
    }

    /// <summary>
    /// What a child gets when its spawner names nothing: copies of the spawner's standard
    /// input, output and error, with the same rights (inherited, as across a fork).
    /// </summary>
    public static StartupHandleList InheritStandardIo(HandleTable spawner)
    {
        var list = new StartupHandleList((int)StartupHandles.StandardError);
        for (int i = 0; i < list.Count; i++)
        {
            if (spawner.Lookup(i + 1, HandleRights.None, out KernelObject target, out HandleRights held) == SyscallError.None)
            {
                list._objects[i] = target;
                list._rights[i] = held;
            }
        }
        return list;
    }

    /// <summary>Puts the handles into the new process's table. Call with the handle lock held.</summary>
    public void InstallInto(HandleTable child)
    {
        for (int i = 0; i < _objects.Length; i++)
        {
            if (_objects[i] != null)
                child.Install(i + 1, _objects[i], _rights[i]);
        }
    }
}
