namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>A line the parser skipped, and why.</summary>
internal readonly struct ManifestError
{
    public ManifestError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    public string Message { get; }

    public override string ToString() => "line " + Line.ToString() + ": " + Message;
}
