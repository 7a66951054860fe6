namespace CosmosHybrid.Services.Shell.Words;

/// <summary>A word ready for a command: its text, and the glob pattern it stands for when <see cref="HasGlob"/>.</summary>
internal readonly struct ExpandedWord
{
    public ExpandedWord(string text, string pattern, bool hasGlob)
    {
        Text = text;
        Pattern = pattern;
        HasGlob = hasGlob;
    }

    /// <summary>The word after quote removal and <c>$?</c>: what a command gets when no glob applies.</summary>
    public string Text { get; }

    /// <summary>The glob pattern: unquoted '*', '?', '[' active, quoted special characters escaped with '\'.</summary>
    public string Pattern { get; }

    /// <summary>True when an unquoted '*', '?' or '[' was typed.</summary>
    public bool HasGlob { get; }
}
