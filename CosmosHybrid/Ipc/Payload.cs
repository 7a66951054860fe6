namespace CosmosHybrid.Ipc;

/// <summary>
/// Message bytes: either buffered in the kernel (an asynchronous send, whose sender goes
/// on), or still in the memory of a thread that waits until they are copied (a call, a
/// reply), copied once, straight into the receiver, by <see cref="IIpcSeam.CopyBytes"/>.
/// </summary>
internal struct Payload
{
    public byte[] Buffered;
    public IpcWaiter Owner;
    public ulong Address;
    public ulong Length;

    public static Payload InKernel(byte[] bytes) => new Payload { Buffered = bytes, Length = bytes == null ? 0 : (ulong)bytes.Length };

    public static Payload InMemoryOf(IpcWaiter owner, ulong address, ulong length) =>
        new Payload { Owner = owner, Address = address, Length = length };
}
