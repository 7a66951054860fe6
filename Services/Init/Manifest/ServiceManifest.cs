using System.Collections.Generic;

namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>What <see cref="ManifestParser"/> made of a manifest: the services in file order, the placement lines, and the lines it skipped.</summary>
internal sealed class ServiceManifest
{
    public List<ServiceEntry> Services { get; } = new List<ServiceEntry>();

    public List<ManifestError> Errors { get; } = new List<ManifestError>();

    /// <summary>The <c>fs:PATH=...</c> lines, in file order, one per path.</summary>
    public List<PlacementLine> Placements { get; } = new List<PlacementLine>();

    public ServiceEntry Find(string name)
    {
        for (int i = 0; i < Services.Count; i++)
        {
            if (Services[i].Name == name)
                return Services[i];
        }
        return null;
    }
}
