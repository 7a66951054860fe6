using System.Collections.Generic;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class Utf8StreamDecoderTests
{
    private static int[] Decode(params byte[] bytes)
    {
        var decoder = new Utf8StreamDecoder();
        var output = new List<int>();
        foreach (byte b in bytes)
        {
            while (true)
            {
                Utf8DecodeResult result = decoder.Decode(b, out int scalar);
                if (result == Utf8DecodeResult.Scalar)
                {
                    output.Add(scalar);
                }
                else if (result == Utf8DecodeResult.Invalid)
                {
                    output.Add(0xFFFD);
                }
                else if (result == Utf8DecodeResult.InvalidRetry)
                {
                    output.Add(0xFFFD);
                    continue;
                }

                break;
            }
        }

        if (decoder.IsPending)
        {
            output.Add(-1);
        }

        return output.ToArray();
    }

    [Test]
    public void DecodesOneToFourByteForms()
    {
        Assert.That(Decode(0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80),
            Is.EqualTo(new[] { 0x41, 0xE9, 0x20AC, 0x1F600 }));
    }

    [Test]
    public void CyrillicAndGreek()
    {
        // "Жλ"
        Assert.That(Decode(0xD0, 0x96, 0xCE, 0xBB), Is.EqualTo(new[] { 0x416, 0x3BB }));
    }

    [TestCase(new byte[] { 0xC0, 0x80 }, new[] { 0xFFFD, 0xFFFD }, TestName = "Overlong C0 80")]
    [TestCase(new byte[] { 0xE0, 0x80, 0x80 }, new[] { 0xFFFD, 0xFFFD, 0xFFFD }, TestName = "Overlong E0 80 80")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, new[] { 0xFFFD, 0xFFFD, 0xFFFD }, TestName = "Surrogate ED A0 80")]
    [TestCase(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new[] { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, TestName = "Above U+10FFFF")]
    [TestCase(new byte[] { 0xF5 }, new[] { 0xFFFD }, TestName = "F5 never valid")]
    [TestCase(new byte[] { 0x80, 0x41 }, new[] { 0xFFFD, 0x41 }, TestName = "Stray continuation")]
    [TestCase(new byte[] { 0xE2, 0x82, 0x41 }, new[] { 0xFFFD, 0x41 }, TestName = "Truncated three-byte form is one replacement")]
    [TestCase(new byte[] { 0xF0, 0x9F, 0x98, 0xC3, 0xA9 }, new[] { 0xFFFD, 0xE9 }, TestName = "Truncated four-byte form then a valid one")]
    public void IllFormedInputIsReplacedPerMaximalSubpart(byte[] input, int[] expected)
    {
        Assert.That(Decode(input), Is.EqualTo(expected));
    }

    [Test]
    public void IncompleteSequenceStaysPending()
    {
        Assert.That(Decode(0xE2, 0x82), Is.EqualTo(new[] { -1 }));
    }
}
