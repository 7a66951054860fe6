using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Init.Manifest;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// The manifest's <c>fs:PATH=ring3</c> lines, applied before any service starts: the kernel
/// mounted every disk at boot, so init asks it (PlaceVolume, with the root authority's Devices
/// right) to unmount the volume and set its disk aside; the `fs` service, started after, then
/// opens that disk and attaches. A boot option naming the same path wins; init says so. "/" is
/// placed only by the boot option (<see cref="PlacementWording"/> says so).
/// </summary>
internal static class VolumePlacements
{
    public static void Apply(ServiceManifest manifest, string manifestPath, long authority)
    {
        for (int i = 0; i < manifest.Placements.Count; i++)
        {
            PlacementLine line = manifest.Placements[i];
            string word = "fs:" + line.Path + "=" + (line.RingThree ? "ring3" : "kernel");
            string where = manifestPath + " line " + line.Line.ToString();
            long result = BlockCalls.Place(authority, line.Path, line.RingThree ? MountPlacement.RingThree : MountPlacement.Kernel);
            if (result == (long)PlacementOutcome.Moved)
                InitService.Log(line.Path + " is placed in ring 3 (" + where + ")");
            else if (result == (long)PlacementOutcome.BootOptionDecides)
                InitService.Log(where + ": " + word + " ignored: the boot options place " + line.Path);
            else if (result < 0)
                InitService.Log(PlacementWording.NotApplied(line, manifestPath, ProcessCalls.ErrorText(result)));
        }
    }
}
