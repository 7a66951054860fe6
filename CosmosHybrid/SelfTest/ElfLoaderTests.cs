using System;
using CosmosHybrid.Loader.Elf;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// The ELF validator compiled by ilc and run in the kernel: a valid image, a few
/// corrupt ones, every truncation and pseudo-random byte flips. The host tests cover
/// the same ground far more deeply; these make sure the kernel build behaves the same.
/// </summary>
internal static class ElfLoaderTests
{
    private const int FileLength = 0x2100;

    public static void Run()
    {
        ValidImage();
        CorruptFields();
        TruncationsAndFlips();
    }

    /// <summary>Header, then code at 0x401000 (file 0x1000) and data+bss at 0x402000 (file 0x2000).</summary>
    private static byte[] BuildImage()
    {
        var file = new byte[FileLength];
        file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = 2; file[5] = 1; file[6] = 1;
        Put(file, 16, 2, 2);          // ET_EXEC
        Put(file, 18, 62, 2);         // EM_X86_64
        Put(file, 20, 1, 4);
        Put(file, 24, 0x401010, 8);   // entry
        Put(file, 32, 64, 8);         // e_phoff
        Put(file, 52, 64, 2);
        Put(file, 54, 56, 2);
        Put(file, 56, 3, 2);          // e_phnum
        ProgramHeader(file, 0, 1, 5, 0x1000, 0x401000, 0x100, 0x100, 0x1000);  // R-X
        ProgramHeader(file, 1, 1, 6, 0x2000, 0x402000, 0x100, 0x3000, 0x1000); // RW-
        ProgramHeader(file, 2, 7, 4, 0x2000, 0x402000, 0x8, 0x10, 8);          // TLS
        return file;
    }

    private static void ProgramHeader(byte[] file, int index, uint type, uint flags, ulong offset, ulong address, ulong fileSize, ulong memorySize, ulong alignment)
    {
        int at = 64 + index * 56;
        Put(file, at, type, 4);
        Put(file, at + 4, flags, 4);
        Put(file, at + 8, offset, 8);
        Put(file, at + 16, address, 8);
        Put(file, at + 24, address, 8);
        Put(file, at + 32, fileSize, 8);
        Put(file, at + 40, memorySize, 8);
        Put(file, at + 48, alignment, 8);
    }

    private static void Put(byte[] file, int offset, ulong value, int size)
    {
        for (int i = 0; i < size; i++)
            file[offset + i] = (byte)(value >> (8 * i));
    }

    private static void ValidImage()
    {
        Begin("elf: valid image");
        byte[] file = BuildImage();
        ElfError error = ElfParser.Parse(file, ElfLoadLimits.Default, out ElfImage image);
        Equal((long)ElfError.Ok, (long)error, "parse");
        if (image == null)
            return;
        Equal(2, image.Segments.Length, "segments");
        Equal(0x401010, (long)image.EntryPoint, "entry");
        Check(image.Segments[0].Executable && !image.Segments[0].Writable, "code is r-x");
        Check(image.Segments[1].Writable && !image.Segments[1].Executable, "data is rw-");
        Equal(0x405000, (long)image.HighestAddress, "end of bss");
        Check(image.HasTls && image.Tls.MemorySize == 0x10, "TLS recorded");
        Equal(0x100, image.Segments[0].GetFileBytes(file).Length, "code bytes");
    }

    private static void CorruptFields()
    {
        Begin("elf: corrupt fields");
        Expect(18, 3, 2, ElfError.WrongMachine, "machine");
        Expect(16, 3, 2, ElfError.PositionIndependentNotSupported, "ET_DYN");
        Expect(4, 1, 1, ElfError.NotElf64, "class");
        Expect(32, 0xFFFFFFFFFFFFFFF0, 8, ElfError.ProgramHeadersOutOfFile, "phoff");
        Expect(64 + 4, 7, 4, ElfError.WritableAndExecutable, "rwx code");
        Expect(64 + 56 + 8, 0xFFFFFFFFFFFFFF00, 8, ElfError.SegmentOutOfFile, "offset wraps");
        Expect(64 + 56 + 16, 0xFFFF800000002000, 8, ElfError.SegmentOutsideUserSpace, "kernel address");
        Expect(64 + 56 + 16, 0x401000, 8, ElfError.SegmentsOverlap, "overlap");
        Expect(24, 0x402000, 8, ElfError.EntryNotInCode, "entry in data");
        Expect(64 + 112, 3, 4, ElfError.InterpreterNotSupported, "PT_INTERP");
        Check(ElfErrorText.Describe(ElfError.SegmentsOverlap) == "segments overlap", "error text");
    }

    private static void Expect(int offset, ulong value, int size, ElfError expected, string what)
    {
        byte[] file = BuildImage();
        Put(file, offset, value, size);
        ElfError error = ElfParser.Parse(file, ElfLoadLimits.Default, out ElfImage image);
        Check(error == expected && image == null, what + ": got " + ElfErrorText.Describe(error));
    }

    private static void TruncationsAndFlips()
    {
        Begin("elf: truncations and byte flips");
        byte[] file = BuildImage();
        bool allRefused = true;
        for (int length = 0; length < file.Length; length += 7)
            allRefused &= ElfParser.Parse(new ReadOnlySpan<byte>(file).Slice(0, length), ElfLoadLimits.Default, out _) != ElfError.Ok;
        Check(allRefused, "every truncation refused");

        // A linear congruential generator: the core library has no System.Random.
        ulong state = 12345;
        int accepted = 0;
        bool consistent = true;
        for (int round = 0; round < 2000; round++)
        {
            byte[] copy = BuildImage();
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            int offset = (int)((state >> 33) % (64 + 3 * 56));
            copy[offset] ^= (byte)(1 << (int)((state >> 20) & 7));
            if (ElfParser.Parse(copy, ElfLoadLimits.Default, out ElfImage image) == ElfError.Ok)
            {
                accepted++;
                for (int i = 0; i < image.Segments.Length; i++)
                {
                    ElfSegment s = image.Segments[i];
                    consistent &= !(s.Writable && s.Executable) && s.PageStart >= ElfLoadLimits.DefaultUserStart
                        && s.PageEnd <= ElfLoadLimits.DefaultUserEnd && s.GetFileBytes(copy).Length == (int)s.FileSize;
                }
            }
        }
        Check(consistent, "accepted images are consistent");
        Check(accepted > 0 && accepted < 2000, "flips both accepted and refused (" + accepted.ToString() + " accepted)");
    }
}
