namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>
/// A manifest line <c>fs:PATH=ring3</c> (or <c>=kernel</c>): who serves the volume mounted at
/// PATH, the same words as the boot option (which wins when it names the same path).
/// </summary>
internal sealed class PlacementLine
{
    public PlacementLine(string path, bool ringThree, int line)
    {
        Path = path;
        RingThree = ringThree;
        Line = line;
    }

    /// <summary>The mount point ("/disk").</summary>
    public string Path { get; }

    /// <summary>True for <c>ring3</c>, false for <c>kernel</c>.</summary>
    public bool RingThree { get; }

    /// <summary>Its line in the manifest, for messages.</summary>
    public int Line { get; }
}
