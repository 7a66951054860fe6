using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CosmosHybrid.HarnessTests.Net.HostRuntime;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The file calls httpd makes, on the host: read-only, below the program's <see cref="HostProgram.Root"/>.
/// Results follow the system calls' convention (a descriptor or count, or a negative error).
/// </summary>
internal static unsafe class FileCalls
{
    private sealed class OpenFile
    {
        public FileStream File;
        public string[] Entries;
        public int Next;
    }

    private static readonly Dictionary<long, OpenFile> s_open = new Dictionary<long, OpenFile>();
    private static long s_next = 100;

    private static long NotFound => SyscallResult.Error(SyscallError.NotFound);

    public static long Open(string path, FileOpenFlags flags)
    {
        string host = HostProgram.Current.HostPath(path);
        if (host == null || (flags & ~(FileOpenFlags.Read | FileOpenFlags.Directory)) != 0)
            return NotFound;
        var open = new OpenFile();
        if ((flags & FileOpenFlags.Directory) != 0)
        {
            if (!Directory.Exists(host))
                return NotFound;
            open.Entries = Directory.GetFileSystemEntries(host);
        }
        else
        {
            if (!File.Exists(host))
                return NotFound;
            open.File = new FileStream(host, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        lock (s_open)
        {
            s_open[++s_next] = open;
            return s_next;
        }
    }

    private static OpenFile Find(long fd)
    {
        lock (s_open)
            return s_open.TryGetValue(fd, out OpenFile open) ? open : null;
    }

    public static long ReadAt(long fd, byte* buffer, long count, long position)
    {
        FileStream file = Find(fd)?.File;
        if (file == null)
            return SyscallResult.Error(SyscallError.BadHandle);
        return RandomAccess.Read(file.SafeFileHandle, new Span<byte>(buffer, (int)count), position);
    }

    public static long Close(long fd)
    {
        OpenFile open;
        lock (s_open)
        {
            if (!s_open.Remove(fd, out open))
                return SyscallResult.Error(SyscallError.BadHandle);
        }
        open.File?.Dispose();
        return 0;
    }

    public static long Stat(string path, out FileStatus status)
    {
        status = default;
        string host = HostProgram.Current.HostPath(path);
        if (host != null && Directory.Exists(host))
        {
            status.Type = FileType.Directory;
            return 0;
        }
        if (host == null || !File.Exists(host))
            return NotFound;
        status.Type = FileType.File;
        status.Size = new FileInfo(host).Length;
        return 0;
    }

    public static long ReadDirectory(long fd, DirectoryEntry[] entries)
    {
        OpenFile open = Find(fd);
        if (open?.Entries == null)
            return SyscallResult.Error(SyscallError.BadHandle);
        int count = 0;
        while (count < entries.Length && open.Next < open.Entries.Length)
        {
            string entry = open.Entries[open.Next++];
            bool directory = Directory.Exists(entry);
            entries[count] = default;
            entries[count].Type = directory ? FileType.Directory : FileType.File;
            entries[count].Size = directory ? 0 : new FileInfo(entry).Length;
            byte[] name = Encoding.UTF8.GetBytes(Path.GetFileName(entry));
            fixed (byte* field = entries[count].Name)
                name.AsSpan().CopyTo(new Span<byte>(field, DirectoryEntry.NameCapacity));
            entries[count].NameLength = name.Length;
            count++;
        }
        return count;
    }

    public static string NameOf(in DirectoryEntry entry)
    {
        fixed (byte* name = entry.Name)
            return Encoding.UTF8.GetString(name, (int)entry.NameLength);
    }
}
