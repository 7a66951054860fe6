namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>
/// The memory a generator may point the kernel at: a scratch area the generator writes its
/// structures (paths, messages, spawn requests) into and the kernel may write anywhere in,
/// followed by a page that is never mapped (the kernel's MapMemory leaves one after every
/// reservation), plus addresses of the caller's own code and stack for a child's wilder calls.
/// </summary>
public struct FuzzLayout
{
    public ulong Scratch;
    public int ScratchBytes;
    public ulong CodeAddress;
    public ulong StackAddress;
    public long SelfProcessId;
}
