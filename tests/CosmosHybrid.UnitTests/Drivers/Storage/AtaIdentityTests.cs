using System;
using System.Text;
using CosmosHybrid.Drivers.Storage;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Storage;

/// <summary>IDENTIFY DEVICE decoding against hand-made 512-byte blocks laid out as ACS-3 describes.</summary>
public class AtaIdentityTests
{
    [Test]
    public void DecodesByteSwappedStringsWithoutPadding()
    {
        byte[] block = Block();
        PutString(block, 27, 20, "QEMU HARDDISK");
        PutString(block, 10, 10, "  QM00001");
        PutString(block, 23, 4, "2.5+");

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.Model, Is.EqualTo("QEMU HARDDISK"));
        Assert.That(identity.Serial, Is.EqualTo("QM00001"));
        Assert.That(identity.Firmware, Is.EqualTo("2.5+"));
    }

    [Test]
    public void OddLengthStringsAndUnprintableBytes()
    {
        byte[] block = Block();
        PutString(block, 27, 20, "ABC");
        block[28 * 2] = 0x07;   // a control character where the padding after "C" should be

        Assert.That(AtaIdentity.Parse(block).Model, Is.EqualTo("ABC"));
    }

    [Test]
    public void Lba28DiskUsesWords60And61()
    {
        byte[] block = Block();
        PutWord(block, 49, 1 << 9);
        PutWord(block, 60, 0x8000);
        PutWord(block, 61, 0x0001);     // 0x18000 sectors

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.SupportsLba, Is.True);
        Assert.That(identity.SupportsLba48, Is.False);
        Assert.That(identity.SectorCount, Is.EqualTo(0x18000UL));
        Assert.That(identity.LogicalSectorSize, Is.EqualTo(512));
    }

    [Test]
    public void Lba48DiskUsesWords100To103()
    {
        byte[] block = Block();
        PutWord(block, 49, 1 << 9);
        PutWord(block, 60, 0xFFFF);
        PutWord(block, 61, 0x0FFF);     // saturated 28-bit count
        PutWord(block, 83, 1 << 10);
        PutWord(block, 86, 1 << 10);
        PutWord(block, 100, 0x0000);
        PutWord(block, 101, 0x1900);
        PutWord(block, 102, 0x0000);    // 0x19000000 sectors = 200 GiB

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.SupportsLba48, Is.True);
        Assert.That(identity.SectorCount, Is.EqualTo(0x1900_0000UL));
    }

    [Test]
    public void Lba48SupportedButNotEnabledFallsBackTo28Bit()
    {
        byte[] block = Block();
        PutWord(block, 83, 1 << 10);
        PutWord(block, 60, 1000);
        PutWord(block, 100, 5000);

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.SupportsLba48, Is.False);
        Assert.That(identity.SectorCount, Is.EqualTo(1000UL));
    }

    [Test]
    public void LongLogicalSectorsFromWords117And118()
    {
        byte[] block = Block();
        PutWord(block, 106, 0x4000 | (1 << 12));
        PutWord(block, 117, 2048);      // words: 4096 bytes

        Assert.That(AtaIdentity.Parse(block).LogicalSectorSize, Is.EqualTo(4096));

        PutWord(block, 106, 0x8000 | (1 << 12));   // word 106 not valid: ignored
        Assert.That(AtaIdentity.Parse(block).LogicalSectorSize, Is.EqualTo(512));
    }

    [Test]
    public void DmaModesFromWords49_63_And88()
    {
        byte[] block = Block();
        PutWord(block, 49, (1 << 9) | (1 << 8));
        PutWord(block, 53, 0x0007);
        PutWord(block, 63, 0x0007);              // MWDMA 0-2, none selected
        PutWord(block, 88, 0x003F);              // UDMA 0-5, none selected

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.SupportsDma, Is.True);
        Assert.That(identity.MultiwordDmaModes, Is.EqualTo(0x07));
        Assert.That(identity.UltraDmaModes, Is.EqualTo(0x3F));
        Assert.That(identity.SelectedDmaMode, Is.EqualTo(0), "nothing selected yet");
        Assert.That(identity.BestDmaMode, Is.EqualTo(0x45), "UDMA mode 5 for SET FEATURES");
        Assert.That(AtaIdentity.DmaModeName(identity.BestDmaMode), Is.EqualTo("udma5"));

        PutWord(block, 88, 0x003F | (1 << 10));  // UDMA 2 selected
        Assert.That(AtaIdentity.Parse(block).SelectedDmaMode, Is.EqualTo(0x42));
    }

    [Test]
    public void UltraDmaWordCountsOnlyWhenWord53SaysItIsValid()
    {
        byte[] block = Block();
        PutWord(block, 49, 1 << 8);
        PutWord(block, 63, 0x0003 | (1 << 9));   // MWDMA 0-1, mode 1 selected
        PutWord(block, 88, 0x003F | (1 << 13));  // garbage: word 53 bit 2 is clear

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.UltraDmaModes, Is.EqualTo(0));
        Assert.That(identity.BestDmaMode, Is.EqualTo(0x21));
        Assert.That(identity.SelectedDmaMode, Is.EqualTo(0x21));
        Assert.That(AtaIdentity.DmaModeName(identity.SelectedDmaMode), Is.EqualTo("mwdma1"));
    }

    [Test]
    public void NoDmaWithoutWord49Bit8()
    {
        byte[] block = Block();
        PutWord(block, 49, 1 << 9);
        PutWord(block, 53, 0x0004);
        PutWord(block, 63, 0x0007);
        PutWord(block, 88, 0x003F);

        AtaIdentity identity = AtaIdentity.Parse(block);

        Assert.That(identity.SupportsDma, Is.False);
        Assert.That(identity.BestDmaMode, Is.EqualTo(0));
        Assert.That(AtaIdentity.DmaModeName(0), Is.EqualTo("pio"));
    }

    [Test]
    public void ShortBlockIsRejected()
    {
        Assert.That(AtaIdentity.Parse(new byte[100]), Is.Null);
    }

    private static byte[] Block() => new byte[AtaIdentity.Size];

    private static void PutWord(byte[] block, int word, int value)
    {
        block[word * 2] = (byte)value;
        block[word * 2 + 1] = (byte)(value >> 8);
    }

    // ATA strings: space padded, two characters per word, first character in the high byte.
    private static void PutString(byte[] block, int firstWord, int words, string text)
    {
        byte[] padded = Encoding.ASCII.GetBytes(text.PadRight(words * 2));
        for (int i = 0; i < words; i++)
        {
            block[(firstWord + i) * 2] = padded[2 * i + 1];
            block[(firstWord + i) * 2 + 1] = padded[2 * i];
        }
    }
}
