using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Shell.Words;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// <c>mv</c>: a rename, and across volumes what coreutils does when rename fails with the
/// cross-device error (the kernel's <see cref="SyscallError.CrossDevice"/>): copy the file
/// or directory tree, then remove the source. If the copy fails, what was copied is removed
/// and the source is left untouched.
/// </summary>
internal static class FileMover
{
    private const int ChunkSize = 4096;
    private const int MaxDepth = 32;

    /// <summary>mv OLD NEW, or mv PATH... DIR (into an existing directory); returns the exit status.</summary>
    public static int Move(List<string> arguments)
    {
        if (arguments.Count < 3)
        {
            Console.WriteLine("usage: mv OLD NEW, mv PATH... DIR");
            return CommandStatus.Usage;
        }

        string target = arguments[arguments.Count - 1];
        bool intoDirectory = FileCalls.Stat(target, out FileStatus status) >= 0 && status.Type == FileType.Directory;
        if (arguments.Count > 3 && !intoDirectory)
        {
            Console.WriteLine("mv: " + target + ": " + ProcessCalls.ErrorText(SyscallResult.Error(SyscallError.NotDirectory)));
            return CommandStatus.Failure;
        }

        int result = CommandStatus.Success;
        for (int i = 1; i < arguments.Count - 1; i++)
        {
            string source = arguments[i];
            string destination = intoDirectory ? Join(target, BaseName(source)) : target;
            if (!MoveOne(source, destination))
                result = CommandStatus.Failure;
        }
        return result;
    }

    private static bool MoveOne(string source, string destination)
    {
        long result = FileCalls.Rename(source, destination);
        if (result != SyscallResult.Error(SyscallError.CrossDevice))
            return FileCommands.Report("mv", source, result);

        result = FileCalls.Stat(source, out FileStatus status);
        if (result < 0)
            return FileCommands.Report("mv", source, result);
        if (FileCalls.Stat(destination, out _) >= 0)
            return FileCommands.Report("mv", destination, SyscallResult.Error(SyscallError.Exists));

        result = Copy(source, destination, status.Type == FileType.Directory, 0);
        if (result < 0)
        {
            Remove(destination, status.Type == FileType.Directory, 0);
            Console.WriteLine("mv: " + source + ": copy to " + destination + " failed (" + ProcessCalls.ErrorText(result) + "); the source is unchanged");
            return false;
        }

        result = Remove(source, status.Type == FileType.Directory, 0);
        if (result < 0)
            return FileCommands.Report("mv", "cannot remove " + source, result);
        return true;
    }

    private static long Copy(string source, string destination, bool directory, int depth)
    {
        if (!directory)
            return CopyFile(source, destination);
        if (depth >= MaxDepth)
            return SyscallResult.Error(SyscallError.InvalidArgument);

        long result = FileCalls.CreateDirectory(destination);
        var entries = new List<GlobEntry>();
        if (result >= 0)
            result = ShellFileSystem.ReadDirectory(source, entries);
        for (int i = 0; i < entries.Count && result >= 0; i++)
            result = Copy(Join(source, entries[i].Name), Join(destination, entries[i].Name), entries[i].IsDirectory, depth + 1);
        return result;
    }

    private static long CopyFile(string source, string destination)
    {
        long input = FileCalls.Open(source, FileOpenFlags.Read);
        if (input < 0)
            return input;
        long output = FileCalls.Open(destination, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Exclusive);
        if (output < 0)
        {
            FileCalls.Close(input);
            return output;
        }

        byte[] buffer = new byte[ChunkSize];
        long result;
        while ((result = FileCalls.Read(input, buffer, 0, buffer.Length)) > 0)
        {
            long read = result;
            result = FileCalls.Write(output, buffer, 0, (int)read);
            if (result >= 0 && result != read)
                result = SyscallResult.Error(SyscallError.IoError);
            if (result < 0)
                break;
        }

        FileCalls.Close(input);
        long closed = FileCalls.Close(output);
        return result < 0 ? result : closed;
    }

    // Removes a file or a whole tree; returns 0 or the first error.
    private static long Remove(string path, bool directory, int depth)
    {
        if (directory && depth < MaxDepth)
        {
            var entries = new List<GlobEntry>();
            if (ShellFileSystem.ReadDirectory(path, entries) >= 0)
            {
                for (int i = 0; i < entries.Count; i++)
                {
                    long result = Remove(Join(path, entries[i].Name), entries[i].IsDirectory, depth + 1);
                    if (result < 0)
                        return result;
                }
            }
        }
        return FileCalls.Unlink(path);
    }

    private static string Join(string directory, string name) =>
        directory.Length > 0 && directory[directory.Length - 1] == '/' ? directory + name : directory + "/" + name;

    private static string BaseName(string path)
    {
        string trimmed = path;
        while (trimmed.Length > 1 && trimmed[trimmed.Length - 1] == '/')
            trimmed = trimmed.Substring(0, trimmed.Length - 1);
        int slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
    }
}
