using System;
using CosmosHybrid.Loader.Elf;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Loader.Elf;

/// <summary>What every <see cref="ElfImage"/> the parser accepts must satisfy, whatever the input.</summary>
internal static class ElfImageInvariants
{
    private const ulong Page = ElfParser.PageSize;

    public static void AssertConsistent(ElfImage image, int fileLength, ElfLoadLimits limits)
    {
        Assert.That(image, Is.Not.Null);
        ElfSegment[] segments = image.Segments;
        Assert.That(segments.Length, Is.InRange(1, limits.MaxLoadSegments));

        ulong total = 0;
        bool entryFound = false;
        for (int i = 0; i < segments.Length; i++)
        {
            ElfSegment s = segments[i];
            Assert.That(s.MemorySize, Is.Not.Zero);
            Assert.That(s.FileSize, Is.LessThanOrEqualTo(s.MemorySize));
            Assert.That(s.FileOffset <= (ulong)fileLength && s.FileSize <= (ulong)fileLength - s.FileOffset, "segment bytes inside the file");
            Assert.That(s.GetFileBytes(new byte[fileLength]).Length, Is.EqualTo((int)s.FileSize));
            Assert.That(s.VirtualAddress <= ulong.MaxValue - s.MemorySize, "no wrap");
            Assert.That(s.PageStart, Is.GreaterThanOrEqualTo(limits.UserStart));
            Assert.That(s.PageEnd, Is.LessThanOrEqualTo(limits.UserEnd));
            Assert.That(s.PageEnd, Is.GreaterThan(s.PageStart));
            Assert.That(s.PageStart % Page, Is.Zero);
            Assert.That(s.PageEnd % Page, Is.Zero);
            Assert.That(s.Writable && s.Executable, Is.False, "W^X");
            if (i > 0)
                Assert.That(s.PageStart, Is.GreaterThanOrEqualTo(segments[i - 1].PageEnd), "sorted and disjoint");
            if (s.Executable && image.EntryPoint >= s.VirtualAddress && image.EntryPoint - s.VirtualAddress < s.FileSize)
                entryFound = true;
            total += s.PageEnd - s.PageStart;
        }
        Assert.That(entryFound, "entry point in code");
        Assert.That(image.MemorySize, Is.EqualTo(total));
        Assert.That(image.MemorySize, Is.LessThanOrEqualTo(limits.MaxImageSize));
        Assert.That(image.LowestAddress, Is.EqualTo(segments[0].PageStart));
        Assert.That(image.HighestAddress, Is.EqualTo(segments[^1].PageEnd));

        if (image.HasTls)
        {
            ElfTlsTemplate tls = image.Tls;
            Assert.That(tls.FileSize, Is.LessThanOrEqualTo(tls.MemorySize));
            Assert.That(tls.Alignment, Is.InRange(1UL, Page));
            Assert.That(tls.Alignment & (tls.Alignment - 1), Is.Zero);
            if (tls.FileSize > 0)
            {
                bool inside = Array.Exists(segments, s => s.Readable && tls.VirtualAddress >= s.VirtualAddress &&
                    tls.VirtualAddress - s.VirtualAddress <= s.MemorySize && tls.FileSize <= s.MemorySize - (tls.VirtualAddress - s.VirtualAddress));
                Assert.That(inside, "TLS image inside a loaded segment");
            }
        }
    }
}
