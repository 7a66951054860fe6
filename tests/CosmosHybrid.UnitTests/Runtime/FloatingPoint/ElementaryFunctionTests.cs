using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Runtime.FloatingPoint;

/// <summary>
/// The core library's Math algorithms (ElementaryFunctions, FloatRounding), compiled here
/// from their sources, against .NET's Math (glibc's libm on Linux) on random arguments
/// from a fixed seed: rounding and Sqrt are exact; the others stay within one unit in the
/// last place (the README records how often they differ at all).
/// </summary>
public class ElementaryFunctionTests
{
    private const int Samples = 50_000;

    private static readonly double[] s_specials =
    {
        0.0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 10, 0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-310, Math.PI, -Math.PI, Math.PI / 2, Math.E, 1e22, 709.78, -745.1,
    };

    private static long UlpDistance(double expected, double actual)
    {
        if (BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)))
            return 0;
        if (double.IsNaN(expected) || double.IsNaN(actual) || double.IsInfinity(expected) != double.IsInfinity(actual)
            || (expected < 0) != (actual < 0) || double.IsInfinity(expected))
            return long.MaxValue;
        return Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual));
    }

    public static IEnumerable<TestCaseData> UnaryFunctions()
    {
        yield return Case("Sqrt", FloatRounding.Sqrt, Math.Sqrt, r => AnyPositive(r), 0);
        yield return Case("Floor", FloatRounding.Floor, Math.Floor, r => Wide(r), 0);
        yield return Case("Ceiling", FloatRounding.Ceiling, Math.Ceiling, r => Wide(r), 0);
        yield return Case("Truncate", FloatRounding.Truncate, Math.Truncate, r => Wide(r), 0);
        yield return Case("Round", FloatRounding.RoundToEven, Math.Round, r => Halves(r), 0);
        yield return Case("RoundAwayFromZero", FloatRounding.RoundAwayFromZero, x => Math.Round(x, MidpointRounding.AwayFromZero), r => Halves(r), 0);
        yield return Case("Exp", ElementaryFunctions.Exp, Math.Exp, r => (r.NextDouble() - 0.5) * 1460, 1);
        yield return Case("Exp near 0", ElementaryFunctions.Exp, Math.Exp, r => (r.NextDouble() - 0.5) * 2, 1);
        yield return Case("Log", ElementaryFunctions.Log, Math.Log, r => AnyPositive(r), 1);
        yield return Case("Log near 1", ElementaryFunctions.Log, Math.Log, r => 1 + (r.NextDouble() - 0.5) * 0.01, 1);
        yield return Case("Log10", ElementaryFunctions.Log10, Math.Log10, r => AnyPositive(r), 1);
        yield return Case("Log2", ElementaryFunctions.Log2, Math.Log2, r => AnyPositive(r), 1);
        yield return Case("Sin", ElementaryFunctions.Sin, Math.Sin, r => (r.NextDouble() - 0.5) * 20, 1);
        yield return Case("Sin of any double", ElementaryFunctions.Sin, Math.Sin, r => AnyFinite(r), 1);
        yield return Case("Cos", ElementaryFunctions.Cos, Math.Cos, r => (r.NextDouble() - 0.5) * 20, 1);
        yield return Case("Cos of any double", ElementaryFunctions.Cos, Math.Cos, r => AnyFinite(r), 1);
        yield return Case("Tan", ElementaryFunctions.Tan, Math.Tan, r => (r.NextDouble() - 0.5) * 20, 1);
        yield return Case("Tan of any double", ElementaryFunctions.Tan, Math.Tan, r => AnyFinite(r), 1);
        yield return Case("Atan", ElementaryFunctions.Atan, Math.Atan, r => (r.NextDouble() - 0.5) * Math.ScaleB(1, r.Next(-30, 30)), 1);
        yield return Case("Asin", ElementaryFunctions.Asin, Math.Asin, r => (r.NextDouble() - 0.5) * 2, 1);
        yield return Case("Acos", ElementaryFunctions.Acos, Math.Acos, r => (r.NextDouble() - 0.5) * 2, 1);
    }

    private static TestCaseData Case(string name, Func<double, double> ours, Func<double, double> dotNet, Func<Random, double> argument, long maxUlps) =>
        new TestCaseData(ours, dotNet, argument, maxUlps).SetName("MatchesDotNet(" + name + ")");

    private static double AnyPositive(Random r) => BitConverter.Int64BitsToDouble(r.NextInt64(1, 0x7FF0_0000_0000_0000));

    private static double AnyFinite(Random r) => BitConverter.Int64BitsToDouble(r.NextInt64(0, 0x7FF0_0000_0000_0000)) * (r.Next(2) == 0 ? 1 : -1);

    private static double Wide(Random r) => (r.NextDouble() - 0.5) * Math.ScaleB(1, r.Next(-4, 60));

    private static double Halves(Random r) => Math.Round((r.NextDouble() - 0.5) * Math.ScaleB(1, r.Next(1, 54))) / (r.Next(2) + 1);

    [TestCaseSource(nameof(UnaryFunctions))]
    public void MatchesDotNet(Func<double, double> ours, Func<double, double> dotNet, Func<Random, double> argument, long maxUlps)
    {
        var random = new Random(1234);
        long worst = 0;
        double worstArgument = 0;
        int differing = 0;
        var arguments = new List<double>(s_specials);
        for (int i = 0; i < Samples; i++)
            arguments.Add(argument(random));
        foreach (double x in arguments)
        {
            long distance = UlpDistance(dotNet(x), ours(x));
            if (distance != 0)
                differing++;
            if (distance > worst)
            {
                worst = distance;
                worstArgument = x;
            }
        }
        TestContext.Out.WriteLine($"{differing} of {arguments.Count} differ; worst {worst} ulp at {worstArgument:R}");
        Assert.That(worst, Is.LessThanOrEqualTo(maxUlps), $"at {worstArgument:R}: .NET {dotNet(worstArgument):R}, ours {ours(worstArgument):R}");
    }

    [Test]
    public void PowMatchesDotNet()
    {
        var random = new Random(99);
        long worst = 0;
        foreach (double x in s_specials)
        {
            foreach (double y in s_specials)
                Assert.That(UlpDistance(Math.Pow(x, y), ElementaryFunctions.Pow(x, y)), Is.LessThanOrEqualTo(x == double.MaxValue ? 1 : 0), $"Pow({x:R}, {y:R})");
        }
        for (int i = 0; i < Samples; i++)
        {
            double x = random.NextDouble() * 10;
            double y = (random.NextDouble() - 0.5) * 100;
            worst = Math.Max(worst, UlpDistance(Math.Pow(x, y), ElementaryFunctions.Pow(x, y)));
            double integer = random.Next(-40, 40);
            Assert.That(ElementaryFunctions.Pow(-x, integer), Is.EqualTo(Math.Pow(-x, integer)).Within(1).Ulps, $"Pow({-x:R}, {integer})");
        }
        Assert.That(worst, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void Atan2MatchesDotNet()
    {
        var random = new Random(5);
        foreach (double y in s_specials)
        {
            foreach (double x in s_specials)
                Assert.That(UlpDistance(Math.Atan2(y, x), ElementaryFunctions.Atan2(y, x)), Is.LessThanOrEqualTo(1), $"Atan2({y:R}, {x:R})");
        }
        for (int i = 0; i < Samples; i++)
        {
            double y = (random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-20, 20));
            double x = (random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-20, 20));
            Assert.That(UlpDistance(Math.Atan2(y, x), ElementaryFunctions.Atan2(y, x)), Is.LessThanOrEqualTo(1), $"Atan2({y:R}, {x:R})");
        }
    }

    [Test]
    public void SpecialValuesMatchDotNetExactly()
    {
        var functions = new (string Name, Func<double, double> Ours, Func<double, double> DotNet)[]
        {
            ("Exp", ElementaryFunctions.Exp, Math.Exp), ("Log", ElementaryFunctions.Log, Math.Log),
            ("Log10", ElementaryFunctions.Log10, Math.Log10), ("Log2", ElementaryFunctions.Log2, Math.Log2),
            ("Sin", ElementaryFunctions.Sin, Math.Sin), ("Cos", ElementaryFunctions.Cos, Math.Cos), ("Tan", ElementaryFunctions.Tan, Math.Tan),
            ("Atan", ElementaryFunctions.Atan, Math.Atan), ("Asin", ElementaryFunctions.Asin, Math.Asin), ("Acos", ElementaryFunctions.Acos, Math.Acos),
            ("Sqrt", FloatRounding.Sqrt, Math.Sqrt), ("Floor", FloatRounding.Floor, Math.Floor), ("Ceiling", FloatRounding.Ceiling, Math.Ceiling),
        };
        foreach (var function in functions)
        {
            foreach (double x in new[] { 0.0, -0.0, 1.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                Assert.That(UlpDistance(function.DotNet(x), function.Ours(x)), Is.Zero, $"{function.Name}({x:R})");
        }
        for (int power = 0; power <= 22; power++)
            Assert.That(ElementaryFunctions.Log10(Math.Pow(10, power)), Is.EqualTo((double)power), "Log10 of 1e" + power);
        for (int power = -1074; power < 1024; power++)
            Assert.That(ElementaryFunctions.Log2(Math.ScaleB(1, power)), Is.EqualTo((double)power), "Log2 of 2^" + power);
    }
}
