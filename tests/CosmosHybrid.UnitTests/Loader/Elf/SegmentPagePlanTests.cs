using System;
using CosmosHybrid.Loader.Elf;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Loader.Elf;

public class SegmentPagePlanTests
{
    private const ulong Page = SegmentPagePlan.PageSize;

    private static ElfSegment Segment(ulong address, ulong memorySize, ulong offset, ulong fileSize, ElfSegmentFlags flags) =>
        new ElfSegment(address, memorySize, offset, fileSize, Page, flags);

    private const ElfSegmentFlags Code = ElfSegmentFlags.Read | ElfSegmentFlags.Execute;
    private const ElfSegmentFlags ReadOnly = ElfSegmentFlags.Read;
    private const ElfSegmentFlags Data = ElfSegmentFlags.Read | ElfSegmentFlags.Write;

    [Test]
    public void ReadOnlyPagesComeFromTheFileIncludingAPartialLastPageWithoutZeroFill()
    {
        // Like true.elf's .text: 0x676d bytes at 0x400000 from file offset 0x1000.
        ElfSegment text = Segment(0x400000, 0x676d, 0x1000, 0x676d, Code);
        for (ulong page = text.PageStart; page < text.PageEnd; page += Page)
        {
            Assert.That(SegmentPagePlan.Classify(text, page, out ulong offset, out _, out _), Is.EqualTo(SegmentPageKind.FilePage));
            Assert.That(offset, Is.EqualTo(0x1000 + (page - 0x400000)));
        }
        Assert.That(SegmentPagePlan.DemandZeroStart(text), Is.EqualTo(text.PageEnd), "no page of zeros");
    }

    [Test]
    public void WritablePagesAreCopiedAndTheirZeroTailIsDemandZero()
    {
        // Like true.elf's .data + .bss: 0x1e18 file bytes, 0x9ff0 in memory.
        ElfSegment data = Segment(0x40a000, 0x9ff0, 0xb000, 0x1e18, Data);
        Assert.That(SegmentPagePlan.Classify(data, 0x40a000, out ulong offset, out ulong from, out ulong to), Is.EqualTo(SegmentPageKind.Copy));
        Assert.That((offset, from, to), Is.EqualTo((0xb000UL, 0UL, Page)));
        Assert.That(SegmentPagePlan.Classify(data, 0x40b000, out offset, out from, out to), Is.EqualTo(SegmentPageKind.Copy));
        Assert.That((offset, from, to), Is.EqualTo((0xc000UL, 0UL, 0xe18UL)), "the last file bytes, then zeros");
        Assert.That(SegmentPagePlan.DemandZeroStart(data), Is.EqualTo(0x40c000UL));
        Assert.That(SegmentPagePlan.Classify(data, 0x413000, out _, out _, out _), Is.EqualTo(SegmentPageKind.DemandZero));
    }

    [Test]
    public void AReadOnlyPageWithZeroFillIsCopied()
    {
        ElfSegment rodata = Segment(0x407000, 0x1800, 0x8000, 0x1200, ReadOnly);
        Assert.That(SegmentPagePlan.Classify(rodata, 0x407000, out _, out _, out _), Is.EqualTo(SegmentPageKind.FilePage));
        Assert.That(SegmentPagePlan.Classify(rodata, 0x408000, out ulong offset, out ulong from, out ulong to), Is.EqualTo(SegmentPageKind.Copy),
            "0x200 file bytes and 0x600 bytes that must read zero");
        Assert.That((offset, from, to), Is.EqualTo((0x9000UL, 0UL, 0x200UL)));
    }

    [Test]
    public void AReadOnlySegmentNotCongruentWithItsFileOffsetIsCopied()
    {
        ElfSegment odd = new ElfSegment(0x400000, 0x2000, 0x1010, 0x2000, 0, ReadOnly);
        Assert.That(SegmentPagePlan.Classify(odd, 0x400000, out ulong offset, out ulong from, out ulong to), Is.EqualTo(SegmentPageKind.Copy));
        Assert.That((offset, from, to), Is.EqualTo((0x1010UL, 0UL, Page)));
    }

    [Test]
    public void ASegmentWithoutFileBytesIsAllDemandZero()
    {
        ElfSegment bss = Segment(0x500123, 0x3000, 0, 0, Data);
        Assert.That(SegmentPagePlan.DemandZeroStart(bss), Is.EqualTo(bss.PageStart));
        Assert.That(SegmentPagePlan.Classify(bss, bss.PageStart, out _, out _, out _), Is.EqualTo(SegmentPageKind.DemandZero));
    }

    // Loads many segment shapes by the plan into simulated memory and checks what a program must see:
    // its file bytes where they belong and zeros in the rest of the segment.
    [Test]
    public void EveryShapeLoadsTheFileBytesAndZerosWhereTheSegmentSaysSo()
    {
        var random = new Random(16);
        byte[] file = new byte[64 * 1024];
        random.NextBytes(file);
        for (int trial = 0; trial < 2000; trial++)
        {
            ulong offset = (ulong)random.Next(0, 8) * Page + (ulong)random.Next(0, (int)Page);
            bool congruent = random.Next(4) != 0;
            ulong address = 0x400000 + (ulong)random.Next(0, 4) * Page + (congruent ? offset % Page : (ulong)random.Next(0, (int)Page));
            ulong fileSize = (ulong)random.Next(0, 5 * (int)Page);
            ulong memorySize = fileSize + (random.Next(2) == 0 ? 0 : (ulong)random.Next(1, 3 * (int)Page));
            if (memorySize == 0)
                memorySize = 1;
            var flags = (ElfSegmentFlags)random.Next(1, 8) | ElfSegmentFlags.Read;
            ElfSegment segment = new ElfSegment(address, memorySize, offset, fileSize, 0, flags);
            CheckLoad(segment, file);
        }
    }

    private static void CheckLoad(ElfSegment segment, byte[] file)
    {
        ulong zeroStart = SegmentPagePlan.DemandZeroStart(segment);
        Assert.That(zeroStart % Page, Is.Zero);
        Assert.That(zeroStart, Is.InRange(segment.PageStart, segment.PageEnd));
        for (ulong page = segment.PageStart; page < segment.PageEnd; page += Page)
        {
            byte[] memory = new byte[Page];
            SegmentPageKind kind = SegmentPagePlan.Classify(segment, page, out ulong fileOffset, out ulong from, out ulong to);
            Assert.That(kind == SegmentPageKind.DemandZero, Is.EqualTo(page >= zeroStart), segment.ToString());
            if (kind == SegmentPageKind.FilePage)
            {
                Assert.That(segment.Writable, Is.False, "a writable page is never the file's own");
                Assert.That(fileOffset % Page, Is.Zero);
                int count = (int)Math.Min(Page, (ulong)file.Length - fileOffset);
                Array.Copy(file, (int)fileOffset, memory, 0, count);
            }
            else if (kind == SegmentPageKind.Copy)
            {
                Assert.That(from, Is.LessThanOrEqualTo(to));
                Assert.That(to, Is.LessThanOrEqualTo(Page));
                Array.Copy(file, (int)fileOffset, memory, (int)from, (int)(to - from));
            }
            for (ulong i = 0; i < Page; i++)
            {
                ulong address = page + i;
                if (!segment.Contains(address))
                    continue;
                ulong inSegment = address - segment.VirtualAddress;
                byte expected = inSegment < segment.FileSize ? file[segment.FileOffset + inSegment] : (byte)0;
                if (memory[i] != expected)
                    Assert.Fail($"{segment}: byte at 0x{address:x} ({kind}) is {memory[i]}, expected {expected}");
            }
        }
    }
}
