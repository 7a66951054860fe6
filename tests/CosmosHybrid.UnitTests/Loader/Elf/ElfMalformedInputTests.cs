using System;
using System.Collections.Generic;
using CosmosHybrid.Loader.Elf;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Loader.Elf;

/// <summary>
/// Hostile input: whatever the bytes, the parser returns an error or an image that
/// satisfies every invariant, and never throws (in the kernel a throw is a panic).
/// </summary>
public class ElfMalformedInputTests
{
    private static readonly ElfLoadLimits Limits = ElfLoadLimits.Default;

    /// <summary>Parses and checks the outcome; returns the error.</summary>
    private static ElfError ParseChecked(byte[] file, ElfLoadLimits limits)
    {
        ElfError error;
        ElfImage image;
        try
        {
            error = ElfParser.Parse(file, limits, out image);
        }
        catch (Exception e)
        {
            Assert.Fail("the parser threw " + e.GetType().Name + ": " + e.Message);
            throw;
        }
        Assert.That(Enum.IsDefined(error), Is.True, "undefined error value " + (int)error);
        if (error == ElfError.Ok)
            ElfImageInvariants.AssertConsistent(image, file.Length, limits);
        else
            Assert.That(image, Is.Null);
        return error;
    }

    [Test]
    public void EveryTruncationIsRefused()
    {
        byte[] file = ElfWriter.ValidExecutable().Build();
        Assert.That(ParseChecked(file, Limits), Is.EqualTo(ElfError.Ok));

        var seen = new HashSet<ElfError>();
        for (int length = 0; length < file.Length; length++)
        {
            // A fresh array of exactly this length, so the runtime's bounds checks
            // would catch a read past the end.
            byte[] prefix = file.AsSpan(0, length).ToArray();
            ElfError error = ParseChecked(prefix, Limits);
            Assert.That(error, Is.Not.EqualTo(ElfError.Ok), "truncated to " + length);
            seen.Add(error);
        }
        Assert.That(seen, Is.EquivalentTo(new[] { ElfError.FileTooSmall, ElfError.ProgramHeadersOutOfFile, ElfError.SegmentOutOfFile }));
    }

    /// <summary>Every byte of the file header and program header table set to each of a few telling values.</summary>
    [Test]
    public void EverySingleHeaderByteCorruptionIsHandled()
    {
        byte[] valid = ElfWriter.ValidExecutable().Build();
        int headerBytes = 64 + 8 * 56;
        byte[] values = { 0x00, 0x01, 0x07, 0x10, 0x7F, 0x80, 0xFF };
        int refused = 0;
        for (int offset = 0; offset < headerBytes; offset++)
        {
            foreach (byte value in values)
            {
                byte[] file = (byte[])valid.Clone();
                file[offset] = value;
                if (ParseChecked(file, Limits) != ElfError.Ok)
                    refused++;
            }
        }
        Assert.That(refused, Is.GreaterThan(0));
    }

    /// <summary>Each 8-byte field of each program header replaced by edge values (0, 1, page, near 2^63, near 2^64).</summary>
    [Test]
    public void EveryProgramHeaderFieldSetToEdgeValuesIsHandled()
    {
        ulong[] values = { 0, 1, 0xFFF, 0x1000, 0x3100, 0x400000, 0x7FFF_FFFF_F000, 0x8000_0000_0000_0000, ulong.MaxValue - 0x1000, ulong.MaxValue - 1, ulong.MaxValue };
        byte[] valid = ElfWriter.ValidExecutable().Build();
        for (int header = 0; header < 8; header++)
        {
            for (int field = 8; field < 56; field += 8)
            {
                foreach (ulong value in values)
                {
                    byte[] file = (byte[])valid.Clone();
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(64 + header * 56 + field), value);
                    ParseChecked(file, Limits);
                }
            }
        }
    }

    [Test]
    public void RandomByteFlipsNeverThrowAndNeverYieldAnInconsistentImage()
    {
        var random = new Random(20261104);
        byte[] valid = ElfWriter.ValidExecutable().Build();
        int headerBytes = 64 + 8 * 56;
        int accepted = 0;
        var errors = new HashSet<ElfError>();
        for (int round = 0; round < 20000; round++)
        {
            byte[] file = (byte[])valid.Clone();
            int flips = 1 + random.Next(4);
            for (int i = 0; i < flips; i++)
            {
                // Mostly the headers, where the parser looks; sometimes anywhere.
                int offset = random.Next(8) == 0 ? random.Next(file.Length) : random.Next(headerBytes);
                file[offset] ^= (byte)(1 << random.Next(8));
            }
            ElfError error = ParseChecked(file, Limits);
            errors.Add(error);
            if (error == ElfError.Ok)
                accepted++;
        }
        // Both outcomes must occur, or the test is not exercising anything.
        Assert.That(accepted, Is.GreaterThan(0));
        Assert.That(errors.Count, Is.GreaterThan(10), string.Join(", ", errors));
    }

    [Test]
    public void RandomProgramHeadersNeverThrowAndNeverYieldAnInconsistentImage()
    {
        // Program headers built from plausible pieces, so that many of them pass the
        // early checks and reach the layout, TLS and entry-point checks.
        var random = new Random(4242);
        ulong[] addresses = { 0, 0x3FF000, 0x400000, 0x400800, 0x401000, 0x402000, 0x403000, 0x7FFF_FFFF_E000, 0x7FFF_FFFF_F000, ulong.MaxValue - 0xFFF };
        ulong[] sizes = { 0, 1, 0x40, 0x800, 0x1000, 0x1001, 0x3000, 1UL << 40, ulong.MaxValue };
        ulong[] alignments = { 0, 1, 3, 8, 0x1000, 0x200000, 1UL << 63 };
        uint[] types = { ElfWriter.PtLoad, ElfWriter.PtLoad, ElfWriter.PtLoad, ElfWriter.PtTls, ElfWriter.PtGnuStack, ElfWriter.PtNote, ElfWriter.PtGnuRelro, 0x60000000 };
        var limits = new ElfLoadLimits(0x400000, 0x7FFF_FFFF_F000, 1UL << 32, 6);
        int accepted = 0;
        for (int round = 0; round < 20000; round++)
        {
            var writer = new ElfWriter { FileLength = 0x4000, Entry = Pick(random, addresses) + (ulong)random.Next(0x100) };
            int count = 1 + random.Next(8);
            for (int i = 0; i < count; i++)
            {
                ulong address = Pick(random, addresses) + (random.Next(4) == 0 ? (ulong)random.Next(0x1000) : 0);
                ulong memorySize = Pick(random, sizes);
                ulong fileSize = random.Next(3) == 0 ? Pick(random, sizes) : Math.Min(memorySize, 0x800);
                writer.Headers.Add(new TestProgramHeader
                {
                    Type = types[random.Next(types.Length)],
                    Flags = (uint)random.Next(8),
                    Offset = random.Next(4) == 0 ? Pick(random, sizes) : address & 0x3FFF,
                    VirtualAddress = address,
                    FileSize = fileSize,
                    MemorySize = memorySize,
                    Alignment = alignments[random.Next(alignments.Length)],
                });
            }
            if (ParseChecked(writer.Build(), limits) == ElfError.Ok)
                accepted++;
        }
        Assert.That(accepted, Is.GreaterThan(0));
    }

    private static ulong Pick(Random random, ulong[] values) => values[random.Next(values.Length)];

    [Test]
    public void ArbitraryBytesAfterAValidMagicAreHandled()
    {
        var random = new Random(7);
        for (int round = 0; round < 5000; round++)
        {
            var file = new byte[random.Next(64, 1024)];
            random.NextBytes(file);
            file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
            file[4] = 2; file[5] = 1; file[6] = 1; file[7] = 0;
            file[16] = 2; file[17] = 0; file[18] = 62; file[19] = 0;
            if (random.Next(4) != 0)
            {
                // A believable header, so the random program headers get looked at.
                file[20] = 1; file[21] = 0; file[22] = 0; file[23] = 0;
                Array.Clear(file, 32, 8);
                file[32] = 64;
                file[52] = 64; file[53] = 0; file[54] = 56; file[55] = 0;
                file[56] = (byte)random.Next(1, 17); file[57] = 0;
            }
            ParseChecked(file, Limits);
        }
    }
}
