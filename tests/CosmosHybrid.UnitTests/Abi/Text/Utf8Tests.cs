using System;
using System.Linq;
using System.Text;
using CosmosHybrid.Services.Abi.Text;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Abi.Text;

[TestFixture]
public class Utf8Tests
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    [TestCaseSource(typeof(Utf8StressCases), nameof(Utf8StressCases.WellFormed))]
    public void DecodesWellFormedSequences(string hex, string expected)
    {
        byte[] bytes = Utf8StressCases.Bytes(hex);
        Assert.That(Utf8.GetString(bytes), Is.EqualTo(expected));
        Assert.That(Utf8.TryGetCharCount(bytes, out int count), Is.True);
        Assert.That(count, Is.EqualTo(expected.Length));
        Assert.That(Utf8.GetBytes(expected), Is.EqualTo(bytes));
        Assert.That(Utf8.GetByteCount(expected), Is.EqualTo(bytes.Length));
    }

    [TestCaseSource(typeof(Utf8StressCases), nameof(Utf8StressCases.Malformed))]
    public void RefusesMalformedSequences(string hex)
    {
        byte[] bytes = Utf8StressCases.Bytes(hex);
        Span<char> chars = stackalloc char[64];
        Assert.That(Utf8.Decode(bytes, chars, out _), Is.EqualTo(Utf8Status.Invalid));
        Assert.That(Utf8.IsValid(bytes), Is.False);
        Assert.That(Utf8.GetString(bytes), Is.Null);
        Assert.Throws<DecoderFallbackException>(() => StrictUtf8.GetString(bytes), "the case itself must be malformed for .NET too");
    }

    [TestCaseSource(typeof(Utf8StressCases), nameof(Utf8StressCases.Malformed))]
    public void LenientDecodingReplacesMaximalSubpartsLikeDotNet(string hex)
    {
        byte[] bytes = Utf8StressCases.Bytes(hex);
        string expected = Encoding.UTF8.GetString(bytes);
        Assert.That(Utf8.GetStringLenient(bytes), Is.EqualTo(expected));
        Assert.That(Utf8.GetLenientCharCount(bytes), Is.EqualTo(expected.Length));
    }

    [Test]
    public void EncodingRefusesUnpairedSurrogates()
    {
        Span<byte> bytes = stackalloc byte[16];
        foreach (string text in new[] { "\uD800", "a\uDC00", "\uD83D", "\uD83Dx", "\uDE00\uD83D" })
        {
            Assert.That(Utf8.Encode(text, bytes, out _), Is.EqualTo(Utf8Status.Invalid), text);
            Assert.That(Utf8.GetByteCount(text), Is.EqualTo(-1));
            Assert.That(Utf8.GetBytes(text), Is.Null);
        }

        int written = Utf8.EncodeLenient("a\uD800b", bytes);
        Assert.That(bytes.Slice(0, written).ToArray(), Is.EqualTo(new byte[] { 0x61, 0xEF, 0xBF, 0xBD, 0x62 }));
    }

    [Test]
    public void ReportsASmallDestination()
    {
        Span<char> chars = stackalloc char[1];
        Assert.That(Utf8.Decode(Utf8StressCases.Bytes("F0 9F 98 80"), chars, out int charsWritten), Is.EqualTo(Utf8Status.DestinationTooSmall));
        Assert.That(charsWritten, Is.EqualTo(0));
        Span<byte> bytes = stackalloc byte[2];
        Assert.That(Utf8.Encode("é€", bytes, out int bytesWritten), Is.EqualTo(Utf8Status.DestinationTooSmall));
        Assert.That(bytesWritten, Is.EqualTo(2));
    }

    [Test]
    public void RoundTripsRandomTextLikeDotNet([Values(1, 2, 3, 4, 5)] int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 40);
            for (int i = 0; i < length; i++)
            {
                int scalar = random.Next(6) switch
                {
                    0 => random.Next(0x80),
                    1 => random.Next(0x80, 0x800),
                    2 => random.Next(0x800, 0xD800),
                    3 => random.Next(0xE000, 0x10000),
                    _ => random.Next(0x10000, 0x110000),
                };
                text.Append(char.ConvertFromUtf32(scalar));
            }

            string expected = text.ToString();
            byte[] dotNet = StrictUtf8.GetBytes(expected);
            Assert.That(Utf8.GetBytes(expected), Is.EqualTo(dotNet));
            Assert.That(Utf8.GetString(dotNet), Is.EqualTo(expected));
            Assert.That(Utf8.CountCharacters(dotNet), Is.EqualTo(expected.EnumerateRunes().Count()));
        }
    }

    [Test]
    public void AgreesWithDotNetOnRandomBytes([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        byte[] alphabet = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xF8, 0xFC, 0xFE, 0xFF };
        for (int round = 0; round < 3000; round++)
        {
            byte[] bytes = new byte[random.Next(0, 9)];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }

            string strict;
            try
            {
                strict = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                strict = null;
            }

            Assert.That(Utf8.GetString(bytes), Is.EqualTo(strict), BitConverter.ToString(bytes));
            Assert.That(Utf8.GetStringLenient(bytes), Is.EqualTo(Encoding.UTF8.GetString(bytes)), BitConverter.ToString(bytes));
        }
    }

    [Test]
    public void StepsByWholeCharacters()
    {
        // "aé€😀" then a truncated three-byte sequence, "b" and a stray continuation byte.
        byte[] text = Utf8StressCases.Bytes("61 C3 A9 E2 82 AC F0 9F 98 80 E2 82 62 80");
        int[] starts = { 0, 1, 3, 6, 10, 12, 13 };
        int[] lengths = { 1, 2, 3, 4, 2, 1, 1 };
        for (int i = 0; i < starts.Length; i++)
        {
            Assert.That(Utf8.SequenceLength(text, starts[i]), Is.EqualTo(lengths[i]), "at " + starts[i]);
        }

        int index = text.Length;
        for (int i = starts.Length - 1; i >= 0; i--)
        {
            index = Utf8.PreviousBoundary(text, index);
            Assert.That(index, Is.EqualTo(starts[i]));
        }

        Assert.That(Utf8.PreviousBoundary(text, 0), Is.EqualTo(0));
        Assert.That(Utf8.SequenceLength(text, text.Length), Is.EqualTo(0));
        Assert.That(Utf8.CountCharacters(text), Is.EqualTo(starts.Length));
    }

    [Test]
    public void PreviousBoundaryAgreesWithForwardSteps([Values(7, 8, 9)] int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 2000; round++)
        {
            byte[] bytes = new byte[random.Next(1, 12)];
            random.NextBytes(bytes);
            var starts = new System.Collections.Generic.List<int>();
            for (int i = 0; i < bytes.Length; i += Utf8.SequenceLength(bytes, i))
            {
                starts.Add(i);
            }

            int index = bytes.Length;
            for (int i = starts.Count - 1; i >= 0; i--)
            {
                index = Utf8.PreviousBoundary(bytes, index);
                Assert.That(index, Is.EqualTo(starts[i]), BitConverter.ToString(bytes));
            }
        }
    }

    [Test]
    public void Latin1KeepsTheOldConversion()
    {
        Span<byte> bytes = stackalloc byte[4];
        Assert.That(Latin1.Encode("aé€", bytes), Is.EqualTo(3));
        Assert.That(bytes.Slice(0, 3).ToArray(), Is.EqualTo(new byte[] { 0x61, 0xE9, (byte)'?' }));
        Assert.That(Latin1.GetString(new byte[] { 0x61, 0xE9 }), Is.EqualTo("aé"));
        Assert.That(Latin1.GetStringUntilZero(new byte[] { 0x61, 0, 0x62 }), Is.EqualTo("a"));
    }
}
