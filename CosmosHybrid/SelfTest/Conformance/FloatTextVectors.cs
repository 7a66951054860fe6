using System;
using System.Globalization;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// Floating-point text of many values from a fixed-seed generator (random bit patterns,
/// plus powers of ten, subnormals and halves), folded into one digest. The kernel
/// self-test and usertest print <see cref="Summary"/>; the boot tests compute it with
/// .NET from the same seed and compare, so every string is checked against .NET's without
/// sending the strings over the serial line. Parsing each shortest string back must give
/// the value again.
/// </summary>
public static class FloatTextVectors
{
    public const ulong Seed = 0x9E3779B97F4A7C15;

    /// <summary>How many values the kernel self-test and usertest check at boot.</summary>
    public const int BootCount = 2000;

    private static readonly string[] s_doubleFormats = { "R", "E16", "G5", "e3" };
    private static readonly string[] s_smallFormats = { "F2", "N3", "P1" };

    /// <summary>"N values, digest XXXXXXXXXXXXXXXX, 0 round-trip failures".</summary>
    public static string Summary(int count)
    {
        ulong digest = 0xCBF29CE484222325; // FNV-1a
        int failures = 0;
        ulong state = Seed;
        for (int i = 0; i < count; i++)
        {
            double value = Generate(i, ref state);
            string shortest = value.ToString(CultureInfo.InvariantCulture);
            digest = Fold(digest, shortest);
            if (!double.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out double back)
                || BitConverter.DoubleToInt64Bits(back) != BitConverter.DoubleToInt64Bits(value) && !double.IsNaN(value))
                failures++;
            foreach (string format in s_doubleFormats)
                digest = Fold(digest, value.ToString(format, CultureInfo.InvariantCulture));
            if (Math.Abs(value) < 1e15)
            {
                foreach (string format in s_smallFormats)
                    digest = Fold(digest, value.ToString(format, CultureInfo.InvariantCulture));
            }
            float single = (float)value;
            string singleText = single.ToString(CultureInfo.InvariantCulture);
            digest = Fold(digest, singleText);
            digest = Fold(digest, single.ToString("E9", CultureInfo.InvariantCulture));
            if (!float.TryParse(singleText, NumberStyles.Float, CultureInfo.InvariantCulture, out float singleBack)
                || BitConverter.SingleToInt32Bits(singleBack) != BitConverter.SingleToInt32Bits(single) && !float.IsNaN(single))
                failures++;
            // Reading the 17-digit text must also round correctly (not only the shortest one).
            string wide = value.ToString("E20", CultureInfo.InvariantCulture);
            if (double.TryParse(wide, NumberStyles.Float, CultureInfo.InvariantCulture, out double wideBack))
                digest = Fold(digest, BitConverter.DoubleToInt64Bits(wideBack).ToString("x16"));
        }
        return count.ToString() + " values, digest " + digest.ToString("x16") + ", " + failures.ToString() + " round-trip failures";
    }

    private static double Generate(int index, ref ulong state)
    {
        switch (index % 8)
        {
            case 0:
            {
                // A power of ten, or one of its neighbours.
                int power = (int)(Next(ref state) % 600) - 300;
                double value = double.Parse("1e" + power.ToString(), CultureInfo.InvariantCulture);
                long neighbour = BitConverter.DoubleToInt64Bits(value) + (long)(Next(ref state) % 3) - 1;
                return BitConverter.Int64BitsToDouble(neighbour);
            }
            case 1:
                // A subnormal.
                return BitConverter.Int64BitsToDouble((long)(Next(ref state) & 0x000F_FFFF_FFFF_FFFF));
            case 2:
                // A half-integer or a short decimal fraction: the rounding ties of F, N and P.
                return (long)(Next(ref state) % 2_000_000) / 8.0 - 125_000;
            case 3:
                // A value with few digits, as programs print them.
                return (long)(Next(ref state) % 1_000_000) / 1000.0;
            default:
                // Any finite bit pattern.
                ulong bits = Next(ref state);
                if ((bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000)
                    bits &= 0xBFFF_FFFF_FFFF_FFFF;
                return BitConverter.Int64BitsToDouble((long)bits);
        }
    }

    private static ulong Next(ref ulong state)
    {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1D;
    }

    private static ulong Fold(ulong digest, string text)
    {
        foreach (char c in text)
        {
            digest ^= c;
            digest *= 0x100000001B3;
        }
        digest ^= '|';
        digest *= 0x100000001B3;
        return digest;
    }
}
