namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A caller's buffer named where it lives rather than copied: <see cref="Length"/> bytes at
/// <see cref="Address"/> of the memory <see cref="Space"/> (a process's address space, opaque
/// here). A node that can reach such memory itself (<see cref="IVfsCallerBufferNode"/>) moves
/// file data straight to and from it; the caller keeps the memory in place meanwhile.
/// </summary>
public readonly struct VfsCallerBuffer
{
    public VfsCallerBuffer(object space, ulong address, int length)
    {
        Space = space;
        Address = address;
        Length = length;
    }

    public object Space { get; }

    public ulong Address { get; }

    public int Length { get; }
}
