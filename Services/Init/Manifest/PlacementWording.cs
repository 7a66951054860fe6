namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>What init says about a manifest line <c>fs:PATH=ring3|kernel</c> the kernel did not apply.</summary>
internal static class PlacementWording
{
    /// <summary>
    /// The log line for <paramref name="line"/> of <paramref name="manifestPath"/> refused with
    /// <paramref name="errorText"/>. "/" cannot move by manifest: init reads the manifest from it,
    /// so by then it is in use; the boot option places it before anything is opened.
    /// </summary>
    public static string NotApplied(PlacementLine line, string manifestPath, string errorText)
    {
        string word = "fs:" + line.Path + "=" + (line.RingThree ? "ring3" : "kernel");
        string where = manifestPath + " line " + line.Line.ToString();
        if (line.Path == "/" && line.RingThree)
            return where + ": " + word + " not applied: / is in use once this manifest is read from it; use the boot option fs:/=ring3";
        return where + ": " + word + " not applied (" + errorText + ")";
    }
}
