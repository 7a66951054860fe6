using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Editing;
using CosmosHybrid.Services.Shell.Words;

namespace CosmosHybrid.Services.Shell;

/// <summary>Tab completion's candidates: the built-in commands, the programs in /bin, and directory entries.</summary>
internal sealed class ShellCompletionSource : ICompletionSource
{
    private const string ProgramDirectory = "/bin";
    private const string ProgramExtension = ".elf";

    private readonly List<GlobEntry> _entries = new List<GlobEntry>();

    public void AddCommands(string prefix, bool programsOnly, List<string> candidates)
    {
        foreach (string name in BuiltinCommands.Names)
        {
            if (!programsOnly && name.StartsWith(prefix, System.StringComparison.Ordinal))
                candidates.Add(name);
        }
        _entries.Clear();
        if (ShellFileSystem.ReadDirectory(ProgramDirectory, _entries) < 0)
            return;
        foreach (GlobEntry entry in _entries)
        {
            string name = entry.Name;
            if (entry.IsDirectory || !name.EndsWith(ProgramExtension, System.StringComparison.Ordinal))
                continue;
            name = name.Substring(0, name.Length - ProgramExtension.Length);
            if (name.StartsWith(prefix, System.StringComparison.Ordinal) && !candidates.Contains(name))
                candidates.Add(name);
        }
    }

    public void AddEntries(string directory, string prefix, List<string> candidates)
    {
        _entries.Clear();
        if (ShellFileSystem.ReadDirectory(directory.Length == 0 ? "." : directory, _entries) < 0)
            return;
        foreach (GlobEntry entry in _entries)
        {
            if (entry.Name == "." || entry.Name == "..")
                continue;
            if (entry.Name.StartsWith(prefix, System.StringComparison.Ordinal))
                candidates.Add(entry.IsDirectory ? entry.Name + "/" : entry.Name);
        }
    }
}
