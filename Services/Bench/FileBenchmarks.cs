using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// File costs through the system calls, on the root RAM disk and, when a hard disk is
/// mounted, on /disk (through the buffer cache): a 4 MiB file written in 64 KiB calls and
/// synced, read back in 64 KiB calls, and a 4 KiB read at a given offset (seek + read, like
/// Linux's pread) from data in memory. Under -icount shift=0 a tick is an instruction and
/// a virtual nanosecond, so the throughputs are in virtual time.
/// </summary>
internal static unsafe class FileBenchmarks
{
    private const int Trials = 7;
    private const int StreamTrials = 3;
    private const int ChunkBytes = 64 * 1024;
    private const int FileBytes = 4 * 1024 * 1024;
    private const int SmallReads = 1000;
    private const int SmallBytes = 4096;

    public static void Run()
    {
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, ChunkBytes / 4096);
        if ((long)buffer < 0)
            return;
        for (int i = 0; i < ChunkBytes; i++)
            buffer[i] = (byte)(i * 7);
        Measure("/", "ramdisk", buffer);
        if (FileCalls.Stat("/disk", out FileStatus status) == 0 && status.Type == FileType.Directory)
            Measure("/disk", "disk", buffer);
    }

    private static void Measure(string directory, string label, byte* buffer)
    {
        string path = directory == "/" ? "/bench.tmp" : directory + "/bench.tmp";
        ulong write = Median(StreamTrials, &WriteFile, path, buffer);
        ulong read = Median(StreamTrials, &ReadFile, path, buffer);
        ulong small = SmallRead(path, buffer, positioned: true);
        ulong seekRead = SmallRead(path, buffer, positioned: false);
        FileCalls.Unlink(path);
        FileCalls.Sync();
        if (write == 0 || read == 0 || small == 0)
        {
            System.Console.WriteLine("bench: file benchmarks on " + directory + " failed");
            return;
        }
        Benchmarks.Report("file_write_seq_" + label + " (4 MiB in 64 KiB writes + sync, " + directory + ", per 64 KiB)", write / (FileBytes / ChunkBytes), "ticks");
        Benchmarks.Report("file_write_seq_" + label + " throughput", Throughput(write), "MiB/s virtual");
        Benchmarks.Report("file_read_seq_" + label + " (4 MiB in 64 KiB reads, " + directory + ", per 64 KiB)", read / (FileBytes / ChunkBytes), "ticks");
        Benchmarks.Report("file_read_seq_" + label + " throughput", Throughput(read), "MiB/s virtual");
        Benchmarks.Report("file_read_4k_" + label + " (pread of 4 KiB of cached data, " + directory + ")", small, "ticks", "file_read_4k");
        Benchmarks.Report("file_seek_read_4k_" + label + " (seek + read of 4 KiB, two calls, " + directory + ")", seekRead, "ticks");
    }

    // MiB per virtual second for 4 MiB in 'ticks' virtual nanoseconds.
    private static ulong Throughput(ulong ticks) => ticks == 0 ? 0 : 4UL * 1_000_000_000UL / ticks;

    private static ulong Median(int trials, delegate*<string, byte*, ulong> measure, string path, byte* buffer)
    {
        ulong[] samples = new ulong[trials];
        for (int i = 0; i < trials; i++)
        {
            samples[i] = measure(path, buffer);
            if (samples[i] == 0)
                return 0;
        }
        return Benchmarks.Median(samples);
    }

    private static ulong WriteFile(string path, byte* buffer)
    {
        ulong start = Benchmarks.ReadTimestamp();
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
            return 0;
        for (int done = 0; done < FileBytes; done += ChunkBytes)
        {
            if (FileCalls.Write(fd, buffer, ChunkBytes) != ChunkBytes)
            {
                FileCalls.Close(fd);
                return 0;
            }
        }
        FileCalls.Close(fd);
        FileCalls.Sync();
        return Benchmarks.ReadTimestamp() - start;
    }

    private static ulong ReadFile(string path, byte* buffer)
    {
        ulong start = Benchmarks.ReadTimestamp();
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return 0;
        long total = 0;
        long read;
        while ((read = FileCalls.Read(fd, buffer, ChunkBytes)) > 0)
            total += read;
        FileCalls.Close(fd);
        return total == FileBytes ? Benchmarks.ReadTimestamp() - start : 0;
    }

    // 4 KiB at a page-aligned offset in the first 64 KiB (held in memory after a warm-up
    // pass) into a page-aligned buffer: one pread-like call, or a seek and a read.
    private static ulong SmallRead(string path, byte* buffer, bool positioned)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return 0;
        for (int i = 0; i < 16; i++)
        {
            FileCalls.Seek(fd, i * SmallBytes, FileSeekOrigin.Begin);
            FileCalls.Read(fd, buffer, SmallBytes);
        }
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < SmallReads; i++)
            {
                long read;
                if (positioned)
                {
                    read = FileCalls.ReadAt(fd, buffer, SmallBytes, (i & 15) * SmallBytes);
                }
                else
                {
                    FileCalls.Seek(fd, (i & 15) * SmallBytes, FileSeekOrigin.Begin);
                    read = FileCalls.Read(fd, buffer, SmallBytes);
                }
                if (read != SmallBytes)
                {
                    FileCalls.Close(fd);
                    return 0;
                }
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / SmallReads;
        }
        FileCalls.Close(fd);
        return Benchmarks.Median(samples);
    }
}
