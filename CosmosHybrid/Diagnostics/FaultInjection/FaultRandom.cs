namespace CosmosHybrid.Diagnostics.FaultInjection;

/// <summary>
/// A small seeded generator (SplitMix64): the same seed gives the same faults on every machine,
/// so a campaign's finding can be replayed from its seed. Not for anything secret.
/// </summary>
internal struct FaultRandom
{
    private ulong _state;

    public FaultRandom(ulong seed)
    {
        _state = seed;
    }

    public ulong Next()
    {
        _state += 0x9E37_79B9_7F4A_7C15;
        ulong z = _state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>); 0 when the bound is 0.</summary>
    public ulong Below(ulong bound) => bound == 0 ? 0 : Next() % bound;
}
