using CosmosHybrid.Drivers.Pci;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Pci;

/// <summary>BAR decoding from the register value and its all-ones read-back (PCI Local Bus 3.0, 6.2.5.1).</summary>
public class PciBarTests
{
    [Test]
    public void IoBarGivesPortAndSize()
    {
        // An 8-port I/O BAR at 0xC040: read-back keeps bits 31:3, bit 0 says I/O.
        PciBar bar = PciBar.Decode(0x0000_C041, 0, 0xFFFF_FFF9, 0);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.Io));
        Assert.That(bar.Address, Is.EqualTo(0xC040));
        Assert.That(bar.Size, Is.EqualTo(8));
    }

    [Test]
    public void IoBarWithHardWiredUpperBitsStillSizes()
    {
        // Some devices implement only bits 15:2 of an I/O BAR.
        PciBar bar = PciBar.Decode(0x0000_0171, 0, 0x0000_FFF1, 0);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.Io));
        Assert.That(bar.Address, Is.EqualTo(0x170));
        Assert.That(bar.Size, Is.EqualTo(16));
    }

    [Test]
    public void Memory32BarGivesAddressSizeAndPrefetch()
    {
        // 16 MiB prefetchable framebuffer at 0xFD000000.
        PciBar bar = PciBar.Decode(0xFD00_0008, 0, 0xFF00_0008, 0);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.Memory32));
        Assert.That(bar.Address, Is.EqualTo(0xFD00_0000));
        Assert.That(bar.Size, Is.EqualTo(16UL << 20));
        Assert.That(bar.Prefetchable, Is.True);
        Assert.That(bar.IsMemory, Is.True);
    }

    [Test]
    public void Memory64BarJoinsBothHalves()
    {
        // A 64-bit, 16 KiB BAR at 0x8_0000_4000 (type 10b in bits 2:1).
        uint low = 0x0000_4004;
        Assert.That(PciBar.Is64BitMemory(low), Is.True);

        PciBar bar = PciBar.Decode(low, 0x0000_0008, 0xFFFF_C004, 0xFFFF_FFFF);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.Memory64));
        Assert.That(bar.Address, Is.EqualTo(0x8_0000_4000UL));
        Assert.That(bar.Size, Is.EqualTo(16UL * 1024));
        Assert.That(bar.Prefetchable, Is.False);
    }

    [Test]
    public void Memory64BarLargerThan4GiB()
    {
        PciBar bar = PciBar.Decode(0x0000_000C, 0x0000_0010, 0x0000_000C, 0xFFFF_FFF8);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.Memory64));
        Assert.That(bar.Address, Is.EqualTo(0x10_0000_0000UL));
        Assert.That(bar.Size, Is.EqualTo(32UL << 30));
        Assert.That(bar.Prefetchable, Is.True);
    }

    [Test]
    public void UnimplementedBarReadsBackZero()
    {
        PciBar bar = PciBar.Decode(0, 0, 0, 0);

        Assert.That(bar.Kind, Is.EqualTo(PciBarKind.None));
        Assert.That(bar.ToString(), Is.EqualTo("none"));
        Assert.That(PciBar.Is64BitMemory(0x0000_0001), Is.False, "an I/O BAR is never 64-bit memory");
    }

    [Test]
    public void DescribesItselfForLspci()
    {
        Assert.That(PciBar.Decode(0xFEBD_5000, 0, 0xFFFF_F000, 0).ToString(), Is.EqualTo("mem 0xfebd5000 (4 KiB)"));
        Assert.That(PciBar.Decode(0x0000_C081, 0, 0xFFFF_FFE1, 0).ToString(), Is.EqualTo("io 0xc080 (32)"));
        Assert.That(PciBar.Decode(0xFD00_0008, 0, 0xFF00_0008, 0).ToString(), Is.EqualTo("mem 0xfd000000 pf (16 MiB)"));
    }

    [Test]
    public void AddressPrintsLikeLspci()
    {
        Assert.That(new PciAddress(0, 0x1F, 2).ToString(), Is.EqualTo("00:1f.2"));
        Assert.That(new PciAddress(0xAB, 3, 7).ToString(), Is.EqualTo("ab:03.7"));
    }

    [TestCase(0x01, 0x06, 0x01, "SATA controller (AHCI)")]
    [TestCase(0x01, 0x01, 0x80, "IDE interface")]
    [TestCase(0x02, 0x00, 0x00, "Ethernet controller")]
    [TestCase(0x06, 0x04, 0x00, "PCI bridge")]
    [TestCase(0x0C, 0x03, 0x30, "USB controller (xHCI)")]
    [TestCase(0x42, 0x00, 0x00, "class 42h")]
    public void ClassNames(int classCode, int subclass, int progIf, string expected)
    {
        Assert.That(PciClassNames.Describe((byte)classCode, (byte)subclass, (byte)progIf), Is.EqualTo(expected));
    }

    [Test]
    public void VendorNames()
    {
        Assert.That(PciClassNames.Vendor(0x8086), Is.EqualTo("Intel"));
        Assert.That(PciClassNames.Vendor(0x15AD), Is.EqualTo("VMware"));
        Assert.That(PciClassNames.Vendor(0xBEEF), Is.Null);
    }
}
