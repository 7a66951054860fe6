using System;
using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>
/// A kernel object a handle reads bytes from and/or writes bytes to (StreamRead,
/// StreamWrite): the console, either end of a pipe, an open file. The system calls copy
/// user memory in chunks through the kernel stack and hand each chunk over here; a read
/// waits until there is something (or the end), a write until everything is taken.
/// </summary>
internal abstract class StreamObject : KernelObject
{
    /// <summary>
    /// Takes up to <c>destination.Length</c> bytes. With <paramref name="wait"/>, waits until
    /// there is at least one or the stream has ended (then <paramref name="count"/> is 0);
    /// without, returns what is there now (maybe nothing).
    /// </summary>
    public virtual SyscallError Read(Span<byte> destination, bool wait, out int count)
    {
        count = 0;
        return SyscallError.NoRight;
    }

    /// <summary>Puts all of <paramref name="source"/> into the stream, waiting for room; <paramref name="written"/> says how much went in before an error.</summary>
    public virtual SyscallError Write(ReadOnlySpan<byte> source, out int written)
    {
        written = 0;
        return SyscallError.NoRight;
    }

    /// <summary>Before the first chunk of one StreamWrite (an endpoint shared by many writers keeps them out until <see cref="EndWrite"/>).</summary>
    public virtual void BeginWrite()
    {
    }

    /// <summary>After the last chunk of one StreamWrite.</summary>
    public virtual void EndWrite()
    {
    }
}
