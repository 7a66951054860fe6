using System;
using System.Collections.Generic;
using System.IO;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Shared setup for FAT tests: a temporary directory per test for image files, mounting
/// helpers and whole-file read/write helpers over the engine's API.
/// </summary>
public abstract class FatTestBase
{
    private readonly List<IDisposable> _devices = new List<IDisposable>();

    /// <summary>Temporary directory of the current test (removed afterwards).</summary>
    protected string WorkDirectory { get; private set; }

    [SetUp]
    public void CreateWorkDirectory()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "cosmoshybrid-fat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDirectory);
    }

    [TearDown]
    public void DeleteWorkDirectory()
    {
        foreach (IDisposable device in _devices)
        {
            device.Dispose();
        }

        _devices.Clear();
        Directory.Delete(WorkDirectory, true);
    }

    /// <summary>Formats a new image in the work directory and returns its path.</summary>
    protected string CreateImage(int fatBits, int sizeKiB, string name = "disk.img", params string[] options)
    {
        string image = Path.Combine(WorkDirectory, name);
        FatTools.Format(image, fatBits, sizeKiB, options);
        return image;
    }

    /// <summary>Mounts an image file, failing the test if that does not work.</summary>
    protected FatVolume Mount(string image)
    {
        var device = new FileBlockDevice(image);
        _devices.Add(device);
        Expect(FatVolume.Mount(device, out FatVolume volume));
        volume.Clock = new FixedClock(FatTimestamp.FromParts(2026, 11, 21, 10, 30, 0));
        return volume;
    }

    /// <summary>Asserts success.</summary>
    protected static void Expect(StorageError error) => Assert.That(error, Is.EqualTo(StorageError.Ok));

    /// <summary>Creates or replaces a file with the given contents.</summary>
    protected static void WriteFile(FatVolume volume, string path, byte[] data)
    {
        Expect(volume.Open(path, FatOpenFlags.Create | FatOpenFlags.Truncate, out FatFile file));
        Expect(file.Write(data, out int written));
        Assert.That(written, Is.EqualTo(data.Length));
        Expect(file.Close());
    }

    /// <summary>Reads a whole file through the engine, in chunks of an awkward size.</summary>
    protected static byte[] ReadFile(FatVolume volume, string path)
    {
        Expect(volume.Open(path, FatOpenFlags.None, out FatFile file));
        var result = new MemoryStream();
        byte[] buffer = new byte[1000];
        while (true)
        {
            Expect(file.Read(buffer, out int read));
            if (read == 0)
            {
                break;
            }

            result.Write(buffer, 0, read);
        }

        Expect(file.Close());
        return result.ToArray();
    }

    /// <summary>Names (long where present) of a directory's entries.</summary>
    protected static List<string> ListNames(FatVolume volume, string path)
    {
        var entries = new List<FatEntryInfo>();
        Expect(volume.ReadDirectory(path, entries));
        var names = new List<string>();
        foreach (FatEntryInfo entry in entries)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    /// <summary>Deterministic pseudo-random bytes.</summary>
    protected static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private sealed class FixedClock : IFatClock
    {
        public FixedClock(FatTimestamp now) => Now = now;

        public FatTimestamp Now { get; }
    }
}
