using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Handles;

/// <summary>
/// Anything a handle can name: a message port, a device, an authority, a pipe end. The
/// object counts the handles that name it; what "the last handle closed" means is the
/// object's business (a port is closed by the port engine, a device goes back to nobody).
/// </summary>
internal abstract class KernelObject
{
    /// <summary>Open handles, in any process, that name the object.</summary>
    public int References { get; set; }

    /// <summary>A handle with <paramref name="rights"/> now names the object.</summary>
    public virtual void OnHandleOpened(HandleRights rights)
    {
    }

    /// <summary>A handle with <paramref name="rights"/> no longer names the object (closed, or moved into a message).</summary>
    public virtual void OnHandleRemoved(HandleRights rights)
    {
    }

    /// <summary>
    /// A handle with <paramref name="rights"/> was closed for good (not moved): the object
    /// may let go of what it holds when it was the last (<see cref="References"/> is 0).
    /// </summary>
    public virtual void OnHandleClosed(HandleRights rights)
    {
    }
}
