using System.Collections.Generic;

namespace CosmosHybrid.Storage.Placement;

/// <summary>
/// Which mount points are served by the ring-3 file server instead of the kernel, from
/// words of the form <c>fs:/disk=ring3</c> (or <c>=kernel</c>, the default). Shared by the
/// boot options and the host tests; the kernel asks it while mounting the boot disks.
/// </summary>
public sealed class PlacementTable
{
    private const string Prefix = "fs:";

    private readonly List<string> _ringThreePaths = new List<string>();

    // Every path a word named, either way: a boot option wins over init's manifest for these.
    private readonly List<string> _namedPaths = new List<string>();

    /// <summary>
    /// Applies one <c>fs:PATH=kernel|ring3</c> word; false (and nothing changed) when the word
    /// is not one (no "fs:" prefix, no absolute path, or another placement name).
    /// </summary>
    public bool TryApply(string word)
    {
        if (!word.StartsWith(Prefix))
            return false;
        int equals = word.LastIndexOf('=');
        if (equals <= Prefix.Length)
            return false;
        string path = word.Substring(Prefix.Length, equals - Prefix.Length);
        string placement = word.Substring(equals + 1);
        if (path.Length == 0 || path[0] != '/' || (path.Length > 1 && path[path.Length - 1] == '/'))
            return false;
        VolumePlacement where;
        if (placement == "kernel")
            where = VolumePlacement.Kernel;
        else if (placement == "ring3")
            where = VolumePlacement.RingThree;
        else
            return false;
        if (_namedPaths.IndexOf(path) < 0)
            _namedPaths.Add(path);
        int index = _ringThreePaths.IndexOf(path);
        if (where == VolumePlacement.RingThree && index < 0)
            _ringThreePaths.Add(path);
        else if (where == VolumePlacement.Kernel && index >= 0)
            _ringThreePaths.RemoveAt(index);
        return true;
    }

    /// <summary>Where the volume mounted at <paramref name="path"/> is served.</summary>
    public VolumePlacement For(string path) =>
        _ringThreePaths.IndexOf(path) >= 0 ? VolumePlacement.RingThree : VolumePlacement.Kernel;

    /// <summary>True when a word named <paramref name="path"/> (either placement): the manifest's line for it is then ignored.</summary>
    public bool Names(string path) => _namedPaths.IndexOf(path) >= 0;

    /// <summary>The placement's name as the switch and the listings spell it.</summary>
    public static string NameOf(VolumePlacement placement) => placement == VolumePlacement.RingThree ? "ring3" : "kernel";
}
