using System;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// What IDENTIFY DEVICE says about a disk (ACS-3, table "IDENTIFY DEVICE data"): model,
/// serial and firmware strings, addressing features and capacity. Parsing is pure, so
/// it is tested on the host against hand-made identify blocks.
/// </summary>
public sealed class AtaIdentity
{
    /// <summary>IDENTIFY returns one 512-byte block of 256 little-endian words.</summary>
    public const int Size = 512;

    private const int SerialWord = 10, SerialWords = 10;
    private const int FirmwareWord = 23, FirmwareWords = 4;
    private const int ModelWord = 27, ModelWords = 20;
    private const int CapabilitiesWord = 49;
    private const int Lba28CountWord = 60;
    private const int CommandSetsSupportedWord = 83;
    private const int CommandSetsEnabledWord = 86;
    private const int Lba48CountWord = 100;
    private const int SectorSizeWord = 106;
    private const int LogicalSectorWordsWord = 117;

    private const int LbaSupportedBit = 1 << 9;        // word 49
    private const int Lba48Bit = 1 << 10;              // words 83 and 86
    private const int SectorSizeValidMask = 0xC000;    // word 106 bits 15:14 = 01b: the word is valid
    private const int SectorSizeValid = 0x4000;
    private const int LongLogicalSectorBit = 1 << 12;  // word 106: words 117–118 give the logical sector size

    private AtaIdentity()
    {
    }

    public string Model { get; private set; }

    public string Serial { get; private set; }

    public string Firmware { get; private set; }

    /// <summary>LBA addressing (every ATA disk since ATA-1 era; required from ATA-6).</summary>
    public bool SupportsLba { get; private set; }

    /// <summary>48-bit commands (READ/WRITE ... EXT, FLUSH CACHE EXT) are supported and enabled.</summary>
    public bool SupportsLba48 { get; private set; }

    /// <summary>Addressable sectors: words 100–103 when LBA48 is on, otherwise words 60–61.</summary>
    public ulong SectorCount { get; private set; }

    /// <summary>Bytes per logical sector: 512 unless word 106 says otherwise.</summary>
    public int LogicalSectorSize { get; private set; }

    /// <summary>Parses a 512-byte IDENTIFY DEVICE block; null if it is too short.</summary>
    public static AtaIdentity Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < Size)
            return null;

        var identity = new AtaIdentity
        {
            Model = ReadString(data, ModelWord, ModelWords),
            Serial = ReadString(data, SerialWord, SerialWords),
            Firmware = ReadString(data, FirmwareWord, FirmwareWords),
            SupportsLba = (Word(data, CapabilitiesWord) & LbaSupportedBit) != 0,
        };

        bool lba48 = (Word(data, CommandSetsSupportedWord) & Lba48Bit) != 0 && (Word(data, CommandSetsEnabledWord) & Lba48Bit) != 0;
        ulong count48 = lba48
            ? Word(data, Lba48CountWord) | ((ulong)Word(data, Lba48CountWord + 1) << 16)
                | ((ulong)Word(data, Lba48CountWord + 2) << 32) | ((ulong)Word(data, Lba48CountWord + 3) << 48)
            : 0;
        ulong count28 = Word(data, Lba28CountWord) | ((ulong)Word(data, Lba28CountWord + 1) << 16);
        identity.SupportsLba48 = lba48;
        identity.SectorCount = count48 != 0 ? count48 : count28;

        int sectorSize = 512;
        int sizeInfo = Word(data, SectorSizeWord);
        if ((sizeInfo & SectorSizeValidMask) == SectorSizeValid && (sizeInfo & LongLogicalSectorBit) != 0)
        {
            uint words = Word(data, LogicalSectorWordsWord) | ((uint)Word(data, LogicalSectorWordsWord + 1) << 16);
            if (words >= 256 && words <= 32768)
                sectorSize = (int)words * 2;
        }
        identity.LogicalSectorSize = sectorSize;
        return identity;
    }

    /// <summary>
    /// ATA strings hold two characters per word with the first in the high byte, padded
    /// with spaces: swap each pair and drop the padding.
    /// </summary>
    public static string ReadString(ReadOnlySpan<byte> data, int firstWord, int words)
    {
        var text = new char[words * 2];
        for (int i = 0; i < words; i++)
        {
            int offset = (firstWord + i) * 2;
            text[2 * i] = Printable(data[offset + 1]);
            text[2 * i + 1] = Printable(data[offset]);
        }
        int start = 0;
        int end = text.Length;
        while (start < end && text[start] == ' ')
            start++;
        while (end > start && text[end - 1] == ' ')
            end--;
        return new string(text, start, end - start);
    }

    private static char Printable(byte value) => value >= 0x20 && value < 0x7F ? (char)value : ' ';

    private static ushort Word(ReadOnlySpan<byte> data, int index) => (ushort)(data[index * 2] | (data[index * 2 + 1] << 8));
}
