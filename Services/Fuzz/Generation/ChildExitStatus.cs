using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>
/// How a disposable fuzz child says it ran to its end, and how many calls it made: it exits with
/// a base drawn from its own seed plus its call count. Its random Exit calls end it with random
/// statuses (0, 1, powers of two, any 32-bit value), so a bare count would pass their statuses off
/// as calls. A random status lands in the seed's window of COUNT + 1 values only by chance (for a
/// child of 2 000 calls, about one random 32-bit status in two million).
/// </summary>
public static class ChildExitStatus
{
    // The base is in [2^28, 2^29): with any count up to 2^30 above it, the status stays a positive int.
    private const uint BaseFloor = 1u << 28;

    /// <summary>The status a child of <paramref name="seed"/> exits with after <paramref name="calls"/> calls.</summary>
    public static int Completed(ulong seed, long calls) => (int)(BaseOf(seed) + (uint)calls);

    /// <summary>True (with the child's call count) when <paramref name="status"/> is the end of a child of <paramref name="seed"/> that was to make at most <paramref name="count"/> calls.</summary>
    public static bool TryRead(ulong seed, long count, long status, out long calls)
    {
        calls = status - BaseOf(seed);
        if (calls >= 0 && calls <= count)
            return true;
        calls = 0;
        return false;
    }

    private static uint BaseOf(ulong seed) => BaseFloor + (uint)(SplitMix64.Mix(seed) % BaseFloor);
}
