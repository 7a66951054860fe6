namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, deterministic generator. The fuzzer draws
/// everything from it, so a run is repeated exactly by its seed (on one thread; threads and
/// children each get their own generator, seeded from the run's seed and their number).
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound) (bound &gt; 0); the modulo bias is irrelevant for fuzzing.</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>True with probability 1 / <paramref name="n"/>.</summary>
    public bool OneIn(int n) => Below(n) == 0;

    /// <summary>The seed of sub-stream <paramref name="index"/> of <paramref name="seed"/> (a thread's, a child's).</summary>
    public static ulong Derive(ulong seed, ulong index)
    {
        var mixer = new SplitMix64(seed ^ (index * 0xD1B5_4A32_D192_ED03));
        mixer.Next();
        return mixer.Next();
    }
}
