using System;
using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace CosmosHybrid.Shell;

/// <summary>The shell's file commands: ls, cat, write, append, mkdir, rm, mv, df, sync, cd, pwd.</summary>
internal static unsafe class FileCommands
{
    private const int ChunkSize = 4096;

    public static void PrintHelp()
    {
        Console.WriteLine("ls [PATH]            list a directory (or describe a file)");
        Console.WriteLine("cat FILE             print a file");
        Console.WriteLine("write FILE TEXT      replace FILE with TEXT and a newline; append FILE TEXT adds them");
        Console.WriteLine("mkdir DIR, rm PATH   create a directory; delete a file or an empty directory");
        Console.WriteLine("mv OLD NEW           rename or move (within one volume)");
        Console.WriteLine("df                   mounted volumes: size, free space, buffer cache");
        Console.WriteLine("sync                 write cached data to the disks");
        Console.WriteLine("cd [DIR], pwd        change or print the working directory");
    }

    /// <summary>Runs <paramref name="command"/> if it is a file command; false otherwise.</summary>
    public static bool TryExecute(string command, string argument)
    {
        switch (command)
        {
            case "ls":
                List(argument.Length == 0 ? "." : argument);
                return true;
            case "cat":
                if (Require(command, argument, "FILE"))
                    Cat(argument);
                return true;
            case "write":
            case "append":
                Write(command, argument);
                return true;
            case "mkdir":
                if (Require(command, argument, "DIR"))
                    Report(command, argument, FileCalls.CreateDirectory(argument));
                return true;
            case "rm":
                if (Require(command, argument, "PATH"))
                    Report(command, argument, FileCalls.Unlink(argument));
                return true;
            case "mv":
                Move(argument);
                return true;
            case "df":
                ShowVolumes();
                return true;
            case "sync":
                Report(command, "", FileCalls.Sync());
                return true;
            case "cd":
                Report(command, argument, FileCalls.ChangeDirectory(argument.Length == 0 ? "/" : argument));
                return true;
            case "pwd":
                Console.WriteLine(FileCalls.GetWorkingDirectory() ?? "?");
                return true;
            default:
                return false;
        }
    }

    private static void List(string path)
    {
        long status = FileCalls.Stat(path, out FileStatus info);
        if (status < 0)
        {
            Report("ls", path, status);
            return;
        }
        if (info.Type != FileType.Directory)
        {
            Console.WriteLine(FormatEntry(path, info.Size, false));
            return;
        }

        long fd = FileCalls.Open(path, FileOpenFlags.Directory);
        if (fd < 0)
        {
            Report("ls", path, fd);
            return;
        }
        var entries = new DirectoryEntry[16];
        int total = 0;
        while (true)
        {
            long count = FileCalls.ReadDirectory(fd, entries);
            if (count < 0)
                Report("ls", path, count);
            if (count <= 0)
                break;
            for (int i = 0; i < count; i++)
                Console.WriteLine(FormatEntry(FileCalls.NameOf(entries[i]), entries[i].Size, entries[i].Type == FileType.Directory));
            total += (int)count;
        }
        FileCalls.Close(fd);
        Console.WriteLine(total.ToString() + (total == 1 ? " entry" : " entries"));
    }

    private static string FormatEntry(string name, long size, bool directory) =>
        (directory ? "     <dir>" : Pad(size.ToString(), 10)) + "  " + name + (directory ? "/" : "");

    private static void Cat(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
        {
            Report("cat", path, fd);
            return;
        }
        byte[] buffer = new byte[ChunkSize];
        char[] text = new char[ChunkSize];
        while (true)
        {
            long read = FileCalls.Read(fd, buffer, 0, buffer.Length);
            if (read < 0)
                Report("cat", path, read);
            if (read <= 0)
                break;
            for (int i = 0; i < read; i++)
                text[i] = (char)buffer[i];
            Console.Write(new string(text, 0, (int)read));
        }
        FileCalls.Close(fd);
    }

    // write FILE TEXT / append FILE TEXT: the text and a newline.
    private static void Write(string command, string argument)
    {
        int space = argument.IndexOf(' ');
        if (argument.Length == 0)
        {
            Console.WriteLine("usage: " + command + " FILE TEXT");
            return;
        }
        string path = space < 0 ? argument : argument.Substring(0, space);
        string text = (space < 0 ? "" : argument.Substring(space + 1)) + "\n";
        FileOpenFlags flags = FileOpenFlags.Write | FileOpenFlags.Create | (command == "append" ? FileOpenFlags.Append : FileOpenFlags.Truncate);
        long fd = FileCalls.Open(path, flags);
        if (fd < 0)
        {
            Report(command, path, fd);
            return;
        }
        long written = FileCalls.Write(fd, text);
        long closed = FileCalls.Close(fd);
        if (written < 0)
            Report(command, path, written);
        else if (closed < 0)
            Report(command, path, closed);
        else
            Console.WriteLine("wrote " + written.ToString() + " bytes to " + path);
    }

    private static void Move(string argument)
    {
        int space = argument.IndexOf(' ');
        if (space < 0)
        {
            Console.WriteLine("usage: mv OLD NEW");
            return;
        }
        string from = argument.Substring(0, space);
        string to = argument.Substring(space + 1).Trim();
        Report("mv", from, FileCalls.Rename(from, to));
    }

    private static void ShowVolumes()
    {
        var mounts = new MountInfo[8];
        long count = FileCalls.ListMounts(mounts);
        if (count < 0)
        {
            Report("df", "", count);
            return;
        }
        Console.WriteLine("MOUNT      SOURCE    TYPE    SIZE(KiB)   USED(KiB)   FREE(KiB)  CACHE");
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
                + " FAT" + PadRight(info.FatBits.ToString(), 4) + Pad((info.TotalBytes / 1024).ToString(), 10) + "  " + Pad(used, 10) + "  " + Pad(free, 10) + "  " + cache);
        }
    }

    private static bool Require(string command, string argument, string what)
    {
        if (argument.Length > 0)
            return true;
        Console.WriteLine("usage: " + command + " " + what);
        return false;
    }

    private static void Report(string command, string path, long result)
    {
        if (result < 0)
            Console.WriteLine(command + ": " + (path.Length > 0 ? path + ": " : "") + ProcessCalls.ErrorText(result));
    }

    private static string Pad(string text, int width) => text.Length >= width ? text : new string(' ', width - text.Length) + text;

    private static string PadRight(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
}
