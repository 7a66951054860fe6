using System;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Drivers.Storage.Ahci;
using CosmosHybrid.Drivers.Storage.Ata;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// The <c>disktest</c> boot option: for every disk found, print what it is, read the
/// sectors the <see cref="DiskTestPlan"/> names (checksum and first bytes), write the test
/// pattern where asked, flush, and read it back both into a heap buffer and into a
/// stack buffer (for AHCI, the direct-DMA and the bounce-buffer paths). The boot tests
/// compare the lines with the disk image they made, and the image with the pattern.
/// </summary>
internal static class DiskTest
{
    private const string Prefix = "disktest: ";

    public static void Run(string arguments)
    {
        DiskTestPlan plan = DiskTestPlan.Parse(arguments);
        if (plan.Error != null)
        {
            KernelLog.WriteLine(Prefix + "bad argument: " + plan.Error);
            return;
        }
        KernelLog.WriteLine(Prefix + DiskRegistry.Count.ToString() + " disks");
        for (int i = 0; i < DiskRegistry.Count; i++)
            Test(DiskRegistry.Get(i), plan);
        KernelLog.WriteLine(Prefix + "done");
    }

    private static void Test(Disk disk, DiskTestPlan plan)
    {
        IBlockDevice device = disk.Device;
        string name = Prefix + disk.Name + " ";
        KernelLog.WriteLine(name + "driver=" + disk.Driver + " model='" + disk.Model + "' sectors=" + device.SectorCount.ToString()
            + " sector-size=" + device.SectorSize.ToString());

        for (int i = 0; i < plan.ReadCount; i++)
        {
            ulong lba = DiskTestPlan.Resolve(plan.GetReadLba(i), device.SectorCount);
            byte[] data = new byte[plan.GetReadSectors(i) * device.SectorSize];
            StorageError error = device.Read(lba, data);
            KernelLog.WriteLine(name + "read " + lba.ToString() + "+" + plan.GetReadSectors(i).ToString() + ": "
                + (error == StorageError.Ok ? "ok " + Summary(data) : ErrorName(error)));
        }

        // Past the end must be refused without touching the device.
        byte[] one = new byte[device.SectorSize];
        KernelLog.WriteLine(name + "read past end: " + ErrorName(device.Read(device.SectorCount, one)));

        if (plan.HasWrite)
            TestWrite(disk, DiskTestPlan.Resolve(plan.WriteLba, device.SectorCount), plan.WriteSectors);

        if (plan.BenchMiB != 0)
            Bench(disk, plan.BenchMiB);

        if (disk.Device is AhciDisk ahci)
        {
            KernelLog.WriteLine(name + "irq=" + ahci.Port.Controller.Irq.ToString() + " interrupts=" + ahci.Port.InterruptCount.ToString()
                + " errors=" + ahci.Port.ErrorCount.ToString());
        }
        if (disk.Device is AtaDrive ata)
        {
            AtaBusMaster engine = ata.Channel.BusMaster;
            KernelLog.WriteLine(name + "mode=" + AtaIdentity.DmaModeName(ata.DmaMode) + " irq=" + (engine != null ? engine.Irq : -1).ToString()
                + " interrupts=" + (engine != null ? engine.InterruptCount : 0).ToString() + " dma-commands=" + ata.DmaCommands.ToString()
                + " pio-commands=" + ata.PioCommands.ToString() + " fallbacks=" + ata.DmaFallbacks.ToString());
        }
    }

    private static unsafe void TestWrite(Disk disk, ulong lba, int sectors)
    {
        IBlockDevice device = disk.Device;
        string name = Prefix + disk.Name + " ";
        int sectorSize = device.SectorSize;
        byte[] data = new byte[sectors * sectorSize];
        for (int s = 0; s < sectors; s++)
        {
            for (int i = 0; i < sectorSize; i++)
                data[s * sectorSize + i] = DiskTestPlan.PatternByte(lba + (ulong)s, i);
        }
        StorageError error = device.Write(lba, data);
        KernelLog.WriteLine(name + "write " + lba.ToString() + "+" + sectors.ToString() + ": "
            + (error == StorageError.Ok ? "ok " + Summary(data) : ErrorName(error)));
        if (error != StorageError.Ok)
            return;
        KernelLog.WriteLine(name + "flush: " + ErrorName(device.Flush()));

        byte[] back = new byte[data.Length];
        error = device.Read(lba, back);
        KernelLog.WriteLine(name + "readback heap: " + (error != StorageError.Ok ? ErrorName(error) : Same(data, back) ? "match" : "MISMATCH"));

        // A stack buffer is outside the direct map: AHCI bounces it.
        byte* stack = stackalloc byte[sectorSize];
        var stackSpan = new Span<byte>(stack, sectorSize);
        error = device.Read(lba, stackSpan);
        KernelLog.WriteLine(name + "readback stack: "
            + (error != StorageError.Ok ? ErrorName(error) : Same(new Span<byte>(data, 0, sectorSize), stackSpan) ? "match" : "MISMATCH"));
    }

    // Sequential read from sector 0 in 64 KiB requests, timed with the 1 kHz system clock.
    private static void Bench(Disk disk, int mebibytes)
    {
        const int RequestBytes = 64 * 1024;
        IBlockDevice device = disk.Device;
        ulong bytes = (ulong)mebibytes * 1024 * 1024;
        if (bytes > disk.SizeBytes)
            bytes = disk.SizeBytes - disk.SizeBytes % RequestBytes;
        byte[] buffer = new byte[RequestBytes];
        ulong sectorsPerRequest = (ulong)(RequestBytes / device.SectorSize);
        ulong start = SystemClock.Ticks;
        ulong done = 0;
        StorageError error = StorageError.Ok;
        for (ulong lba = 0; done < bytes && error == StorageError.Ok; lba += sectorsPerRequest, done += RequestBytes)
            error = device.Read(lba, buffer);
        ulong milliseconds = (SystemClock.Ticks - start) * 1000 / SystemClock.TicksPerSecond;
        if (milliseconds == 0)
            milliseconds = 1;
        KernelLog.WriteLine(Prefix + disk.Name + " bench read " + (done / 1024).ToString() + " KiB in 64 KiB requests: "
            + (error != StorageError.Ok ? ErrorName(error) : milliseconds.ToString() + " ms, " + (done * 1000 / milliseconds / 1024).ToString() + " KiB/s"));
    }

    private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }

    // "sum=0x1234abcd bytes=00 01 02 ... (16 bytes)"
    private static string Summary(ReadOnlySpan<byte> data)
    {
        char[] hex = new char[16 * 3 - 1];
        for (int i = 0; i < 16 && i < data.Length; i++)
        {
            hex[i * 3] = HexDigit(data[i] >> 4);
            hex[i * 3 + 1] = HexDigit(data[i] & 0xF);
            if (i < 15)
                hex[i * 3 + 2] = ' ';
        }
        return "sum=0x" + DiskTestPlan.Checksum(data).ToString("x8") + " bytes=" + new string(hex);
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    public static string ErrorName(StorageError error)
    {
        switch (error)
        {
            case StorageError.Ok: return "ok";
            case StorageError.IoError: return "IoError";
            case StorageError.InvalidArgument: return "InvalidArgument";
            case StorageError.NotSupported: return "NotSupported";
            default: return "error " + ((int)error).ToString();
        }
    }
}
