using System;
using System.IO;
using CosmosHybrid.Tools.VmwareBundle;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Tools;

/// <summary>`./build.sh vmware`'s output: the .vmx keys VMware needs, and a .vmdk that qemu-img reads back as our FAT32 disk.</summary>
public class VmwareBundleTests
{
    private string _directory;

    [SetUp]
    public void MakeDirectory() => _directory = Directory.CreateTempSubdirectory("vmware-bundle-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase(Bundle.BiosVmx, "bios")]
    [TestCase(Bundle.EfiVmx, "efi")]
    public void TheVmxDescribesTheMachineTheOsHasDriversFor(string vmxName, string firmware)
    {
        WriteBundle();
        VmxFile vmx = VmxFile.Parse(File.ReadAllText(Path.Combine(_directory, vmxName)));

        Assert.That(vmx["guestOS"], Is.EqualTo("other-64"));
        Assert.That(vmx["firmware"], Is.EqualTo(firmware));
        Assert.That(vmx["ethernet0.present"], Is.EqualTo("TRUE"));
        Assert.That(vmx["ethernet0.virtualDev"], Is.EqualTo("e1000"));
        Assert.That(vmx["sata0.present"], Is.EqualTo("TRUE"));
        Assert.That(vmx["sata0:0.deviceType"], Is.EqualTo("cdrom-image"));
        Assert.That(File.Exists(Path.Combine(_directory, vmx["sata0:0.fileName"])), "the CD image the .vmx names");
        Assert.That(File.Exists(Path.Combine(_directory, vmx["sata0:1.fileName"])), "the disk the .vmx names");
        Assert.That(vmx["usb.present"], Is.EqualTo("FALSE"), "PS/2 keyboard and mouse, not USB");
        Assert.That(vmx["serial0.fileType"], Is.EqualTo("file"));
        Assert.That(vmx["serial0.fileName"], Does.EndWith(".log"));
    }

    [Test]
    public void QemuImgReadsTheVmdkAsA64MiBFat32DiskWithTheReadme()
    {
        WriteBundle();
        string vmdk = Path.Combine(_directory, Bundle.DiskFileName);

        string info = DataDisk.Run("qemu-img", $"info --output=json \"{vmdk}\"");
        Assert.That(info, Does.Contain("\"format\": \"vmdk\""));
        Assert.That(info, Does.Contain("\"virtual-size\": " + (DataDisk.SizeMiB * 1024L * 1024L).ToString()));

        string raw = Path.Combine(_directory, "back.img");
        DataDisk.Run("qemu-img", $"convert -f vmdk -O raw \"{vmdk}\" \"{raw}\"");
        DataDisk.Run("fsck.fat", $"-n \"{raw}\"");
        Assert.That(DataDisk.Run("minfo", $"-i \"{raw}\" ::"), Does.Contain("COSMOSDATA"));
        Assert.That(DataDisk.Run("mtype", $"-i \"{raw}\" ::/README.TXT"), Does.Contain("CosmosHybrid data disk"));
    }

    [Test]
    public void ValuesWithQuotesAndBarsSurviveARoundTrip()
    {
        var vmx = new VmxFile();
        vmx.Set("displayName", "a \"b\" | c");
        Assert.That(VmxFile.Parse(vmx.ToString())["displayName"], Is.EqualTo("a \"b\" | c"));
        Assert.That(vmx.ToString(), Is.EqualTo("displayName = \"a |22b|22 |7C c\"\n"));
    }

    private void WriteBundle()
    {
        string iso = Path.Combine(_directory, "source.iso");
        File.WriteAllBytes(iso, new byte[2048]);
        Bundle.Write(iso, _directory);
    }
}
