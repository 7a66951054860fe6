using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Random damage to the metadata of small images (fixed seeds, so failures reproduce):
/// whatever the damage, every operation must return an error code, without throwing and
/// within a time bound.
/// </summary>
[TestFixture]
public class FatFuzzTests : FatTestBase
{
    // FAT_FUZZ_ITERATIONS raises the count for a longer local run.
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("FAT_FUZZ_ITERATIONS"), out int iterations) ? iterations : 150;
    private static readonly TimeSpan IterationLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TotalLimit = TimeSpan.FromSeconds(40 + Iterations / 10);

    [TestCase(12, 2048, 1201)]
    [TestCase(16, 2400, 1601)]
    [TestCase(32, 34000, 3201)]
    public void RandomByteFlipsNeverThrowOrHang(int fatBits, int sizeKiB, int seed)
    {
        byte[] original = BuildImage(fatBits, sizeKiB);
        Assert.That(FatBootSector.Parse(original, (ulong)original.Length, out FatBootSector boot), Is.EqualTo(StorageError.Ok));

        // Damage lands where the live metadata is: boot sector and FSInfo, the used start of
        // the first FAT, the fixed root directory, and the first clusters (directories and
        // small files written first).
        int bytesPerSector = boot.BytesPerSector;
        var regions = new List<(int Start, int Length)>
        {
            (0, 3 * bytesPerSector),
            ((int)boot.FirstFatSector * bytesPerSector, 2 * bytesPerSector),
            ((int)boot.FirstDataSector * bytesPerSector, 64 * boot.BytesPerCluster),
        };
        if (boot.RootDirectorySectorCount > 0)
        {
            regions.Add(((int)boot.RootDirectoryFirstSector * bytesPerSector, (int)boot.RootDirectorySectorCount * bytesPerSector));
        }

        Exception failure = null;
        string failureContext = null;
        int mounted = 0;
        var worker = new Thread(() =>
        {
            var random = new Random(seed);
            for (int iteration = 0; iteration < Iterations && failure == null; iteration++)
            {
                var image = new CopyOnWriteBlockDevice(original);
                int flips = random.Next(1, 12);
                for (int i = 0; i < flips; i++)
                {
                    (int start, int length) = regions[random.Next(regions.Count)];
                    int position = start + random.Next(length);
                    if (random.Next(2) == 0)
                    {
                        image.SetByte(position, (byte)(image.GetByte(position) ^ (1 << random.Next(8))));
                    }
                    else
                    {
                        image.SetByte(position, (byte)random.Next(256));
                    }
                }

                var watch = Stopwatch.StartNew();
                try
                {
                    if (Exercise(image))
                    {
                        mounted++;
                    }
                }
                catch (Exception exception)
                {
                    failure = exception;
                    failureContext = $"iteration {iteration}";
                }

                if (failure == null && watch.Elapsed > IterationLimit)
                {
                    failure = new TimeoutException($"took {watch.Elapsed}");
                    failureContext = $"iteration {iteration}";
                }
            }
        });
        worker.IsBackground = true;
        worker.Start();
        if (!worker.Join(TotalLimit))
        {
            Assert.Fail("fuzzing did not finish in time: an operation hangs");
        }

        if (failure != null)
        {
            Assert.Fail($"{failureContext}: {failure}");
        }

        // Most damage leaves the boot sector alone, so most iterations must get past mount.
        TestContext.Out.WriteLine($"{mounted} of {Iterations} damaged images mounted");
        Assert.That(mounted, Is.GreaterThan(Iterations / 2));
    }

    private byte[] BuildImage(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB, "fuzz.img", "-s", "1");
        FatTools.MakeDirectory(image, "/Directory One");
        FatTools.MakeDirectory(image, "/Directory One/Nested");
        FatTools.Put(image, "/Directory One/Nested/deep file.txt", Pattern(700, 1));
        FatTools.Put(image, "/small.txt", Pattern(20, 2));
        FatTools.Put(image, "/A Long Name For A Multi Cluster File.bin", Pattern(6000, 3));
        for (int i = 0; i < 12; i++)
        {
            FatTools.Put(image, $"/Directory One/member number {i}.dat", Pattern(100 * i, 10 + i));
        }

        return File.ReadAllBytes(image);
    }

    // Runs a broad workload; results are ignored, only exceptions and time matter.
    // Returns false when the image did not even mount.
    private static bool Exercise(IBlockDevice image)
    {
        if (FatVolume.Mount(image, out FatVolume volume) != StorageError.Ok)
        {
            return false;
        }

        var found = new List<string>();
        Walk(volume, "/", 0, found);
        volume.GetFreeSpace(out _);

        if (volume.Open("/fuzz new file.txt", FatOpenFlags.Create, out FatFile file) == StorageError.Ok)
        {
            file.Write(new byte[3000], out _);
            file.Seek(100);
            file.Write(new byte[700], out _);
            file.SetLength(500);
            file.Append(new byte[1500], out _);
            file.Close();
        }

        volume.CreateDirectory("/fuzz dir");
        volume.Rename("/fuzz new file.txt", "/fuzz dir/renamed.txt");
        volume.Delete("/fuzz dir/renamed.txt");
        volume.RemoveDirectory("/fuzz dir");

        for (int i = 0; i < found.Count && i < 6; i++)
        {
            string path = found[i];
            if (volume.Open(path, FatOpenFlags.Append, out FatFile existing) == StorageError.Ok)
            {
                existing.Write(new byte[600], out _);
                existing.Close();
            }

            volume.Rename(path, "/moved " + i);
            volume.Rename("/moved " + i, "/Directory One/moved back " + i);
            volume.Delete("/Directory One/moved back " + i);
            volume.RemoveDirectory("/Directory One/moved back " + i);
        }

        volume.Flush();
        return true;
    }

    private static void Walk(FatVolume volume, string path, int depth, List<string> found)
    {
        var entries = new List<FatEntryInfo>();
        if (volume.ReadDirectory(path, entries) != StorageError.Ok)
        {
            return;
        }

        byte[] buffer = new byte[4096];
        for (int i = 0; i < entries.Count && i < 40; i++)
        {
            string child = path + (path.EndsWith('/') ? "" : "/") + entries[i].Name;
            found.Add(child);
            volume.Stat(child, out _);
            if (entries[i].IsDirectory)
            {
                if (depth < 3)
                {
                    Walk(volume, child, depth + 1, found);
                }

                continue;
            }

            if (volume.Open(child, FatOpenFlags.None, out FatFile file) == StorageError.Ok)
            {
                while (file.Read(buffer, out int read) == StorageError.Ok && read > 0)
                {
                }

                file.Close();
            }
        }
    }
}
