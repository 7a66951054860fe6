using System;
using CosmosHybrid.Loader.Elf;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Loader.Elf;

public class ElfParserTests
{
    private static readonly ElfLoadLimits Limits = ElfLoadLimits.Default;

    private static ElfError Parse(ElfWriter writer, out ElfImage image) => Parse(writer, Limits, out image);

    private static ElfError Parse(ElfWriter writer, ElfLoadLimits limits, out ElfImage image)
    {
        byte[] file = writer.Build();
        ElfError error = ElfParser.Parse(file, limits, out image);
        if (error == ElfError.Ok)
            ElfImageInvariants.AssertConsistent(image, file.Length, limits);
        else
            Assert.That(image, Is.Null);
        return error;
    }

    private static ElfError ParseWith(Action<ElfWriter> change)
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        change(writer);
        return Parse(writer, out _);
    }

    [Test]
    public void AcceptsTheValidExecutable()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();

        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.Ok));

        Assert.That(image.EntryPoint, Is.EqualTo(0x401010UL));
        Assert.That(image.Segments, Has.Length.EqualTo(4));
        ElfSegment text = image.Segments[1];
        Assert.That(text.VirtualAddress, Is.EqualTo(0x401000UL));
        Assert.That(text.FileOffset, Is.EqualTo(0x1000UL));
        Assert.That(text.FileSize, Is.EqualTo(0x180UL));
        Assert.That(text.MemorySize, Is.EqualTo(0x180UL));
        Assert.That(text.Alignment, Is.EqualTo(0x1000UL));
        Assert.That((text.Readable, text.Writable, text.Executable), Is.EqualTo((true, false, true)));
        ElfSegment data = image.Segments[3];
        Assert.That((data.Readable, data.Writable, data.Executable), Is.EqualTo((true, true, false)));
        Assert.That(data.FileSize, Is.EqualTo(0x100UL));
        Assert.That(data.MemorySize, Is.EqualTo(0x2800UL));
        Assert.That(data.PageStart, Is.EqualTo(0x403000UL));
        Assert.That(data.PageEnd, Is.EqualTo(0x406000UL));
        Assert.That(data.PageCount, Is.EqualTo(3UL));
        Assert.That(data.ToString(), Is.EqualTo("0x403000+0x2800 (file 0x3000+0x100) rw-"));
        Assert.That(image.Segments[0].Flags, Is.EqualTo(ElfSegmentFlags.Read));

        Assert.That(image.MemorySize, Is.EqualTo(6 * 0x1000UL));
        Assert.That(image.LowestAddress, Is.EqualTo(0x400000UL));
        Assert.That(image.HighestAddress, Is.EqualTo(0x406000UL));
        Assert.That(image.HasTls, Is.True);
        Assert.That((image.Tls.VirtualAddress, image.Tls.FileSize, image.Tls.MemorySize, image.Tls.Alignment),
            Is.EqualTo((0x403000UL, 0x10UL, 0x30UL, 8UL)));
        Assert.That(image.StackSize, Is.Zero);
    }

    [Test]
    public void SegmentBytesComeFromTheFile()
    {
        byte[] file = ElfWriter.ValidExecutable().Build();
        Assert.That(ElfParser.Parse(file, Limits, out ElfImage image), Is.EqualTo(ElfError.Ok));

        ReadOnlySpan<byte> text = image.Segments[1].GetFileBytes(file);
        Assert.That(text.ToArray(), Is.EqualTo(file.AsSpan(0x1000, 0x180).ToArray()));
        Assert.That(image.Segments[1].GetFileBytes(file.AsSpan(0, 0x1100)).IsEmpty, Is.True, "a too-short file gives no bytes, not an exception");
    }

    [Test]
    public void AcceptsTheGnuOsAbi() => Assert.That(ParseWith(w => w.OsAbi = 3), Is.EqualTo(ElfError.Ok));

    [Test]
    public void AcceptsAFileWithoutTlsStackOrNotes()
    {
        Assert.That(ParseWith(w => w.Headers.RemoveRange(4, 4)), Is.EqualTo(ElfError.Ok));
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer.Headers.RemoveRange(4, 4);
        Parse(writer, out ElfImage image);
        Assert.That(image.HasTls, Is.False);
    }

    [Test]
    public void RecordsTheStackSizeFromGnuStack()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer[6].MemorySize = 0x100000;
        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.Ok));
        Assert.That(image.StackSize, Is.EqualTo(0x100000UL));
    }

    [Test]
    public void SortsSegmentsByAddress()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer.Headers.Reverse();

        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.Ok));
        Assert.That(Array.ConvertAll(image.Segments, s => s.VirtualAddress), Is.EqualTo(new[] { 0x400000UL, 0x401000UL, 0x402000UL, 0x403000UL }));
    }

    [Test]
    public void IgnoresEmptyLoadSegmentsAndUnknownTypes()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        // An empty PT_LOAD maps nothing, even with nonsense address and rights.
        writer.Headers.Add(new TestProgramHeader { Type = ElfWriter.PtLoad, Flags = 7, VirtualAddress = 0xFFFF_8000_0000_0000, Alignment = 3 });
        writer.Headers.Add(new TestProgramHeader { Type = ElfWriter.PtPhdr, Flags = ElfWriter.R, Offset = 64, VirtualAddress = 0x400040, FileSize = 56 * 10, MemorySize = 56 * 10, Alignment = 8 });
        writer.Headers.Add(new TestProgramHeader { Type = ElfWriter.PtGnuProperty, Flags = ElfWriter.R, Offset = 0x190, VirtualAddress = 0x400190, FileSize = 0x20, MemorySize = 0x20 });
        writer.Headers.Add(new TestProgramHeader { Type = 0x6FFF_FFFF, Flags = 7, Offset = ulong.MaxValue, FileSize = ulong.MaxValue });

        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.Ok));
        Assert.That(image.Segments, Has.Length.EqualTo(4));
    }

    [TestCase(0UL)]
    [TestCase(1UL)]
    public void NoAlignmentConstraintAllowsAnyOffset(ulong alignment)
    {
        Assert.That(ParseWith(w => { w[2].Alignment = alignment; w[2].Offset = 0x2010; }), Is.EqualTo(ElfError.Ok));
    }

    [Test]
    public void HugePageAlignmentNeedsOnlyPageCongruence()
    {
        Assert.That(ParseWith(w => { foreach (var h in w.Headers.GetRange(0, 4)) h.Alignment = 0x200000; }), Is.EqualTo(ElfError.Ok));
    }

    [Test]
    public void SegmentMayEndExactlyAtTheUserLimit()
    {
        var limits = new ElfLoadLimits(0x400000, 0x406000, 1 << 20, 16);
        ElfWriter writer = ElfWriter.ValidExecutable();
        Assert.That(Parse(writer, limits, out _), Is.EqualTo(ElfError.Ok));

        var tighter = new ElfLoadLimits(0x400000, 0x405FFF, 1 << 20, 16);
        Assert.That(Parse(writer, tighter, out _), Is.EqualTo(ElfError.SegmentOutsideUserSpace), "the last page would poke out");
    }

    // ---- the file header ------------------------------------------------------

    [TestCase(0, ElfError.FileTooSmall)]
    [TestCase(4, ElfError.FileTooSmall)]
    [TestCase(63, ElfError.FileTooSmall)]
    public void RefusesFilesShorterThanTheHeader(int length, ElfError expected)
    {
        byte[] file = ElfWriter.ValidExecutable().Build().AsSpan(0, length).ToArray();
        Assert.That(ElfParser.Parse(file, Limits, out ElfImage image), Is.EqualTo(expected));
        Assert.That(image, Is.Null);
    }

    [TestCase(0, (byte)0x7E)]
    [TestCase(1, (byte)'e')]
    [TestCase(2, (byte)'l')]
    [TestCase(3, (byte)'f')]
    public void RefusesABadMagic(int index, byte value) =>
        Assert.That(ParseWith(w => w.Magic[index] = value), Is.EqualTo(ElfError.BadMagic));

    [TestCase((byte)0)]
    [TestCase((byte)1)]
    [TestCase((byte)3)]
    public void RefusesOtherClasses(byte value) => Assert.That(ParseWith(w => w.Class = value), Is.EqualTo(ElfError.NotElf64));

    [TestCase((byte)0)]
    [TestCase((byte)2)]
    public void RefusesBigEndianAndUnknownEncodings(byte value) => Assert.That(ParseWith(w => w.Data = value), Is.EqualTo(ElfError.NotLittleEndian));

    [Test]
    public void RefusesAnUnknownIdentVersion() => Assert.That(ParseWith(w => w.IdentVersion = 2), Is.EqualTo(ElfError.BadVersion));

    [Test]
    public void RefusesAnUnknownHeaderVersion() => Assert.That(ParseWith(w => w.Version = 0), Is.EqualTo(ElfError.BadVersion));

    [TestCase((byte)1)]   // HP-UX
    [TestCase((byte)9)]   // FreeBSD
    [TestCase((byte)255)] // standalone
    public void RefusesOtherOsAbis(byte value) => Assert.That(ParseWith(w => w.OsAbi = value), Is.EqualTo(ElfError.UnsupportedAbi));

    [TestCase((ushort)0)] // ET_NONE
    [TestCase((ushort)1)] // ET_REL
    [TestCase((ushort)4)] // ET_CORE
    [TestCase((ushort)0xFE00)]
    public void RefusesNonExecutables(ushort type) => Assert.That(ParseWith(w => w.Type = type), Is.EqualTo(ElfError.NotExecutable));

    [Test]
    public void RefusesPositionIndependentExecutables() =>
        Assert.That(ParseWith(w => w.Type = 3), Is.EqualTo(ElfError.PositionIndependentNotSupported));

    [TestCase((ushort)3)]   // i386
    [TestCase((ushort)183)] // AArch64
    [TestCase((ushort)0)]
    public void RefusesOtherMachines(ushort machine) => Assert.That(ParseWith(w => w.Machine = machine), Is.EqualTo(ElfError.WrongMachine));

    [TestCase((ushort)52)]
    [TestCase((ushort)0)]
    [TestCase((ushort)65)]
    public void RefusesABadHeaderSize(ushort size) => Assert.That(ParseWith(w => w.HeaderSize = size), Is.EqualTo(ElfError.BadHeaderSize));

    [TestCase((ushort)32)]
    [TestCase((ushort)0)]
    [TestCase((ushort)64)]
    public void RefusesABadProgramHeaderSize(ushort size) =>
        Assert.That(ParseWith(w => w.ProgramHeaderEntrySize = size), Is.EqualTo(ElfError.BadProgramHeaderSize));

    [Test]
    public void RefusesAFileWithoutProgramHeaders() =>
        Assert.That(ParseWith(w => w.ProgramHeaderCount = 0), Is.EqualTo(ElfError.NoLoadableSegments));

    [TestCase((ushort)65)]
    [TestCase((ushort)0xFFFF)] // PN_XNUM
    public void RefusesTooManyProgramHeaders(ushort count) =>
        Assert.That(ParseWith(w => w.ProgramHeaderCount = count), Is.EqualTo(ElfError.TooManySegments));

    [TestCase(0x3100UL)]
    [TestCase(0x30F0UL)]
    [TestCase(0x1_0000_0000UL)]
    [TestCase(ulong.MaxValue)]
    [TestCase(ulong.MaxValue - 55)]
    public void RefusesAProgramHeaderTableOutsideTheFile(ulong offset) =>
        Assert.That(ParseWith(w => w.ProgramHeaderOffset = offset), Is.EqualTo(ElfError.ProgramHeadersOutOfFile));

    [Test]
    public void RefusesAProgramHeaderTableRunningPastTheEnd() =>
        Assert.That(ParseWith(w => w.ProgramHeaderOffset = 0x3100 - 8 * 56 + 1), Is.EqualTo(ElfError.ProgramHeadersOutOfFile));

    [Test]
    public void RefusesAFileWithOnlyNonLoadSegments() =>
        Assert.That(ParseWith(w => w.Headers.RemoveRange(0, 4)), Is.EqualTo(ElfError.NoLoadableSegments));

    // ---- PT_LOAD segments -----------------------------------------------------

    [Test]
    public void RefusesFileSizeAboveMemorySize() =>
        Assert.That(ParseWith(w => w[3].FileSize = 0x2801), Is.EqualTo(ElfError.FileSizeExceedsMemorySize));

    [TestCase(0x3001UL, 0x100UL)]
    [TestCase(0x3101UL, 0UL)]
    [TestCase(ulong.MaxValue, 0x100UL)]
    [TestCase(ulong.MaxValue - 0xFF, 0x100UL)] // offset + size wraps to 0
    [TestCase(0x3000UL, ulong.MaxValue)]
    public void RefusesSegmentBytesOutsideTheFile(ulong offset, ulong fileSize) =>
        Assert.That(ParseWith(w => { w[3].Offset = offset; w[3].FileSize = fileSize; w[3].MemorySize = ulong.MaxValue; }),
            Is.EqualTo(ElfError.SegmentOutOfFile));

    [TestCase(3UL)]
    [TestCase(0x1001UL)]
    [TestCase(0x3000UL)]
    [TestCase(ulong.MaxValue)]
    public void RefusesAnAlignmentThatIsNotAPowerOfTwo(ulong alignment) =>
        Assert.That(ParseWith(w => w[1].Alignment = alignment), Is.EqualTo(ElfError.Misaligned));

    [Test]
    public void RefusesAddressAndOffsetDisagreeingInsideAPage() =>
        Assert.That(ParseWith(w => w[1].Offset = 0x1010), Is.EqualTo(ElfError.Misaligned));

    [TestCase(0UL)]
    [TestCase(0x3FF000UL)]
    [TestCase(0x3FFFFFUL)] // the rounded-down page is below the window
    [TestCase(0x7FFF_FFFF_F000UL)]
    [TestCase(0x8000_0000_0000UL)] // non-canonical
    [TestCase(0xFFFF_8000_0000_0000UL)] // the kernel half
    [TestCase(0xFFFF_FFFF_FFFF_F000UL)]
    public void RefusesSegmentsOutsideUserSpace(ulong address) =>
        Assert.That(ParseWith(w => { w[2].VirtualAddress = address; w[2].Offset = address & 0xFFF; w[2].Alignment = 0; }),
            Is.EqualTo(ElfError.SegmentOutsideUserSpace));

    [TestCase(0x7FFF_FFFF_E000UL, 0x1001UL)] // crosses the top of the window
    [TestCase(0x402000UL, 0x7FFF_FFFF_FFFFUL)]
    [TestCase(0x402000UL, ulong.MaxValue)] // address + size wraps
    [TestCase(0x402000UL, ulong.MaxValue - 0x402000 + 1)] // wraps to exactly 0
    public void RefusesSegmentsRunningOutOfUserSpace(ulong address, ulong memorySize) =>
        Assert.That(ParseWith(w => { w[2].VirtualAddress = address; w[2].MemorySize = memorySize; }),
            Is.EqualTo(ElfError.SegmentOutsideUserSpace));

    [Test]
    public void RefusesSegmentsEndingNearTheTopOfAnUnboundedWindow()
    {
        // With the window open to the top of the address space, rounding the end up
        // to a page would wrap: the parser must refuse rather than wrap.
        var open = new ElfLoadLimits(0, ulong.MaxValue, ulong.MaxValue, 16);
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer[3].VirtualAddress = ulong.MaxValue - 0x2800;
        writer[3].Offset = (ulong.MaxValue - 0x2800) & 0xFFF;
        writer[3].Alignment = 1;
        writer.Headers.RemoveAt(5); // the TLS template pointed into that segment
        Assert.That(Parse(writer, open, out _), Is.EqualTo(ElfError.SegmentOutsideUserSpace));
    }

    [Test]
    public void RefusesSegmentsSharingAPage() =>
        // Code ends at 0x401180; read-only data starting at 0x401800 would share its page.
        Assert.That(ParseWith(w => { w[2].VirtualAddress = 0x401800; w[2].Offset = 0x2800; w.FileLength = 0x3100; }),
            Is.EqualTo(ElfError.SegmentsOverlap));

    [Test]
    public void RefusesOverlappingSegments() =>
        // Data placed on top of the code (same offset inside the page, so it is not misaligned).
        Assert.That(ParseWith(w => w[3].VirtualAddress = 0x401000), Is.EqualTo(ElfError.SegmentsOverlap));

    [Test]
    public void RefusesIdenticalSegments() =>
        Assert.That(ParseWith(w => w.Headers.Insert(1, w[1].Clone())), Is.EqualTo(ElfError.SegmentsOverlap));

    [Test]
    public void RefusesWritableExecutableSegments() =>
        Assert.That(ParseWith(w => w[1].Flags = ElfWriter.R | ElfWriter.W | ElfWriter.X), Is.EqualTo(ElfError.WritableAndExecutable));

    [Test]
    public void RefusesWriteExecuteEvenWithoutRead() =>
        Assert.That(ParseWith(w => w[3].Flags = ElfWriter.W | ElfWriter.X), Is.EqualTo(ElfError.WritableAndExecutable));

    [Test]
    public void RefusesMoreLoadSegmentsThanTheLimit()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer.FileLength = 0x20000;
        for (int i = 0; i < 13; i++)
        {
            ulong at = 0x410000UL + (ulong)i * 0x1000;
            writer.Headers.Add(new TestProgramHeader { Type = ElfWriter.PtLoad, Flags = ElfWriter.R, Offset = at & 0xFFFF, VirtualAddress = at, FileSize = 0x10, MemorySize = 0x10, Alignment = 0x1000 });
        }
        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.TooManySegments), "17 PT_LOAD segments");

        writer.Headers.RemoveAt(writer.Headers.Count - 1);
        Assert.That(Parse(writer, out image), Is.EqualTo(ElfError.Ok), "16 is the limit");
        Assert.That(image.Segments, Has.Length.EqualTo(16));

        var fewer = new ElfLoadLimits(ElfLoadLimits.DefaultUserStart, ElfLoadLimits.DefaultUserEnd, ElfLoadLimits.DefaultMaxImageSize, 3);
        Assert.That(Parse(ElfWriter.ValidExecutable(), fewer, out _), Is.EqualTo(ElfError.TooManySegments));
    }

    [Test]
    public void RefusesImagesLargerThanTheLimit()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        var exact = new ElfLoadLimits(ElfLoadLimits.DefaultUserStart, ElfLoadLimits.DefaultUserEnd, 6 * 0x1000, 16);
        var smaller = new ElfLoadLimits(ElfLoadLimits.DefaultUserStart, ElfLoadLimits.DefaultUserEnd, 6 * 0x1000 - 1, 16);
        Assert.That(Parse(writer, exact, out _), Is.EqualTo(ElfError.Ok));
        Assert.That(Parse(writer, smaller, out _), Is.EqualTo(ElfError.ImageTooLarge));

        // A huge bss is the classic way to ask for too much.
        Assert.That(ParseWith(w => w[3].MemorySize = 0x4000_0000), Is.EqualTo(ElfError.ImageTooLarge));
    }

    // ---- the entry point ------------------------------------------------------

    [TestCase(0UL)]
    [TestCase(0x400000UL)] // read-only, not code
    [TestCase(0x400FFFUL)]
    [TestCase(0x401180UL)] // one past the code
    [TestCase(0x403000UL)] // data
    [TestCase(0xFFFF_FFFF_8000_0000UL)]
    public void RefusesAnEntryPointOutsideCode(ulong entry) =>
        Assert.That(ParseWith(w => w.Entry = entry), Is.EqualTo(ElfError.EntryNotInCode));

    [Test]
    public void RefusesAnEntryPointInTheZeroFilledTailOfCode() =>
        Assert.That(ParseWith(w => { w[1].FileSize = 0x10; w.Entry = 0x401010; }), Is.EqualTo(ElfError.EntryNotInCode));

    [TestCase(0x401000UL)]
    [TestCase(0x40117FUL)]
    public void AcceptsAnEntryPointAtEitherEndOfCode(ulong entry) =>
        Assert.That(ParseWith(w => w.Entry = entry), Is.EqualTo(ElfError.Ok));

    // ---- other segment types --------------------------------------------------

    [Test]
    public void RefusesAnInterpreter() =>
        Assert.That(ParseWith(w => w.Headers.Insert(0, new TestProgramHeader { Type = ElfWriter.PtInterp, Flags = ElfWriter.R, Offset = 0x1a0, VirtualAddress = 0x4001a0, FileSize = 0x1c, MemorySize = 0x1c, Alignment = 1 })),
            Is.EqualTo(ElfError.InterpreterNotSupported));

    [Test]
    public void RefusesDynamicLinking() =>
        Assert.That(ParseWith(w => w.Headers.Add(new TestProgramHeader { Type = ElfWriter.PtDynamic, Flags = ElfWriter.R | ElfWriter.W, Offset = 0x3080, VirtualAddress = 0x403080, FileSize = 0x80, MemorySize = 0x80, Alignment = 8 })),
            Is.EqualTo(ElfError.DynamicNotSupported));

    [Test]
    public void RefusesAnExecutableStack() =>
        Assert.That(ParseWith(w => w[6].Flags = ElfWriter.R | ElfWriter.W | ElfWriter.X), Is.EqualTo(ElfError.ExecutableStack));

    [Test]
    public void RefusesTwoTlsSegments() =>
        Assert.That(ParseWith(w => w.Headers.Add(w[5].Clone())), Is.EqualTo(ElfError.BadTlsSegment));

    [Test]
    public void RefusesTlsFileSizeAboveMemorySize() =>
        Assert.That(ParseWith(w => w[5].FileSize = 0x31), Is.EqualTo(ElfError.BadTlsSegment));

    [Test]
    public void RefusesTlsBytesOutsideTheFile() =>
        Assert.That(ParseWith(w => { w[5].Offset = ulong.MaxValue - 4; }), Is.EqualTo(ElfError.BadTlsSegment));

    [TestCase(3UL)]
    [TestCase(0x2000UL)]
    public void RefusesABadTlsAlignment(ulong alignment) =>
        Assert.That(ParseWith(w => w[5].Alignment = alignment), Is.EqualTo(ElfError.BadTlsSegment));

    [Test]
    public void RefusesAHugeTlsBlock() =>
        Assert.That(ParseWith(w => w[5].MemorySize = 1UL << 40), Is.EqualTo(ElfError.BadTlsSegment));

    [TestCase(0x404000UL)] // in the data segment's bss: mapped, fine
    public void AcceptsATlsImageAnywhereInALoadedSegment(ulong address) =>
        Assert.That(ParseWith(w => w[5].VirtualAddress = address), Is.EqualTo(ElfError.Ok));

    [TestCase(0x300000UL)]
    [TestCase(0x4057F8UL)] // starts inside the data segment, ends past it
    [TestCase(ulong.MaxValue - 4)]
    public void RefusesATlsImageOutsideTheLoadedSegments(ulong address) =>
        Assert.That(ParseWith(w => w[5].VirtualAddress = address), Is.EqualTo(ElfError.BadTlsSegment));

    [Test]
    public void AcceptsATlsSegmentWithOnlyZeroedData()
    {
        ElfWriter writer = ElfWriter.ValidExecutable();
        writer[5].FileSize = 0;
        writer[5].VirtualAddress = 0x12345;
        writer[5].Alignment = 0;
        Assert.That(Parse(writer, out ElfImage image), Is.EqualTo(ElfError.Ok));
        Assert.That(image.Tls.Alignment, Is.EqualTo(1UL), "p_align 0 means 1");
    }

    [Test]
    public void EveryErrorHasItsOwnDescription()
    {
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (ElfError error in Enum.GetValues<ElfError>())
        {
            string text = ElfErrorText.Describe(error);
            Assert.That(text, Is.Not.Empty.And.Not.EqualTo("unknown ELF error"), error.ToString());
            Assert.That(seen.Add(text), Is.True, error + " shares its text");
        }
        Assert.That(ElfErrorText.Describe((ElfError)999), Is.EqualTo("unknown ELF error"));
    }
}
