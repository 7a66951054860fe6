using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// The shell's file commands: ls, cat, write, append, mkdir, rm, mv, df, sync, cd, pwd.
/// Names come whole from the word splitter (quoted, escaped or globbed); commands that
/// take names take any number of them, as their POSIX namesakes do.
/// </summary>
internal static unsafe class FileCommands
{
    private const int ChunkSize = 4096;

    public static void PrintHelp()
    {
        Console.WriteLine("ls [PATH...]         list directories (or describe files)");
        Console.WriteLine("cat [FILE...]        print files; standard input with none (or for '-'; Ctrl-D ends it at the console)");
        Console.WriteLine("write FILE TEXT      replace FILE with TEXT and a newline; append FILE TEXT adds them");
        Console.WriteLine("mkdir DIR..., rm PATH...  create directories; delete files or empty directories");
        Console.WriteLine("mv OLD NEW, mv PATH... DIR  rename or move (across volumes: copy, then delete)");
        Console.WriteLine("df                   mounted volumes: size, free space, buffer cache, who serves them");
        Console.WriteLine("mounts               mounted volumes: source, type, served by the kernel or in ring 3");
        Console.WriteLine("sync                 write cached data to the disks");
        Console.WriteLine("cd [DIR], pwd        change or print the working directory");
    }

    /// <summary>Runs the command in <paramref name="arguments"/>[0] if it is a file command; false otherwise.</summary>
    public static bool TryExecute(List<string> arguments, out int status)
    {
        string command = arguments[0];
        status = CommandStatus.Success;
        switch (command)
        {
            case "ls":
                if (arguments.Count == 1)
                    return Done(List(".", header: false), out status);
                for (int i = 1; i < arguments.Count; i++)
                {
                    if (!List(arguments[i], header: arguments.Count > 2))
                        status = CommandStatus.Failure;
                }
                return true;
            case "cat":
                if (arguments.Count == 1)
                    return Done(CatStandardInput(), out status);
                return ForEach(arguments, "FILE", path => path == "-" ? CatStandardInput() : Cat(path), out status);
            case "write":
            case "append":
                return Done(Write(command, arguments), out status, usage: arguments.Count < 2);
            case "mkdir":
                return ForEach(arguments, "DIR...", path => Report(command, path, FileCalls.CreateDirectory(path)), out status);
            case "rm":
                return ForEach(arguments, "PATH...", path => Report(command, path, FileCalls.Unlink(path)), out status);
            case "mv":
                status = FileMover.Move(arguments);
                return true;
            case "df":
                return Done(ShowVolumes(), out status);
            case "mounts":
                return Done(ShowMounts(), out status);
            case "sync":
                return Done(Report(command, "", FileCalls.Sync()), out status);
            case "cd":
                if (arguments.Count > 2)
                    return Usage("cd [DIR]", out status);
                string directory = arguments.Count == 1 ? "/" : arguments[1];
                return Done(Report(command, directory, FileCalls.ChangeDirectory(directory)), out status);
            case "pwd":
                string working = FileCalls.GetWorkingDirectory();
                Console.WriteLine(working ?? "?");
                return Done(working != null, out status);
            default:
                return false;
        }
    }

    /// <summary>Prints the error of a failed call as "command: path: error"; true when <paramref name="result"/> is a success.</summary>
    public static bool Report(string command, string path, long result)
    {
        if (result < 0)
            Console.WriteLine(command + ": " + (path.Length > 0 ? path + ": " : "") + ProcessCalls.ErrorText(result));
        return result >= 0;
    }

    private static bool ForEach(List<string> arguments, string what, Func<string, bool> action, out int status)
    {
        if (arguments.Count < 2)
            return Usage(arguments[0] + " " + what, out status);
        status = CommandStatus.Success;
        for (int i = 1; i < arguments.Count; i++)
        {
            if (!action(arguments[i]))
                status = CommandStatus.Failure;
        }
        return true;
    }

    private static bool Done(bool succeeded, out int status, bool usage = false)
    {
        status = usage ? CommandStatus.Usage : succeeded ? CommandStatus.Success : CommandStatus.Failure;
        return true;
    }

    private static bool Usage(string text, out int status)
    {
        Console.WriteLine("usage: " + text);
        status = CommandStatus.Usage;
        return true;
    }

    private static bool List(string path, bool header)
    {
        long status = FileCalls.Stat(path, out FileStatus info);
        if (status < 0)
            return Report("ls", path, status);
        if (info.Type != FileType.Directory)
        {
            Console.WriteLine(FormatEntry(path, info.Size, false));
            return true;
        }

        long fd = FileCalls.Open(path, FileOpenFlags.Directory);
        if (fd < 0)
            return Report("ls", path, fd);
        if (header)
            Console.WriteLine(path + ":");
        var entries = new DirectoryEntry[16];
        int total = 0;
        bool succeeded = true;
        while (true)
        {
            long count = FileCalls.ReadDirectory(fd, entries);
            if (count < 0)
                succeeded = Report("ls", path, count);
            if (count <= 0)
                break;
            for (int i = 0; i < count; i++)
                Console.WriteLine(FormatEntry(FileCalls.NameOf(entries[i]), entries[i].Size, entries[i].Type == FileType.Directory));
            total += (int)count;
        }
        FileCalls.Close(fd);
        Console.WriteLine(total.ToString() + (total == 1 ? " entry" : " entries"));
        return succeeded;
    }

    private static string FormatEntry(string name, long size, bool directory) =>
        (directory ? "     <dir>" : Pad(size.ToString(), 10)) + "  " + name + (directory ? "/" : "");

    private static bool Cat(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return Report("cat", path, fd);
        byte[] buffer = new byte[ChunkSize];
        bool succeeded = true;
        while (true)
        {
            long read = FileCalls.Read(fd, buffer, 0, buffer.Length);
            if (read < 0)
                succeeded = Report("cat", path, read);
            if (read <= 0)
                break;
            unsafe
            {
                fixed (byte* bytes = buffer)
                    Console.WriteBytes(bytes, read);   // the file's bytes as they are
            }
        }
        FileCalls.Close(fd);
        return succeeded;
    }

    // Copies standard input to standard output until its end.
    private static bool CatStandardInput()
    {
        byte[] buffer = new byte[ChunkSize];
        fixed (byte* bytes = buffer)
        {
            while (true)
            {
                long read = StreamCalls.Read(StandardStreams.Input, bytes, buffer.Length);
                if (read < 0)
                    return Report("cat", "standard input", read);
                if (read == 0)
                    return true;
                Console.WriteBytes(bytes, read);
            }
        }
    }

    // write FILE TEXT... / append FILE TEXT...: the words joined by spaces, and a newline.
    private static bool Write(string command, List<string> arguments)
    {
        if (arguments.Count < 2)
        {
            Console.WriteLine("usage: " + command + " FILE TEXT");
            return false;
        }
        string path = arguments[1];
        string text = Commands.Join(arguments, 2) + "\n";
        FileOpenFlags flags = FileOpenFlags.Write | FileOpenFlags.Create | (command == "append" ? FileOpenFlags.Append : FileOpenFlags.Truncate);
        long fd = FileCalls.Open(path, flags);
        if (fd < 0)
            return Report(command, path, fd);
        long written = FileCalls.Write(fd, text);
        long closed = FileCalls.Close(fd);
        if (written < 0)
            return Report(command, path, written);
        if (closed < 0)
            return Report(command, path, closed);
        Console.WriteLine("wrote " + written.ToString() + " bytes to " + path);
        return true;
    }

    private static bool ShowVolumes()
    {
        var mounts = new MountInfo[8];
        long count = FileCalls.ListMounts(mounts);
        if (count < 0)
            return Report("df", "", count);
        Console.WriteLine("MOUNT      SOURCE    TYPE    SIZE(KiB)   USED(KiB)   FREE(KiB)  CACHE  (SERVED)");
        for (int i = 0; i < count && i < mounts.Length; i++)
        {
            MountInfo info = mounts[i];
            string cache = info.CacheCapacity == 0
                ? "none"
                : (info.CacheBlocks * info.CacheBlockSize / 1024).ToString() + "/" + (info.CacheCapacity * info.CacheBlockSize / 1024).ToString()
                    + " KiB, " + info.CacheDirtyBlocks.ToString() + " dirty, " + info.CacheHits.ToString() + " hits, " + info.CacheMisses.ToString() + " misses";
            string free = info.FreeBytes < 0 ? "?" : (info.FreeBytes / 1024).ToString();
            string used = info.FreeBytes < 0 ? "?" : ((info.TotalBytes - info.FreeBytes) / 1024).ToString();
            Console.WriteLine(PadRight(FileCalls.Decode(info.Path, MountInfo.PathCapacity), 10) + " " + PadRight(FileCalls.Decode(info.Source, MountInfo.SourceCapacity), 9)
                + " FAT" + PadRight(info.FatBits.ToString(), 4) + Pad((info.TotalBytes / 1024).ToString(), 10) + "  " + Pad(used, 10) + "  " + Pad(free, 10) + "  " + cache + "  (" + Served(info.Placement) + ")");
        }
        return true;
    }

    // `mounts`: where each volume is, what it lives on and who serves it.
    private static bool ShowMounts()
    {
        var mounts = new MountInfo[8];
        long count = FileCalls.ListMounts(mounts);
        if (count < 0)
            return Report("mounts", "", count);
        for (int i = 0; i < count && i < mounts.Length; i++)
        {
            MountInfo info = mounts[i];
            Console.WriteLine(FileCalls.Decode(info.Source, MountInfo.SourceCapacity) + " on " + FileCalls.Decode(info.Path, MountInfo.PathCapacity)
                + " type FAT" + info.FatBits.ToString() + " served by " + Served(info.Placement));
        }
        return true;
    }

    private static string Served(long placement) => placement switch
    {
        (long)MountPlacement.RingThree => "ring3",
        (long)MountPlacement.RingThreeDown => "ring3 (server down)",
        _ => "kernel",
    };

    private static string Pad(string text, int width) => text.Length >= width ? text : new string(' ', width - text.Length) + text;

    private static string PadRight(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
}
