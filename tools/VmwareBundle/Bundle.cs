using System.IO;

namespace CosmosHybrid.Tools.VmwareBundle;

/// <summary>What `./build.sh vmware` writes: the ISO, a BIOS and an EFI .vmx beside it, and the data disk.</summary>
public static class Bundle
{
    public const string IsoFileName = "cosmoshybrid.iso";
    public const string DiskFileName = "cosmoshybrid-data.vmdk";
    public const string BiosVmx = "cosmoshybrid.vmx";
    public const string EfiVmx = "cosmoshybrid-efi.vmx";

    private const string DiskReadme =
        "CosmosHybrid data disk (FAT32), made by ./build.sh vmware.\r\n"
        + "The OS mounts it beside its RAM root file system; see README.md, \"Boot it elsewhere\".\r\n";

    public static void Write(string isoPath, string directory)
    {
        Directory.CreateDirectory(directory);
        File.Copy(isoPath, Path.Combine(directory, IsoFileName), overwrite: true);
        DataDisk.Create(Path.Combine(directory, DiskFileName), DiskReadme);
        WriteVmx(Path.Combine(directory, BiosVmx), VmxFile.ForCosmosHybrid("CosmosHybrid", efi: false, IsoFileName, DiskFileName, "serial.log"));
        WriteVmx(Path.Combine(directory, EfiVmx), VmxFile.ForCosmosHybrid("CosmosHybrid (EFI)", efi: true, IsoFileName, DiskFileName, "serial-efi.log"));
    }

    // VMware writes its own keys back into the file; a fresh bundle starts from ours.
    private static void WriteVmx(string path, VmxFile vmx) => File.WriteAllText(path, vmx.ToString());
}
