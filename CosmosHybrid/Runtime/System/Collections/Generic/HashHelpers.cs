namespace System.Collections.Generic;

/// <summary>Table sizes for the hash-based collections: primes, so that poor hash codes still spread.</summary>
internal static class HashHelpers
{
    private static readonly int[] s_primes =
    {
        3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919,
        1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591,
        17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437,
        187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263,
    };

    /// <summary>The smallest table size at least <paramref name="min"/>.</summary>
    public static int GetPrime(int min)
    {
        if (min < 0)
            throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
        for (int i = 0; i < s_primes.Length; i++)
        {
            if (s_primes[i] >= min)
                return s_primes[i];
        }
        for (int candidate = min | 1; candidate < int.MaxValue; candidate += 2)
        {
            if (IsPrime(candidate))
                return candidate;
        }
        return min;
    }

    /// <summary>The size to grow to from <paramref name="oldSize"/>: about double.</summary>
    public static int ExpandPrime(int oldSize) => GetPrime(oldSize > int.MaxValue / 2 ? int.MaxValue : 2 * oldSize);

    private static bool IsPrime(int candidate)
    {
        for (int divisor = 3; (long)divisor * divisor <= candidate; divisor += 2)
        {
            if (candidate % divisor == 0)
                return false;
        }
        return true;
    }
}
