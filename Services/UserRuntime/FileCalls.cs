using CosmosHybrid.Abi;

namespace CosmosHybrid.UserRuntime;

/// <summary>
/// The file system calls, wrapped for ring-3 C#. Results are the kernel's: a descriptor,
/// a byte count or 0 on success, a negative <see cref="SyscallError"/> on failure
/// (<see cref="ProcessCalls.ErrorText"/> words it). Paths travel as Latin-1 bytes.
/// </summary>
internal static unsafe class FileCalls
{
    /// <summary>The longest path the kernel accepts.</summary>
    public const int MaxPath = 1024;

    public static long Open(string path, FileOpenFlags flags)
    {
        if (!FitsPath(path))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        byte* bytes = stackalloc byte[path.Length];
        Encode(path, bytes);
        return SystemCall.Call(SyscallNumber.FileOpen, (long)bytes, path.Length, (long)flags);
    }

    public static long Read(long fd, byte* buffer, long count) =>
        SystemCall.Call(SyscallNumber.FileRead, fd, (long)buffer, count);

    /// <summary>Reads at <paramref name="position"/> without moving the descriptor's position (pread).</summary>
    public static long ReadAt(long fd, byte* buffer, long count, long position) =>
        SystemCall.Call(SyscallNumber.FileReadAt, fd, (long)buffer, count, position);

    public static long Read(long fd, byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Read(fd, data + offset, count);
    }

    public static long Write(long fd, byte* buffer, long count) =>
        SystemCall.Call(SyscallNumber.FileWrite, fd, (long)buffer, count);

    public static long Write(long fd, byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
            return SyscallResult.Error(SyscallError.InvalidArgument);
        fixed (byte* data = buffer)
            return Write(fd, data + offset, count);
    }

    /// <summary>Writes a string as Latin-1 bytes.</summary>
    public static long Write(long fd, string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = text[i] < 256 ? (byte)text[i] : (byte)'?';
        return Write(fd, bytes, 0, bytes.Length);
    }

    public static long Seek(long fd, long offset, FileSeekOrigin origin) =>
        SystemCall.Call(SyscallNumber.FileSeek, fd, offset, (long)origin);

    public static long SetLength(long fd, long length) => SystemCall.Call(SyscallNumber.FileSetLength, fd, length);

    public static long Close(long fd) => SystemCall.Call(SyscallNumber.FileClose, fd);

    public static long Stat(string path, out FileStatus status)
    {
        status = default;
        if (!FitsPath(path))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        byte* bytes = stackalloc byte[path.Length];
        Encode(path, bytes);
        fixed (FileStatus* record = &status)
            return SystemCall.Call(SyscallNumber.FileStat, (long)bytes, path.Length, (long)record);
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
        if (!FitsPath(oldPath) || !FitsPath(newPath))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        byte* oldBytes = stackalloc byte[oldPath.Length];
        byte* newBytes = stackalloc byte[newPath.Length];
        Encode(oldPath, oldBytes);
        Encode(newPath, newBytes);
        return SystemCall.Call(SyscallNumber.Rename, (long)oldBytes, oldPath.Length, (long)newBytes, newPath.Length);
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

    /// <summary>A fixed-size, zero-terminated Latin-1 field as a string.</summary>
    public static string Decode(byte* bytes, int capacity)
    {
        int length = 0;
        while (length < capacity && bytes[length] != 0)
            length++;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)bytes[i];
        return new string(chars);
    }

    private static long PathCall(SyscallNumber number, string path)
    {
        if (!FitsPath(path))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        byte* bytes = stackalloc byte[path.Length];
        Encode(path, bytes);
        return SystemCall.Call(number, (long)bytes, path.Length);
    }

    private static bool FitsPath(string path) => path != null && path.Length > 0 && path.Length <= MaxPath;

    private static void Encode(string text, byte* bytes)
    {
        for (int i = 0; i < text.Length; i++)
            bytes[i] = text[i] < 256 ? (byte)text[i] : (byte)'?';
    }
}
