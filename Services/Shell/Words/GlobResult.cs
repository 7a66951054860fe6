namespace CosmosHybrid.Services.Shell.Words;

/// <summary>The outcome of expanding a glob pattern into path names.</summary>
internal enum GlobResult
{
    /// <summary>One or more paths matched.</summary>
    Matched,

    /// <summary>Nothing matched: the word stays as typed.</summary>
    NoMatch,

    /// <summary>More than <see cref="GlobExpander.MaxMatches"/> paths matched.</summary>
    TooManyMatches,
}
