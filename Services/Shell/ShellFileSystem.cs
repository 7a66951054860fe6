using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Shell.Words;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>Directory listings for globbing, copying and removing trees, through the file system calls.</summary>
internal sealed class ShellFileSystem : IGlobFileSystem
{
    private readonly DirectoryEntry[] _records = new DirectoryEntry[16];

    public bool List(string directory, List<GlobEntry> entries) => ReadDirectory(directory, entries, _records) >= 0;

    public bool Exists(string path) => FileCalls.Stat(path, out _) >= 0;

    /// <summary>Appends the entries of <paramref name="directory"/>; returns 0 or a negative error.</summary>
    public static long ReadDirectory(string directory, List<GlobEntry> entries) =>
        ReadDirectory(directory, entries, new DirectoryEntry[16]);

    private static long ReadDirectory(string directory, List<GlobEntry> entries, DirectoryEntry[] records)
    {
        long fd = FileCalls.Open(directory, FileOpenFlags.Directory);
        if (fd < 0)
            return fd;
        long result;
        while ((result = FileCalls.ReadDirectory(fd, records)) > 0)
        {
            for (int i = 0; i < result; i++)
                entries.Add(new GlobEntry(FileCalls.NameOf(records[i]), records[i].Type == FileType.Directory));
        }
        FileCalls.Close(fd);
        return result;
    }
}
