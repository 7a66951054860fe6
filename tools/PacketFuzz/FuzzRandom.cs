using System;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>
/// SplitMix64: the same stream for the same seed on every runtime and machine, so a seed names a
/// campaign for good (System.Random's seeded algorithm is not promised to stay the same).
/// </summary>
public sealed class FuzzRandom
{
    private ulong _state;

    public FuzzRandom(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound).</summary>
    public int Next(int bound) => bound <= 0 ? 0 : (int)(NextUInt64() % (ulong)bound);

    /// <summary>A value in [low, high).</summary>
    public int Next(int low, int high) => low + Next(high - low);

    public byte NextByte() => (byte)NextUInt64();

    public ushort NextUInt16() => (ushort)NextUInt64();

    public uint NextUInt32() => (uint)NextUInt64();

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public void Fill(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = NextByte();
    }
}
