namespace CosmosHybrid.Services.Abi;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, deterministic generator. Campaigns draw
/// from it (fault injection in the kernel, the fuzzers), so a run is repeated exactly by its seed
/// on every machine; <see cref="Mix"/> alone spreads a value that is merely hard to guess (the
/// time-stamp counter) over all 64 bits. Not for anything secret.
/// </summary>
public struct SplitMix64
{
    private const ulong Increment = 0x9E37_79B9_7F4A_7C15;

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next() => Finish(_state += Increment);

    /// <summary>A value in [0, bound); 0 when the bound is not positive. The modulo bias is irrelevant here.</summary>
    public int Below(int bound) => bound <= 0 ? 0 : (int)(Next() % (ulong)bound);

    /// <summary>A value in [0, bound); 0 when the bound is 0.</summary>
    public ulong Below(ulong bound) => bound == 0 ? 0 : Next() % bound;

    /// <summary>True with probability 1 / <paramref name="n"/>.</summary>
    public bool OneIn(int n) => Below(n) == 0;

    /// <summary>The output a generator seeded with <paramref name="value"/> gives first.</summary>
    public static ulong Mix(ulong value) => Finish(value + Increment);

    /// <summary>The seed of sub-stream <paramref name="index"/> of <paramref name="seed"/> (a thread's, a child's).</summary>
    public static ulong Derive(ulong seed, ulong index)
    {
        var mixer = new SplitMix64(seed ^ (index * 0xD1B5_4A32_D192_ED03));
        mixer.Next();
        return mixer.Next();
    }

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
