using System;
using CosmosHybrid.Drivers.Storage.Ahci;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Storage.Ahci;

/// <summary>Command header, register FIS and PRDT layout (AHCI 1.3.1, 4.2.2 and 4.2.3; SATA 3.x 10.5.6).</summary>
public class AhciCommandBuilderTests
{
    [Test]
    public void CommandHeaderCarriesFisLengthDirectionPrdCountAndTable()
    {
        byte[] header = new byte[32];
        header.AsSpan().Fill(0xEE);

        AhciCommandBuilder.WriteCommandHeader(header, write: true, prdCount: 3, commandTablePhysical: 0x1_2345_6780);

        uint dw0 = AhciCommandBuilder.Read32(header, 0);
        Assert.That(dw0 & 0x1F, Is.EqualTo(5), "CFL: a register FIS is 5 dwords");
        Assert.That(dw0 & (1 << 6), Is.Not.Zero, "W: host to device");
        Assert.That(dw0 >> 16, Is.EqualTo(3), "PRDTL");
        Assert.That(AhciCommandBuilder.Read32(header, 4), Is.Zero, "PRDBC starts at 0");
        Assert.That(AhciCommandBuilder.Read32(header, 8), Is.EqualTo(0x2345_6780u), "CTBA");
        Assert.That(AhciCommandBuilder.Read32(header, 12), Is.EqualTo(1u), "CTBAU");
        Assert.That(header[16..], Is.All.Zero, "reserved dwords cleared");

        AhciCommandBuilder.WriteCommandHeader(header, write: false, prdCount: 0, commandTablePhysical: 0x1000);
        Assert.That(AhciCommandBuilder.Read32(header, 0), Is.EqualTo(5u));
    }

    [Test]
    public void RegisterFisSplitsA48BitLbaAndCount()
    {
        byte[] fis = new byte[64];
        fis.AsSpan().Fill(0xEE);

        AhciCommandBuilder.WriteRegisterFis(fis, 0x25, 0x0000_BEEF_1234_5678, 0x0102, 0x40);

        Assert.That(fis[0], Is.EqualTo(0x27), "FIS type: register, host to device");
        Assert.That(fis[1], Is.EqualTo(0x80), "C: command register update");
        Assert.That(fis[2], Is.EqualTo(0x25), "command");
        Assert.That(new[] { fis[4], fis[5], fis[6] }, Is.EqualTo(new byte[] { 0x78, 0x56, 0x34 }), "LBA 23:0");
        Assert.That(fis[7], Is.EqualTo(0x40), "device: LBA mode");
        Assert.That(new[] { fis[8], fis[9], fis[10] }, Is.EqualTo(new byte[] { 0x12, 0xEF, 0xBE }), "LBA 47:24");
        Assert.That(new[] { fis[12], fis[13] }, Is.EqualTo(new byte[] { 0x02, 0x01 }), "count");
        Assert.That(fis[3], Is.Zero);
        Assert.That(fis[11], Is.Zero);
        Assert.That(fis[14..], Is.All.Zero);
    }

    [Test]
    public void SmallBufferIsOnePrdWithInterrupt()
    {
        byte[] prdt = new byte[16 * 4];

        int entries = AhciCommandBuilder.WritePrdTable(prdt, 0x0030_0000, 512, 4);

        Assert.That(entries, Is.EqualTo(1));
        Assert.That(AhciCommandBuilder.Read32(prdt, 0), Is.EqualTo(0x0030_0000u), "DBA");
        Assert.That(AhciCommandBuilder.Read32(prdt, 4), Is.Zero, "DBAU");
        Assert.That(AhciCommandBuilder.Read32(prdt, 12), Is.EqualTo(0x8000_0000u | 511), "I bit and byte count - 1");
    }

    [Test]
    public void LargeBufferIsSplitIn4MiBEntries()
    {
        byte[] prdt = new byte[16 * 4];
        ulong bytes = (4UL << 20) * 2 + 1024;

        int entries = AhciCommandBuilder.WritePrdTable(prdt, 0x1_0000_0000, bytes, 4);

        Assert.That(entries, Is.EqualTo(3));
        Assert.That(AhciCommandBuilder.Read32(prdt, 16 + 0), Is.EqualTo(0x0040_0000u));
        Assert.That(AhciCommandBuilder.Read32(prdt, 16 + 4), Is.EqualTo(1u));
        Assert.That(AhciCommandBuilder.Read32(prdt, 12), Is.EqualTo((4u << 20) - 1), "full entries have no I bit");
        Assert.That(AhciCommandBuilder.Read32(prdt, 32 + 0), Is.EqualTo(0x0080_0000u));
        Assert.That(AhciCommandBuilder.Read32(prdt, 32 + 12), Is.EqualTo(0x8000_0000u | 1023));
    }

    [TestCase(0x1001UL, 512UL, TestName = "OddAddressIsRejected")]
    [TestCase(0x1000UL, 511UL, TestName = "OddCountIsRejected")]
    [TestCase(0x1000UL, 0UL, TestName = "EmptyTransferIsRejected")]
    [TestCase(0x1000UL, (4UL << 20) * 3, TestName = "TooManyEntriesIsRejected")]
    public void InvalidBuffers(ulong physical, ulong bytes)
    {
        Assert.That(AhciCommandBuilder.WritePrdTable(new byte[16 * 2], physical, bytes, 2), Is.EqualTo(-1));
    }
}
