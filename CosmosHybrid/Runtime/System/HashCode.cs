namespace System;

/// <summary>
/// Combines hash codes. Unlike .NET the result is not randomized per process, so it is
/// the same on every boot; code must not depend on particular values either way.
/// </summary>
public struct HashCode
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;

    private uint _state;
    private int _count;

    public static int Combine<T1>(T1 value1) => Finish(Mix(Seed, Hash(value1)), 1);

    public static int Combine<T1, T2>(T1 value1, T2 value2) =>
        Finish(Mix(Mix(Seed, Hash(value1)), Hash(value2)), 2);

    public static int Combine<T1, T2, T3>(T1 value1, T2 value2, T3 value3) =>
        Finish(Mix(Mix(Mix(Seed, Hash(value1)), Hash(value2)), Hash(value3)), 3);

    public static int Combine<T1, T2, T3, T4>(T1 value1, T2 value2, T3 value3, T4 value4) =>
        Finish(Mix(Mix(Mix(Mix(Seed, Hash(value1)), Hash(value2)), Hash(value3)), Hash(value4)), 4);

    /// <summary>Adds one value to the running hash.</summary>
    public void Add<T>(T value)
    {
        if (_count == 0)
            _state = Seed;
        _state = Mix(_state, Hash(value));
        _count++;
    }

    /// <summary>The hash of every value added so far.</summary>
    public readonly int ToHashCode() => Finish(_count == 0 ? Seed : _state, _count);

    private const uint Seed = 374761393U;

    private static uint Hash<T>(T value) => value is null ? 0 : (uint)value.GetHashCode();

    private static uint Mix(uint state, uint value)
    {
        state += value * Prime2;
        state = (state << 13) | (state >> 19);
        return state * Prime1;
    }

    private static int Finish(uint state, int count)
    {
        state ^= (uint)count;
        state ^= state >> 15;
        state *= Prime2;
        state ^= state >> 13;
        state *= Prime3;
        state ^= state >> 16;
        return (int)state;
    }
}
