using System;
using System.Security.Cryptography;
using CosmosHybrid.Services.Sha256sum;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Tools;

public class Sha256Tests
{
    [TestCase("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [TestCase("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [TestCase("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void KnownAnswers(string text, string expected)
    {
        var hash = new Sha256();
        hash.Append(System.Text.Encoding.ASCII.GetBytes(text));
        var digest = new byte[32];
        hash.Finish(digest);
        Assert.That(Sha256.ToHex(digest), Is.EqualTo(expected));
    }

    [Test]
    public void PiecesOfEveryLengthGiveDotNetsDigest()
    {
        var random = new Random(12);
        var hash = new Sha256();
        var digest = new byte[32];
        foreach (int length in new[] { 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            for (int at = 0; at < length;)
            {
                int piece = Math.Min(length - at, random.Next(1, 200));
                hash.Append(data.AsSpan(at, piece));
                at += piece;
            }
            hash.Finish(digest);
            Assert.That(digest, Is.EqualTo(SHA256.HashData(data)), "length " + length);
        }
    }
}
