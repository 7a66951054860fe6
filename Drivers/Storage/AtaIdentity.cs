using System;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// What IDENTIFY DEVICE says about a disk (ACS-3, table "IDENTIFY DEVICE data"): model,
/// serial and firmware strings, addressing features, capacity and DMA modes. Parsing is pure, so
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
    private const int FieldValidityWord = 53;
    private const int Lba28CountWord = 60;
    private const int MultiwordDmaWord = 63;
    private const int CommandSetsSupportedWord = 83;
    private const int CommandSetsEnabledWord = 86;
    private const int UltraDmaWord = 88;
    private const int Lba48CountWord = 100;
    private const int SectorSizeWord = 106;
    private const int LogicalSectorWordsWord = 117;

    private const int DmaSupportedBit = 1 << 8;        // word 49
    private const int LbaSupportedBit = 1 << 9;        // word 49
    private const int UltraDmaValidBit = 1 << 2;       // word 53: word 88 is valid
    private const int MultiwordDmaModeMask = 0x07;     // word 63: modes 0-2 (bits 2:0 supported, 10:8 selected)
    private const int UltraDmaModeMask = 0x7F;         // word 88: modes 0-6 (bits 6:0 supported, 14:8 selected)
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

    /// <summary>The device moves data by DMA (word 49 bit 8): READ/WRITE DMA and their EXT forms.</summary>
    public bool SupportsDma { get; private set; }

    /// <summary>Multiword DMA modes supported: bit n for mode n (word 63 bits 2:0).</summary>
    public byte MultiwordDmaModes { get; private set; }

    /// <summary>The multiword DMA mode selected now, as a one-bit mask (word 63 bits 10:8); 0 for none.</summary>
    public byte MultiwordDmaSelected { get; private set; }

    /// <summary>Ultra DMA modes supported: bit n for mode n (word 88 bits 6:0, when word 53 bit 2 says word 88 is valid).</summary>
    public byte UltraDmaModes { get; private set; }

    /// <summary>The Ultra DMA mode selected now, as a one-bit mask (word 88 bits 14:8); 0 for none.</summary>
    public byte UltraDmaSelected { get; private set; }

    /// <summary>
    /// The SET FEATURES transfer-mode value of the DMA mode the device runs in now (UDMA
    /// before multiword DMA), or 0 when none is selected.
    /// </summary>
    public byte SelectedDmaMode =>
        UltraDmaSelected != 0 ? TransferMode(AtaCommand.TransferModeUltraDma, UltraDmaSelected)
        : MultiwordDmaSelected != 0 ? TransferMode(AtaCommand.TransferModeMultiwordDma, MultiwordDmaSelected)
        : (byte)0;

    /// <summary>
    /// The SET FEATURES transfer-mode value of the fastest DMA mode the device offers (the
    /// highest UDMA mode, else the highest multiword DMA mode), or 0 when it offers none.
    /// </summary>
    public byte BestDmaMode =>
        !SupportsDma ? (byte)0
        : UltraDmaModes != 0 ? TransferMode(AtaCommand.TransferModeUltraDma, UltraDmaModes)
        : MultiwordDmaModes != 0 ? TransferMode(AtaCommand.TransferModeMultiwordDma, MultiwordDmaModes)
        : (byte)0;

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
            SupportsDma = (Word(data, CapabilitiesWord) & DmaSupportedBit) != 0,
            MultiwordDmaModes = (byte)(Word(data, MultiwordDmaWord) & MultiwordDmaModeMask),
            MultiwordDmaSelected = (byte)((Word(data, MultiwordDmaWord) >> 8) & MultiwordDmaModeMask),
        };
        if ((Word(data, FieldValidityWord) & UltraDmaValidBit) != 0)
        {
            identity.UltraDmaModes = (byte)(Word(data, UltraDmaWord) & UltraDmaModeMask);
            identity.UltraDmaSelected = (byte)((Word(data, UltraDmaWord) >> 8) & UltraDmaModeMask);
        }

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

    /// <summary>"udma5", "mwdma2" for a SET FEATURES transfer-mode value; "pio" for anything else.</summary>
    public static string DmaModeName(byte transferMode)
    {
        int mode = transferMode & 0x07;
        switch (transferMode & ~0x07)
        {
            case AtaCommand.TransferModeUltraDma: return "udma" + mode.ToString();
            case AtaCommand.TransferModeMultiwordDma: return "mwdma" + mode.ToString();
            default: return "pio";
        }
    }

    // The transfer-mode value for the highest mode in a mask (bit n = mode n).
    private static byte TransferMode(byte kind, byte modes)
    {
        int highest = 0;
        for (int mode = 0; mode < 8; mode++)
        {
            if ((modes & (1 << mode)) != 0)
                highest = mode;
        }
        return (byte)(kind | highest);
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
