using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>Where Tab completion finds its candidates.</summary>
public interface ICompletionSource
{
    /// <summary>Adds the command names (built-in commands unless <paramref name="programsOnly"/>, and programs) that start with <paramref name="prefix"/>.</summary>
    void AddCommands(string prefix, bool programsOnly, List<string> candidates);

    /// <summary>
    /// Adds the names in <paramref name="directory"/> ("" for the working directory) that start
    /// with <paramref name="prefix"/>, directories with a trailing '/'.
    /// </summary>
    void AddEntries(string directory, string prefix, List<string> candidates);
}
