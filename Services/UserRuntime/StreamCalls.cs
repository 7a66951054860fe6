using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The stream system calls, wrapped for ring-3 C#: reading and writing a stream handle
/// (standard input, output and error, a pipe end, a file opened as a stream), making pipes,
/// closing and duplicating handles. Results are the kernel's: a count or a handle, or a
/// negative <see cref="SyscallError"/> (<see cref="ProcessCalls.ErrorText"/> words it).
/// </summary>
internal static unsafe class StreamCalls
{
    /// <summary>Waits for bytes; returns how many were read, 0 at the end of the stream.</summary>
    public static long Read(long handle, byte* buffer, long capacity) =>
        SystemCall.Call(SyscallNumber.StreamRead, handle, (long)buffer, capacity);

    public static long Read(long handle, byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Read(handle, data + offset, count);
    }

    /// <summary>Writes all the bytes (waiting while a pipe is full); PeerClosed when a pipe has no reader.</summary>
    public static long Write(long handle, byte* bytes, long count) =>
        SystemCall.Call(SyscallNumber.StreamWrite, handle, (long)bytes, count);

    public static long Write(long handle, byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Write(handle, data + offset, count);
    }

    /// <summary>A new pipe: 0 with its two ends' handles, or a negative error.</summary>
    public static long CreatePipe(out long readEnd, out long writeEnd)
    {
        long* ends = stackalloc long[2];
        long result = SystemCall.Call(SyscallNumber.PipeCreate, (long)ends);
        readEnd = result < 0 ? 0 : ends[0];
        writeEnd = result < 0 ? 0 : ends[1];
        return result;
    }

    /// <summary>Opens <paramref name="path"/> as a stream (for redirection); returns its handle.</summary>
    public static long OpenFile(string path, FileOpenFlags flags)
    {
        byte[] bytes = FileCalls.EncodePath(path);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
            return SystemCall.Call(SyscallNumber.StreamOpenFile, (long)text, bytes.Length, (long)flags);
    }

    /// <summary>A write-only stream into the console's input (the <paramref name="authority"/> needs ConsoleInput): what an input driver types.</summary>
    public static long OpenConsoleInput(long authority) => SystemCall.Call(SyscallNumber.ConsoleInputOpen, authority);

    /// <summary>Closes a handle of any kind.</summary>
    public static long Close(long handle) => SystemCall.Call(SyscallNumber.HandleClose, handle);

    /// <summary>A second handle to the same object with at most <paramref name="rights"/>.</summary>
    public static long Duplicate(long handle, HandleRights rights) =>
        SystemCall.Call(SyscallNumber.HandleDuplicate, handle, (long)rights);
}
