using System;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// The open file's memory of a physically consecutive stretch of its cluster chain (read
/// without FAT lookups): reads in any order over fragmented chains, and the chain cut and
/// grown again (by another handle, with the freed clusters taken by another file) meanwhile.
/// </summary>
[TestFixture]
public sealed class FatClusterRunTests : FatTestBase
{
    private const int Cluster = 512;

    [Test]
    public void ReadsAFragmentedFileInAnyOrder()
    {
        FatVolume volume = Mount(CreateImage(16, 8192, "disk.img", "-s", "1"));
        byte[] a = Pattern(40 * Cluster, 1);
        byte[] b = Pattern(12 * Cluster, 2);

        // Interleaved appends: a's chain is runs of 4, 7 and 9 clusters with b's clusters between them.
        Expect(volume.Open("/a.bin", FatOpenFlags.Create, out FatFile fileA));
        Expect(volume.Open("/b.bin", FatOpenFlags.Create, out FatFile fileB));
        int[] aSteps = { 4, 7, 9, 20 };
        int aDone = 0;
        int bDone = 0;
        foreach (int step in aSteps)
        {
            Expect(fileA.Write(new ReadOnlySpan<byte>(a, aDone * Cluster, step * Cluster), out _));
            aDone += step;
            if (bDone < 12)
            {
                Expect(fileB.Write(new ReadOnlySpan<byte>(b, bDone * Cluster, 4 * Cluster), out _));
                bDone += 4;
            }
        }

        var random = new Random(7);
        byte[] buffer = new byte[6 * Cluster];
        for (int i = 0; i < 400; i++)
        {
            FatFile file = (i & 1) == 0 ? fileA : fileB;
            byte[] data = file == fileA ? a : b;
            int offset = random.Next(data.Length);
            int length = random.Next(1, buffer.Length + 1);
            ExpectRead(file, data, offset, buffer.AsSpan(0, length));
        }

        Expect(fileA.Close());
        Expect(fileB.Close());
        Assert.That(ReadFile(volume, "/a.bin"), Is.EqualTo(a));
        Assert.That(ReadFile(volume, "/b.bin"), Is.EqualTo(b));
    }

    [Test]
    public void ReadsNewClustersAfterAnotherHandleCutsAndRegrowsTheChain()
    {
        FatVolume volume = Mount(CreateImage(16, 8192, "disk.img", "-s", "1"));
        byte[] original = Pattern(32 * Cluster, 3);
        WriteFile(volume, "/a.bin", original);

        Expect(volume.Open("/a.bin", FatOpenFlags.None, out FatFile reader));
        byte[] buffer = new byte[4 * Cluster];
        for (int offset = 0; offset < original.Length; offset += buffer.Length)
        {
            ExpectRead(reader, original, offset, buffer);
        }

        // Another handle cuts the file to 2 clusters, another file takes clusters, and the first grows again.
        Expect(volume.Open("/a.bin", FatOpenFlags.None, out FatFile writer));
        Expect(writer.SetLength(2 * Cluster));
        WriteFile(volume, "/c.bin", Pattern(40 * Cluster, 4));
        byte[] grown = new byte[32 * Cluster];
        Array.Copy(original, grown, 2 * Cluster);
        Array.Copy(Pattern(30 * Cluster, 5), 0, grown, 2 * Cluster, 30 * Cluster);
        Expect(writer.Seek(2 * Cluster));
        Expect(writer.Write(new ReadOnlySpan<byte>(grown, 2 * Cluster, 30 * Cluster), out _));
        Expect(writer.Close());

        for (int offset = grown.Length - buffer.Length; offset >= 0; offset -= 3 * Cluster)
        {
            ExpectRead(reader, grown, offset, buffer);
        }

        ExpectRead(reader, grown, 0, new byte[grown.Length]);
        Expect(reader.Close());

        // Through fresh opens (the chain as the FAT has it), nothing went to clusters the file no longer owns.
        Assert.That(ReadFile(volume, "/a.bin"), Is.EqualTo(grown));
        Assert.That(ReadFile(volume, "/c.bin"), Is.EqualTo(Pattern(40 * Cluster, 4)));
    }

    [Test]
    public void ReadsAfterTheFileIsEmptiedAndRefilled()
    {
        FatVolume volume = Mount(CreateImage(32, 65536, "disk.img", "-s", "1"));
        byte[] first = Pattern(10 * Cluster, 6);
        WriteFile(volume, "/a.bin", first);
        Expect(volume.Open("/a.bin", FatOpenFlags.None, out FatFile file));
        ExpectRead(file, first, 0, new byte[first.Length]);

        Expect(file.SetLength(0));
        WriteFile(volume, "/filler.bin", Pattern(20 * Cluster, 7));
        byte[] second = Pattern(10 * Cluster, 8);
        Expect(file.Seek(0));
        Expect(file.Write(second, out _));

        ExpectRead(file, second, 5 * Cluster, new byte[3 * Cluster]);
        ExpectRead(file, second, 0, new byte[second.Length]);
        Expect(file.Close());
        Assert.That(ReadFile(volume, "/a.bin"), Is.EqualTo(second));
        Assert.That(ReadFile(volume, "/filler.bin"), Is.EqualTo(Pattern(20 * Cluster, 7)));
    }

    private static void ExpectRead(FatFile file, byte[] data, int offset, Span<byte> buffer)
    {
        Expect(file.Seek((ulong)offset));
        Expect(file.Read(buffer, out int read));
        int expected = Math.Min(buffer.Length, data.Length - offset);
        Assert.That(read, Is.EqualTo(expected));
        Assert.That(buffer.Slice(0, read).SequenceEqual(new ReadOnlySpan<byte>(data, offset, read)), Is.True, $"offset {offset}, {read} bytes");
    }
}
