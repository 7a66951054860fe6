using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The file system calls from ring 3: <c>files DIR</c> (every call, its errors, and bad
/// pointers for each pointer argument), <c>fill FILE</c> (write until the volume is full),
/// <c>churn FILE</c> (file traffic until killed) and <c>leave-open FILE</c> (exit with the file open).
/// </summary>
internal static unsafe class FileScenarios
{
    private const long KernelAddress = unchecked((long)0xFFFF_FFFF_8010_0000);
    private const long UnmappedAddress = 0x0000_5000_0000_0000;
    private const long CodeAddress = 0x400000;
    private const int DataLength = 10000;

    private static int s_checks;
    private static int s_failures;

    public static int Files(string directory)
    {
        string dir = directory.Length == 0 ? "/" : directory;
        string prefix = dir.EndsWith("/") ? dir : dir + "/";
        string file = prefix + "usertest-files.txt";
        string subdirectory = prefix + "usertest-dir";
        byte[] data = Pattern(DataLength);

        // Create and write; a write-only handle cannot read.
        long fd = FileCalls.Open(file, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        Check("open for writing", fd >= 0, fd);
        Check("write", FileCalls.Write(fd, data, 0, data.Length) == DataLength, 0);
        Expect("read from a write-only descriptor", FileCalls.Read(fd, new byte[4], 0, 4), SyscallError.Denied);
        Check("close", FileCalls.Close(fd) == 0, 0);
        Expect("close twice", FileCalls.Close(fd), SyscallError.BadHandle);

        // Read it back, whole and from the end.
        fd = FileCalls.Open(file, FileOpenFlags.Read);
        byte[] back = new byte[DataLength + 100];
        Check("read back", FileCalls.Read(fd, back, 0, back.Length) == DataLength && Same(data, back, DataLength), 0);
        Check("read at the end", FileCalls.Read(fd, back, 0, 10) == 0, 0);
        Check("seek from the end", FileCalls.Seek(fd, -100, FileSeekOrigin.End) == DataLength - 100, 0);
        Check("read the tail", FileCalls.Read(fd, back, 0, 200) == 100 && back[0] == data[DataLength - 100], 0);
        Expect("seek before the start", FileCalls.Seek(fd, -1, FileSeekOrigin.Begin), SyscallError.InvalidArgument);
        Expect("write to a read-only descriptor", FileCalls.Write(fd, data, 0, 1), SyscallError.Denied);
        Check("stat", FileCalls.Stat(file, out FileStatus status) == 0 && status.Size == DataLength && status.Type == FileType.File, 0);
        Expect("delete an open file", FileCalls.Unlink(file), SyscallError.Busy);

        BadPointers(fd, file);
        FileCalls.Close(fd);

        // Directories, the working directory, rename and delete.
        Check("mkdir", FileCalls.CreateDirectory(subdirectory) == 0, 0);
        Expect("mkdir again", FileCalls.CreateDirectory(subdirectory), SyscallError.Exists);
        Check("cd", FileCalls.ChangeDirectory(subdirectory + "/./") == 0, 0);
        Check("pwd", FileCalls.GetWorkingDirectory() == Canonical(subdirectory), 0);
        long relative = FileCalls.Open("../usertest-files.txt", FileOpenFlags.Read);
        Check("open relative to the working directory", relative >= 0, relative);
        FileCalls.Close(relative);
        Expect("cd into a file", FileCalls.ChangeDirectory(file), SyscallError.NotDirectory);
        Check("cd back", FileCalls.ChangeDirectory("/") == 0 && FileCalls.GetWorkingDirectory() == "/", 0);
        Check("rename into the directory", FileCalls.Rename(file, subdirectory + "/Moved File.txt") == 0, 0);
        Expect("stat the old name", FileCalls.Stat(file, out _), SyscallError.NotFound);
        Check("stat the new name", FileCalls.Stat(subdirectory + "/moved file.txt", out status) == 0 && status.Size == DataLength, 0);
        Check("list the directory", Lists(subdirectory, "Moved File.txt"), 0);
        Expect("open a directory as a file", FileCalls.Open(subdirectory, FileOpenFlags.Read), SyscallError.IsDirectory);
        Expect("list a file", FileCalls.Open(subdirectory + "/Moved File.txt", FileOpenFlags.Directory), SyscallError.NotDirectory);
        Expect("delete a non-empty directory", FileCalls.Unlink(subdirectory), SyscallError.NotEmpty);
        Expect("open with no access", FileCalls.Open(subdirectory + "/x", FileOpenFlags.Create), SyscallError.InvalidArgument);
        Expect("open a missing file", FileCalls.Open(subdirectory + "/missing", FileOpenFlags.Read), SyscallError.NotFound);
        Expect("a name FAT forbids", FileCalls.Open(subdirectory + "/a*b", FileOpenFlags.Write | FileOpenFlags.Create), SyscallError.InvalidName);
        TooManyOpenFiles(subdirectory + "/Moved File.txt");
        Check("delete the file", FileCalls.Unlink(subdirectory + "/Moved File.txt") == 0, 0);
        Check("delete the directory", FileCalls.Unlink(subdirectory) == 0, 0);
        Expect("delete it again", FileCalls.Unlink(subdirectory), SyscallError.NotFound);
        Check("sync", FileCalls.Sync() == 0, 0);

        Console.WriteLine("files: " + (s_checks - s_failures).ToString() + " of " + s_checks.ToString() + " checks passed in " + dir);
        return s_failures == 0 ? 0 : 1;
    }

    // Every pointer argument of the file calls, given kernel, unmapped or read-only memory.
    // Ill-formed UTF-8 in a path is refused, never turned into '?' or into another file's name.
    private static void InvalidUtf8Paths()
    {
        byte[][] paths =
        {
            new byte[] { (byte)'/', 0xC3 },                     // truncated sequence
            new byte[] { (byte)'/', 0xC0, 0xAF },               // overlong '/'
            new byte[] { (byte)'/', 0xED, 0xA0, 0x80 },         // encoded surrogate
            new byte[] { (byte)'/', 0xF4, 0x90, 0x80, 0x80 },   // above U+10FFFF
            new byte[] { (byte)'/', 0xF8, 0x88, 0x80, 0x80, 0x80 }, // 5-byte form
        };
        foreach (byte[] path in paths)
        {
            fixed (byte* bytes = path)
            {
                Expect("create with ill-formed UTF-8", SystemCall.Call(SyscallNumber.FileOpen, (long)bytes, path.Length, (long)(FileOpenFlags.Write | FileOpenFlags.Create)), SyscallError.InvalidArgument);
                Expect("mkdir with ill-formed UTF-8", SystemCall.Call(SyscallNumber.DirectoryCreate, (long)bytes, path.Length), SyscallError.InvalidArgument);
            }
        }
    }

    private static void BadPointers(long fd, string file)
    {
        Expect("open a path at a kernel address", SystemCall.Call(SyscallNumber.FileOpen, KernelAddress, 8, (long)FileOpenFlags.Read), SyscallError.BadAddress);
        Expect("open a path in unmapped memory", SystemCall.Call(SyscallNumber.FileOpen, UnmappedAddress, 8, (long)FileOpenFlags.Read), SyscallError.BadAddress);
        Expect("open an empty path", SystemCall.Call(SyscallNumber.FileOpen, CodeAddress, 0, (long)FileOpenFlags.Read), SyscallError.InvalidArgument);
        Expect("open an overlong path", SystemCall.Call(SyscallNumber.FileOpen, CodeAddress, 5000, (long)FileOpenFlags.Read), SyscallError.InvalidArgument);
        Expect("open with unknown flags", FileCalls.Open(file, (FileOpenFlags)0x1000), SyscallError.InvalidArgument);
        InvalidUtf8Paths();
        FileCalls.Seek(fd, 0, FileSeekOrigin.Begin);
        Expect("read into a kernel address", FileCalls.Read(fd, (byte*)KernelAddress, 16), SyscallError.BadAddress);
        Expect("read into unmapped memory", FileCalls.Read(fd, (byte*)UnmappedAddress, 16), SyscallError.BadAddress);
        Expect("read into read-only code", FileCalls.Read(fd, (byte*)CodeAddress, 16), SyscallError.BadAddress);
        Check("failed reads leave the position alone", FileCalls.Seek(fd, 0, FileSeekOrigin.Current) == 0, 0);
        Expect("read with a negative count", FileCalls.Read(fd, (byte*)CodeAddress, -1), SyscallError.InvalidArgument);
        Expect("read from a bad descriptor", FileCalls.Read(99, (byte*)CodeAddress, 1), SyscallError.BadHandle);
        Expect("read from a negative descriptor", FileCalls.Read(-1, (byte*)CodeAddress, 1), SyscallError.BadHandle);
        Expect("seek with a bad origin", FileCalls.Seek(fd, 0, (FileSeekOrigin)7), SyscallError.InvalidArgument);
        Expect("stat into a kernel address", SystemCall.Call(SyscallNumber.FileStat, (long)Bytes(file), file.Length, KernelAddress), SyscallError.BadAddress);
        long directory = FileCalls.Open("/", FileOpenFlags.Directory);
        Expect("list into a kernel address", SystemCall.Call(SyscallNumber.DirectoryRead, directory, KernelAddress, 4), SyscallError.BadAddress);
        Expect("list with no room", SystemCall.Call(SyscallNumber.DirectoryRead, directory, CodeAddress, 0), SyscallError.InvalidArgument);
        FileCalls.Close(directory);
        Expect("rename to a path in unmapped memory", SystemCall.Call(SyscallNumber.Rename, (long)Bytes(file), file.Length, UnmappedAddress, 4), SyscallError.BadAddress);
        Expect("working directory into a kernel address", SystemCall.Call(SyscallNumber.GetWorkingDirectory, KernelAddress, 100), SyscallError.BadAddress);
        Expect("mount list into a kernel address", SystemCall.Call(SyscallNumber.ListMounts, KernelAddress, 4), SyscallError.BadAddress);
        Expect("mkdir with a path in unmapped memory", SystemCall.Call(SyscallNumber.DirectoryCreate, UnmappedAddress, 4), SyscallError.BadAddress);

        long writer = FileCalls.Open(file, FileOpenFlags.Write);
        Expect("write from a kernel address", FileCalls.Write(writer, (byte*)KernelAddress, 16), SyscallError.BadAddress);
        Expect("write from unmapped memory", FileCalls.Write(writer, (byte*)UnmappedAddress, 16), SyscallError.BadAddress);
        FileCalls.Close(writer);

        // None of that changed the file.
        byte[] back = new byte[DataLength];
        FileCalls.Seek(fd, 0, FileSeekOrigin.Begin);
        Check("the file is unchanged", FileCalls.Read(fd, back, 0, back.Length) == DataLength && Same(Pattern(DataLength), back, DataLength), 0);
    }

    private static void TooManyOpenFiles(string file)
    {
        long[] descriptors = new long[40];
        int opened = 0;
        long result = 0;
        while (opened < descriptors.Length)
        {
            result = FileCalls.Open(file, FileOpenFlags.Read);
            if (result < 0)
                break;
            descriptors[opened++] = result;
        }
        Check("a full descriptor table says so", opened == 32 && result == SyscallResult.Error(SyscallError.TooManyHandles), result);
        for (int i = 0; i < opened; i++)
            FileCalls.Close(descriptors[i]);
    }

    /// <summary>
    /// Writes until the volume is full to the last byte (64 KiB writes, then 4 KiB, 512 and 1
    /// byte ones: a write that does not fit writes nothing); prints how far it got.
    /// </summary>
    public static int Fill(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
        {
            Console.WriteLine("fill: " + path + ": " + ProcessCalls.ErrorText(fd));
            return 1;
        }
        byte[] chunk = Pattern(64 * 1024);
        long total = 0;
        long result = 0;
        for (int size = chunk.Length; size >= 1; size = size > 4096 ? 4096 : size > 512 ? 512 : size > 1 ? 1 : 0)
        {
            while ((result = FileCalls.Write(fd, chunk, 0, size)) == size)
                total += result;
            if (result >= 0)
                break;
        }
        FileCalls.Close(fd);
        Console.WriteLine("fill: wrote " + total.ToString() + " bytes, then: " + (result < 0 ? ProcessCalls.ErrorText(result) : "no error"));
        return 0;
    }

    /// <summary>File traffic until the process is killed (kills land in the middle of file system calls).</summary>
    public static int Churn(string path)
    {
        byte[] chunk = Pattern(64 * 1024);
        byte[] back = new byte[chunk.Length];
        Console.WriteLine("churn: started");
        for (long round = 0; ; round++)
        {
            long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Read | FileOpenFlags.Create | FileOpenFlags.Truncate);
            for (int i = 0; i < 4; i++)
                FileCalls.Write(fd, chunk, 0, chunk.Length);
            FileCalls.Seek(fd, 0, FileSeekOrigin.Begin);
            while (FileCalls.Read(fd, back, 0, back.Length) > 0)
            {
            }
            FileCalls.Close(fd);
            FileCalls.Unlink(path);
        }
    }

    /// <summary>
    /// `hold-open PATH MS`: opens a file, writes at its start, waits MS milliseconds (meanwhile a test kills the
    /// volume's file server), writes through the old descriptor, then opens the file anew and
    /// writes again; prints each outcome.
    /// </summary>
    public static int HoldOpen(string arguments)
    {
        string[] words = arguments.Split(' ');
        if (words.Length != 2 || !long.TryParse(words[1], out long milliseconds))
        {
            Console.WriteLine("usage: hold-open PATH MS");
            return 2;
        }
        string path = words[0];
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create);
        if (fd < 0)
        {
            Console.WriteLine("hold: " + path + ": " + ProcessCalls.ErrorText(fd));
            return 1;
        }
        FileCalls.Write(fd, "before\n");
        Console.WriteLine("hold: opened " + path);
        ProcessCalls.Sleep(milliseconds);
        long old = FileCalls.Write(fd, "after\n");
        Console.WriteLine("hold: old descriptor: " + (old < 0 ? ProcessCalls.ErrorText(old) : "wrote " + old.ToString() + " bytes"));
        FileCalls.Close(fd);
        long again = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Append);
        long written = again < 0 ? again : FileCalls.Write(again, "reopened\n");
        if (again >= 0)
            FileCalls.Close(again);
        Console.WriteLine("hold: new descriptor: " + (written < 0 ? ProcessCalls.ErrorText(written) : "wrote " + written.ToString() + " bytes"));
        return 0;
    }

    /// <summary>
    /// `rewrite PATH`: writes a 256 KiB file and syncs, then overwrites it in place and reads it
    /// back for ever: file traffic that allocates nothing after "rewrite: started", so a file
    /// server killed meanwhile leaves the volume's structures as the last sync wrote them.
    /// </summary>
    public static int Rewrite(string path)
    {
        byte[] chunk = Pattern(64 * 1024);
        byte[] back = new byte[chunk.Length];
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        for (int i = 0; i < 4; i++)
            FileCalls.Write(fd, chunk, 0, chunk.Length);
        FileCalls.Close(fd);
        long synced = FileCalls.Sync();
        Console.WriteLine("rewrite: started (" + (fd < 0 ? ProcessCalls.ErrorText(fd) : synced < 0 ? ProcessCalls.ErrorText(synced) : "synced") + ")");
        while (true)
        {
            fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Read);
            for (int i = 0; i < 4; i++)
                FileCalls.Write(fd, chunk, 0, chunk.Length);
            FileCalls.Seek(fd, 0, FileSeekOrigin.Begin);
            while (FileCalls.Read(fd, back, 0, back.Length) > 0)
            {
            }
            FileCalls.Close(fd);
        }
    }

    /// <summary>Opens a file and exits without closing it: the kernel must close it.</summary>
    public static int LeaveOpen(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create);
        FileCalls.Write(fd, "left open\n");
        Console.WriteLine("leave-open: " + path + " is descriptor " + fd.ToString());
        return 0;
    }

    private static bool Lists(string directory, string name)
    {
        long fd = FileCalls.Open(directory, FileOpenFlags.Directory);
        var entries = new DirectoryEntry[4];
        bool found = false;
        long count;
        while ((count = FileCalls.ReadDirectory(fd, entries)) > 0)
        {
            for (int i = 0; i < count; i++)
                found |= FileCalls.NameOf(entries[i]) == name && entries[i].Type == FileType.File && entries[i].Size == DataLength;
        }
        FileCalls.Close(fd);
        return found;
    }

    private static string Canonical(string path) => path.Length > 1 && path.EndsWith("/") ? path.Substring(0, path.Length - 1) : path;

    private static byte* Bytes(string text)
    {
        byte* bytes = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }

    private static byte[] Pattern(int length)
    {
        byte[] data = new byte[length];
        uint state = 12345;
        for (int i = 0; i < length; i++)
        {
            state = state * 1103515245 + 12345;
            data[i] = (byte)(state >> 16);
        }
        return data;
    }

    private static bool Same(byte[] a, byte[] b, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }

    private static void Check(string what, bool passed, long result)
    {
        s_checks++;
        if (passed)
            return;
        s_failures++;
        Console.WriteLine("files: FAILED " + what + " (result " + result.ToString() + ")");
    }

    private static void Expect(string what, long result, SyscallError expected) =>
        Check(what + " gives " + ProcessCalls.ErrorText(SyscallResult.Error(expected)), result == SyscallResult.Error(expected), result);
}
