using System;

namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// Lays out the in-memory structures an AHCI port reads (section 4.2 of AHCI 1.3.1):
/// a command header in the command list, the host-to-device register FIS in the
/// command table, and the physical region descriptor table (PRDT) describing the data
/// buffer. Pure byte layout over spans, so it is tested on the host.
/// </summary>
public static class AhciCommandBuilder
{
    public const int CommandHeaderSize = 32;
    public const int CommandTableFisOffset = 0x00;
    public const int CommandTablePrdtOffset = 0x80;
    public const int PrdEntrySize = 16;

    /// <summary>A PRD covers at most 4 MiB (22-bit byte count).</summary>
    public const uint MaxBytesPerPrd = 4u << 20;

    /// <summary>The register FIS is 20 bytes: 5 dwords.</summary>
    public const int RegisterFisDwords = 5;

    private const byte FisTypeRegisterHostToDevice = 0x27;
    private const byte FisCommandBit = 0x80;          // byte 1 bit 7: the FIS carries a command
    private const uint HeaderWrite = 1u << 6;         // W: data goes host to device
    private const int HeaderPrdCountShift = 16;       // PRDTL
    private const uint PrdInterruptOnCompletion = 1u << 31;

    /// <summary>
    /// Fills a 32-byte command header: FIS length, direction, PRDT length, byte count
    /// cleared (the HBA counts transferred bytes there) and the command table's address,
    /// which must be 128-byte aligned.
    /// </summary>
    public static void WriteCommandHeader(Span<byte> header, bool write, int prdCount, ulong commandTablePhysical)
    {
        header.Slice(0, CommandHeaderSize).Clear();
        uint flags = (uint)RegisterFisDwords | (write ? HeaderWrite : 0) | ((uint)prdCount << HeaderPrdCountShift);
        Write32(header, 0, flags);
        Write32(header, 4, 0);
        Write32(header, 8, (uint)commandTablePhysical);
        Write32(header, 12, (uint)(commandTablePhysical >> 32));
    }

    /// <summary>
    /// Fills a host-to-device register FIS with an ATA command: 48-bit LBA split over
    /// the low and "previous" bytes, a 16-bit sector count, and the device register.
    /// </summary>
    public static void WriteRegisterFis(Span<byte> fis, byte command, ulong lba, ushort count, byte device)
    {
        fis.Slice(0, 64).Clear();
        fis[0] = FisTypeRegisterHostToDevice;
        fis[1] = FisCommandBit;
        fis[2] = command;
        fis[3] = 0;                    // features 7:0
        fis[4] = (byte)lba;
        fis[5] = (byte)(lba >> 8);
        fis[6] = (byte)(lba >> 16);
        fis[7] = device;
        fis[8] = (byte)(lba >> 24);
        fis[9] = (byte)(lba >> 32);
        fis[10] = (byte)(lba >> 40);
        fis[11] = 0;                   // features 15:8
        fis[12] = (byte)count;
        fis[13] = (byte)(count >> 8);
    }

    /// <summary>
    /// Describes <paramref name="byteCount"/> bytes of physically contiguous memory at
    /// <paramref name="physical"/> with as few PRDs as possible (4 MiB each), the last one
    /// asking for an interrupt. Returns the number of entries, or -1 when the buffer is
    /// not word aligned, the count is odd or zero, or more than <paramref name="maxEntries"/>
    /// entries would be needed.
    /// </summary>
    public static int WritePrdTable(Span<byte> prdt, ulong physical, ulong byteCount, int maxEntries)
    {
        if (byteCount == 0 || (byteCount & 1) != 0 || (physical & 1) != 0)
            return -1;
        int entries = (int)((byteCount + MaxBytesPerPrd - 1) / MaxBytesPerPrd);
        if (entries > maxEntries || entries * PrdEntrySize > prdt.Length)
            return -1;
        for (int i = 0; i < entries; i++)
        {
            ulong chunk = byteCount > MaxBytesPerPrd ? MaxBytesPerPrd : byteCount;
            Span<byte> entry = prdt.Slice(i * PrdEntrySize, PrdEntrySize);
            Write32(entry, 0, (uint)physical);
            Write32(entry, 4, (uint)(physical >> 32));
            Write32(entry, 8, 0);
            // DBC holds the byte count minus one.
            Write32(entry, 12, (uint)(chunk - 1) | (i == entries - 1 ? PrdInterruptOnCompletion : 0));
            physical += chunk;
            byteCount -= chunk;
        }
        return entries;
    }

    public static uint Read32(ReadOnlySpan<byte> data, int offset) =>
        (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);

    private static void Write32(Span<byte> data, int offset, uint value)
    {
        data[offset] = (byte)value;
        data[offset + 1] = (byte)(value >> 8);
        data[offset + 2] = (byte)(value >> 16);
        data[offset + 3] = (byte)(value >> 24);
    }
}
