using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>The checksum against RFC 1071's definition, two bytes at a time, for every length and alignment.</summary>
public class InternetChecksumTests
{
    private static ushort Reference(uint sum, byte[] data, int offset, int length)
    {
        int i = 0;
        for (; i + 1 < length; i += 2)
            sum += (uint)((data[offset + i] << 8) | data[offset + i + 1]);
        if (i < length)
            sum += (uint)(data[offset + i] << 8);
        return InternetChecksum.Finish(sum);
    }

    [Test]
    public void MatchesTheTwoByteSumForEveryLengthAndOffset()
    {
        var random = new Random(1071);
        var data = new byte[1600];
        for (int round = 0; round < 4; round++)
        {
            random.NextBytes(data);
            if (round == 1)
                Array.Fill(data, (byte)0xFF); // every carry at once
            if (round == 2)
                Array.Clear(data);
            for (int offset = 0; offset < 9; offset++)
            {
                for (int length = 0; length <= 1530; length += length < 40 ? 1 : 37)
                {
                    uint start = (uint)random.Next(0, 0x3FFFF);
                    ushort expected = Reference(start, data, offset, length);
                    ushort actual = InternetChecksum.Finish(InternetChecksum.Add(start, data.AsSpan(offset, length)));
                    Assert.That(actual, Is.EqualTo(expected), $"offset {offset}, length {length}, round {round}");
                }
            }
        }
    }

    // The contract of InternetChecksum.BlockSum (the net service's ADC loop), carry by carry in C#.
    private static unsafe ulong BlockSumWithCarries(byte* data, nint blocks)
    {
        ulong sum = 0;
        for (nint i = 0; i < blocks * 4; i++)
        {
            ulong word = ((ulong*)data)[i];
            sum += word;
            if (sum < word)
                sum++;
        }
        return sum;
    }

    [Test]
    [NonParallelizable]
    public unsafe void AnInstalledBlockSumGivesTheSameChecksums()
    {
        var random = new Random(5681);
        var data = new byte[1600];
        InternetChecksum.BlockSum = &BlockSumWithCarries;
        try
        {
            for (int round = 0; round < 3; round++)
            {
                random.NextBytes(data);
                if (round == 1)
                    Array.Fill(data, (byte)0xFF); // the end-around carry every word
                for (int offset = 0; offset < 5; offset++)
                {
                    for (int length = 0; length <= 1530; length += length < 100 ? 1 : 29)
                    {
                        uint start = (uint)random.Next(0, 0x3FFFF);
                        ushort expected = Reference(start, data, offset, length);
                        ushort actual = InternetChecksum.Finish(InternetChecksum.Add(start, data.AsSpan(offset, length)));
                        Assert.That(actual, Is.EqualTo(expected), $"offset {offset}, length {length}, round {round}");
                    }
                }
            }
        }
        finally
        {
            InternetChecksum.BlockSum = null;
        }
    }

    [Test]
    public void RfcExampleAndPieces()
    {
        // RFC 1071 1.2's example bytes: 00 01 f2 03 f4 f5 f6 f7 sum to ddf2 (before the complement).
        byte[] bytes = { 0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7 };
        Assert.That(InternetChecksum.Compute(bytes), Is.EqualTo((ushort)(0xFFFF - 0xDDF2)));
        uint pieces = InternetChecksum.Add(InternetChecksum.Add(0, bytes.AsSpan(0, 2)), bytes.AsSpan(2));
        Assert.That(InternetChecksum.Finish(pieces), Is.EqualTo((ushort)(0xFFFF - 0xDDF2)), "summed in even pieces");
    }
}
