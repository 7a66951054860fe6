using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The file system calls, wrapped for ring-3 C#. Results are the kernel's: a descriptor,
/// a byte count or 0 on success, a negative <see cref="SyscallError"/> on failure
/// (<see cref="ProcessCalls.ErrorText"/> words it). Paths and names travel as UTF-8.
/// </summary>
internal static unsafe class FileCalls
{
    /// <summary>The longest path the kernel accepts.</summary>
    public const int MaxPath = 1024;

    public static long Open(string path, FileOpenFlags flags)
    {
        byte[] bytes = EncodePath(path);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
            return SystemCall.Call(SyscallNumber.FileOpen, (long)text, bytes.Length, (long)flags);
    }

    public static long Read(long fd, byte* buffer, long count) =>
        SystemCall.Call(SyscallNumber.FileRead, fd, (long)buffer, count);

    /// <summary>Reads at <paramref name="position"/> without moving the descriptor's position (pread).</summary>
    public static long ReadAt(long fd, byte* buffer, long count, long position) =>
        SystemCall.Call(SyscallNumber.FileReadAt, fd, (long)buffer, count, position);

    public static long Read(long fd, byte[] buffer, int offset, int count)
    {
        if (!ArrayRange.IsValid(buffer, offset, count))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Read(fd, data + offset, count);
    }

    public static long Write(long fd, byte* buffer, long count) =>
        SystemCall.Call(SyscallNumber.FileWrite, fd, (long)buffer, count);

    public static long Write(long fd, byte[] buffer, int offset, int count)
    {
        if (!ArrayRange.IsValid(buffer, offset, count))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Write(fd, data + offset, count);
    }

    /// <summary>Writes a string as UTF-8 bytes (an unpaired surrogate as U+FFFD).</summary>
    public static long Write(long fd, string text)
    {
        byte[] bytes = new byte[Utf8.GetLenientByteCount(text)];
        Utf8.EncodeLenient(text, bytes);
        return Write(fd, bytes, 0, bytes.Length);
    }

    public static long Seek(long fd, long offset, FileSeekOrigin origin) =>
        SystemCall.Call(SyscallNumber.FileSeek, fd, offset, (long)origin);

    public static long SetLength(long fd, long length) => SystemCall.Call(SyscallNumber.FileSetLength, fd, length);

    public static long Close(long fd) => SystemCall.Call(SyscallNumber.FileClose, fd);

    public static long Stat(string path, out FileStatus status)
    {
        status = default;
        byte[] bytes = EncodePath(path);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
        fixed (FileStatus* record = &status)
            return SystemCall.Call(SyscallNumber.FileStat, (long)text, bytes.Length, (long)record);
    }

    /// <summary>The next entries of a directory opened with <see cref="FileOpenFlags.Directory"/>; 0 at the end.</summary>
    public static long ReadDirectory(long fd, DirectoryEntry[] entries)
    {
        fixed (DirectoryEntry* records = entries)
            return SystemCall.Call(SyscallNumber.DirectoryRead, fd, (long)records, entries.Length);
    }

    public static long CreateDirectory(string path) => PathCall(SyscallNumber.DirectoryCreate, path);

    /// <summary>Deletes a file or an empty directory.</summary>
    public static long Unlink(string path) => PathCall(SyscallNumber.Unlink, path);

    public static long ChangeDirectory(string path) => PathCall(SyscallNumber.ChangeDirectory, path);

    public static long Rename(string oldPath, string newPath)
    {
        byte[] oldBytes = EncodePath(oldPath);
        byte[] newBytes = EncodePath(newPath);
        if (oldBytes == null || newBytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* oldText = oldBytes)
        fixed (byte* newText = newBytes)
            return SystemCall.Call(SyscallNumber.Rename, (long)oldText, oldBytes.Length, (long)newText, newBytes.Length);
    }

    /// <summary>
    /// The whole file at <paramref name="path"/> when it holds 1 to <paramref name="maxBytes"/> bytes;
    /// otherwise null, and <paramref name="problem"/> says why in words.
    /// </summary>
    public static byte[] ReadAll(string path, long maxBytes, out string problem)
    {
        long found = Stat(path, out FileStatus status);
        if (found < 0)
        {
            problem = ProcessCalls.ErrorText(found);
            return null;
        }
        if (status.Size <= 0 || status.Size > maxBytes)
        {
            problem = "size " + status.Size.ToString() + " out of range";
            return null;
        }
        long fd = Open(path, FileOpenFlags.Read);
        if (fd < 0)
        {
            problem = ProcessCalls.ErrorText(fd);
            return null;
        }
        var bytes = new byte[status.Size];
        int done = 0;
        while (done < bytes.Length)
        {
            long read = Read(fd, bytes, done, bytes.Length - done);
            if (read <= 0)
                break;
            done += (int)read;
        }
        Close(fd);
        problem = done == bytes.Length ? null : "short read";
        return problem == null ? bytes : null;
    }

    public static long Sync() => SystemCall.Call(SyscallNumber.Sync);

    /// <summary>The working directory, or null if the call failed.</summary>
    public static string GetWorkingDirectory()
    {
        byte* bytes = stackalloc byte[MaxPath];
        long length = SystemCall.Call(SyscallNumber.GetWorkingDirectory, (long)bytes, MaxPath);
        return length < 0 ? null : Decode(bytes, (int)length);
    }

    /// <summary>Fills <paramref name="mounts"/>; returns how many mounts there are (may exceed the array).</summary>
    public static long ListMounts(MountInfo[] mounts)
    {
        fixed (MountInfo* records = mounts)
            return SystemCall.Call(SyscallNumber.ListMounts, (long)records, mounts.Length);
    }

    public static string NameOf(in DirectoryEntry entry)
    {
        fixed (byte* name = entry.Name)
            return Decode(name, (int)entry.NameLength);
    }

    /// <summary>A fixed-size, zero-terminated UTF-8 field as a string.</summary>
    public static string Decode(byte* bytes, int capacity)
    {
        int length = 0;
        while (length < capacity && bytes[length] != 0)
            length++;
        return Utf8.GetStringLenient(new ReadOnlySpan<byte>(bytes, length));
    }

    private static long PathCall(SyscallNumber number, string path)
    {
        byte[] bytes = EncodePath(path);
        if (bytes == null)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* text = bytes)
            return SystemCall.Call(number, (long)text, bytes.Length);
    }

    // A path's UTF-8 bytes; null when it is empty, too long or not well-formed UTF-16.
    internal static byte[] EncodePath(string path)
    {
        if (string.IsNullOrEmpty(path))
            return null;
        byte[] bytes = Utf8.GetBytes(path);
        return bytes != null && bytes.Length <= MaxPath ? bytes : null;
    }
}
