using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>
/// The file rows, timed the same way on any <see cref="IPlacedFiles"/>: 4 KiB cached
/// read, 4 MiB sequential write (with sync) and read in 64 KiB calls, create, stat and unlink
/// of an empty file. Medians of rdtsc; measured, never asserted.
/// </summary>
internal static unsafe class PlacementBench
{
    private const int Trials = 5;
    private const int FileBytes = 4 * 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;
    private const int SmallBytes = 4096;
    private const int SmallReads = 200;
    private const int MetadataFiles = 16;

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    /// <summary>Measures on <paramref name="files"/>, in <paramref name="directory"/> ("/" or "/disk").</summary>
    public static PlacementFigures Measure(IPlacedFiles files, string directory, byte* buffer)
    {
        string prefix = directory == "/" ? "/" : directory + "/";
        string path = prefix + "placebench.bin";
        var figures = new PlacementFigures();
        for (int i = 0; i < ChunkBytes; i++)
            buffer[i] = (byte)(i * 7 + 1);

        ulong[] writes = new ulong[Trials];
        ulong[] reads = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            writes[trial] = WriteFile(files, path, buffer) / (FileBytes / ChunkBytes);
            reads[trial] = ReadFile(files, path, buffer) / (FileBytes / ChunkBytes);
        }
        figures.SequentialWrite = Median(writes);
        figures.SequentialRead = Median(reads);
        figures.CachedRead4K = CachedRead(files, path, buffer);
        files.Unlink(path);
        Metadata(files, prefix, ref figures);
        files.Sync();
        return figures;
    }

    private static ulong WriteFile(IPlacedFiles files, string path, byte* buffer)
    {
        ulong start = ReadTimestamp();
        long file = files.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (file < 0)
            return 0;
        for (int done = 0; done < FileBytes; done += ChunkBytes)
        {
            if (files.Write(file, buffer, ChunkBytes) != ChunkBytes)
            {
                files.Close(file);
                return 0;
            }
        }
        files.Close(file);
        if (!files.Sync())
            return 0;
        return ReadTimestamp() - start;
    }

    private static ulong ReadFile(IPlacedFiles files, string path, byte* buffer)
    {
        ulong start = ReadTimestamp();
        long file = files.Open(path, FileOpenFlags.Read);
        if (file < 0)
            return 0;
        long total = 0;
        long read;
        while ((read = files.Read(file, buffer, ChunkBytes)) > 0)
            total += read;
        files.Close(file);
        return total == FileBytes ? ReadTimestamp() - start : 0;
    }

    // 4 KiB at page-aligned offsets of the file's first 64 KiB, held in the cache after a warm-up pass.
    private static ulong CachedRead(IPlacedFiles files, string path, byte* buffer)
    {
        long file = files.Open(path, FileOpenFlags.Read);
        if (file < 0)
            return 0;
        for (int i = 0; i < 16; i++)
            files.ReadAt(file, buffer, SmallBytes, i * SmallBytes);
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = ReadTimestamp();
            for (int i = 0; i < SmallReads; i++)
            {
                if (files.ReadAt(file, buffer, SmallBytes, (i & 15) * SmallBytes) != SmallBytes)
                {
                    files.Close(file);
                    return 0;
                }
            }
            samples[trial] = (ReadTimestamp() - start) / SmallReads;
        }
        files.Close(file);
        return Median(samples);
    }

    // Per operation, over a batch of empty files: create (open + close), stat, unlink.
    private static void Metadata(IPlacedFiles files, string prefix, ref PlacementFigures figures)
    {
        string[] names = new string[MetadataFiles];
        for (int i = 0; i < MetadataFiles; i++)
            names[i] = prefix + "meta" + i.ToString() + ".tmp";
        ulong[] creates = new ulong[Trials];
        ulong[] stats = new ulong[Trials];
        ulong[] unlinks = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = ReadTimestamp();
            for (int i = 0; i < MetadataFiles; i++)
            {
                long file = files.Open(names[i], FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Exclusive);
                if (file < 0)
                    return;
                files.Close(file);
            }
            creates[trial] = (ReadTimestamp() - start) / MetadataFiles;

            start = ReadTimestamp();
            for (int i = 0; i < MetadataFiles; i++)
            {
                if (!files.Stat(names[i]))
                    return;
            }
            stats[trial] = (ReadTimestamp() - start) / MetadataFiles;

            start = ReadTimestamp();
            for (int i = 0; i < MetadataFiles; i++)
            {
                if (!files.Unlink(names[i]))
                    return;
            }
            unlinks[trial] = (ReadTimestamp() - start) / MetadataFiles;
        }
        figures.Create = Median(creates);
        figures.Stat = Median(stats);
        figures.Unlink = Median(unlinks);
    }

    private static ulong Median(ulong[] samples)
    {
        for (int i = 1; i < samples.Length; i++)
        {
            ulong value = samples[i];
            int j = i - 1;
            while (j >= 0 && samples[j] > value)
            {
                samples[j + 1] = samples[j];
                j--;
            }
            samples[j + 1] = value;
        }
        for (int i = 0; i < samples.Length; i++)
        {
            if (samples[i] == 0)
                return 0; // a failed trial: no figure
        }
        return samples[samples.Length / 2];
    }
}
