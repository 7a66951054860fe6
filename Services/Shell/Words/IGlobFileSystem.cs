using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>An entry of a directory listing, as globbing needs it.</summary>
internal readonly struct GlobEntry
{
    public GlobEntry(string name, bool isDirectory)
    {
        Name = name;
        IsDirectory = isDirectory;
    }

    public string Name { get; }

    public bool IsDirectory { get; }
}

/// <summary>What globbing asks of the file system (the shell answers with system calls, the tests with a table).</summary>
internal interface IGlobFileSystem
{
    /// <summary>Appends the entries of <paramref name="directory"/> ("." is the working directory); false when it cannot be listed.</summary>
    bool List(string directory, List<GlobEntry> entries);

    /// <summary>True when <paramref name="path"/> names an existing file or directory.</summary>
    bool Exists(string path);
}
