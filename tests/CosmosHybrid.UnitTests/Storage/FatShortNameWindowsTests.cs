using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// 8.3 aliases checked against cases worked out from the rules Windows follows: characters
/// upper-cased and kept when code page 437 has them, '_' otherwise; a lossy name always takes
/// a tail, ~1 to ~4, then the hashed form; all-lower-case 8.3 names keep the NT case flags
/// and need no long name.
/// </summary>
[TestFixture]
public class FatShortNameWindowsTests
{

    private static string Field(ReadOnlySpan<byte> name)
    {
        var text = new StringBuilder();
        Span<char> one = stackalloc char[12];
        for (int i = 0; i < 11; i++)
        {
            byte b = name[i];
            if (b < 0x80)
            {
                text.Append((char)b);
                continue;
            }

            // Decode one OEM byte through the engine's own table ("X" + byte, no extension).
            byte[] single = { (byte)'X', b, (byte)' ', (byte)' ', (byte)' ', (byte)' ', (byte)' ', (byte)' ', (byte)' ', (byte)' ', (byte)' ' };
            int length = FatShortName.Format(single, 0, one);
            text.Append(one[length - 1]);
        }

        return text.ToString();
    }

    private static byte[] FieldBytes(string field)
    {
        byte[] bytes = new byte[11];
        for (int i = 0; i < 11; i++)
        {
            char c = field[i];
            bytes[i] = c < 0x80 ? (byte)c : OemByte(c);
        }

        return bytes;
    }

    private static byte OemByte(char c)
    {
        Span<char> one = stackalloc char[12];
        for (int b = 0x80; b < 0x100; b++)
        {
            byte[] single = { (byte)'X', (byte)b, 32, 32, 32, 32, 32, 32, 32, 32, 32 };
            int length = FatShortName.Format(single, 0, one);
            if (one[length - 1] == c)
            {
                return (byte)b;
            }
        }

        throw new ArgumentException("not in code page 437: " + c);
    }

    [TestCase("lower.txt", "LOWER   TXT", FatShortEntry.LowerCaseBase | FatShortEntry.LowerCaseExtension)]
    [TestCase("readme.TXT", "README  TXT", FatShortEntry.LowerCaseBase)]
    [TestCase("README.txt", "README  TXT", FatShortEntry.LowerCaseExtension)]
    [TestCase("README.TXT", "README  TXT", 0)]
    [TestCase("makefile", "MAKEFILE   ", FatShortEntry.LowerCaseBase)]
    [TestCase("a1_$.c", "A1_$    C  ", FatShortEntry.LowerCaseBase | FatShortEntry.LowerCaseExtension)]
    [TestCase("123.456", "123     456", 0)]
    public void AllOneCaseNamesKeepTheNtCaseFlags(string name, string field, int flags)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.TryEncodeWithCase(name, shortName, out byte caseFlags), Is.True);
        Assert.That(Field(shortName), Is.EqualTo(field));
        Assert.That(caseFlags, Is.EqualTo(flags));

        Span<char> display = stackalloc char[12];
        Assert.That(new string(display.Slice(0, FatShortName.Format(shortName, caseFlags, display))), Is.EqualTo(name));
    }

    [TestCase("ReadMe.txt")]
    [TestCase("readme.Txt")]
    [TestCase("café.txt")]
    [TestCase("a b.txt")]
    [TestCase("toolongname.txt")]
    [TestCase("a.b.c")]
    public void MixedCaseOrNon83NamesNeedALongName(string name)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.TryEncodeWithCase(name, shortName, out _), Is.False);
    }

    [TestCase("Über café.txt", "ÜBERCAFÉTXT", true)]
    [TestCase("Grüße.txt", "GRÜßE   TXT", false)]
    [TestCase("café.txt", "CAFÉ    TXT", false)]
    [TestCase("σ.txt", "Σ       TXT", false)]
    [TestCase("ελληνικά.txt", "________TXT", true)]
    [TestCase("Привет.txt", "______  TXT", true)]
    [TestCase("日本語.txt", "___     TXT", true)]
    [TestCase("😀 smile.txt", "__SMILE TXT", true)]
    [TestCase("ÿ.txt", "_       TXT", true)]
    [TestCase("\u00A0x.txt", "_X      TXT", true)]
    [TestCase("Hello World.txt", "HELLOWORTXT", true)]
    [TestCase("a+b,c;d=e[f].g", "A_B_C_D_G  ", true)]
    [TestCase("naïve.tär", "NA_VE   TÄR", true)]
    public void BasisMapsToCodePage437OrUnderscore(string name, string field, bool lossy)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.CreateBasis(name, shortName), Is.EqualTo(lossy));
        Assert.That(Field(shortName), Is.EqualTo(field));
    }

    private static string Choose(string longName, params string[] existing)
    {
        Span<byte> basis = stackalloc byte[11];
        bool lossy = FatShortName.CreateBasis(longName, basis);
        var chooser = new FatAliasChooser();
        chooser.Start(basis, lossy, longName);
        foreach (string name in existing)
        {
            chooser.Observe(FieldBytes(name));
        }

        chooser.Choose(basis);
        return Field(basis);
    }

    [TestCase("Grüße.txt", new string[0], "GRÜßE   TXT")]
    [TestCase("Grüße.txt", new[] { "GRÜßE   TXT" }, "GRÜßE~1 TXT")]
    [TestCase("Über café.txt", new string[0], "ÜBERCA~1TXT")]
    [TestCase("Über café.txt", new[] { "ÜBERCA~1TXT", "ÜBERCA~3TXT" }, "ÜBERCA~2TXT")]
    // mtools writes ελληνικά.txt as ________.TXT, with no tail: it does not block ~1.
    [TestCase("ελληνικό.txt", new[] { "________TXT" }, "______~1TXT")]
    [TestCase("ελληνικό.txt", new[] { "________TXT", "______~1TXT" }, "______~2TXT")]
    [TestCase("Привет.txt", new[] { "______~1TXT", "______~1DOC" }, "______~2TXT")]
    [TestCase("日本語.txt", new[] { "___     TXT" }, "___~1   TXT")]
    [TestCase("long file name.txt", new[] { "LONGFI~2TXT", "LONGFI~3TXT", "LONGFI~1TXT" }, "LONGFI~4TXT")]
    public void TailsAreTheSmallestFreeUpToFour(string longName, string[] existing, string expected)
    {
        Assert.That(Choose(longName, existing), Is.EqualTo(expected));
    }

    [Test]
    public void TheFifthAliasTakesTheHashedForm()
    {
        string[] taken = { "LONGFI~1TXT", "LONGFI~2TXT", "LONGFI~3TXT", "LONGFI~4TXT" };
        string longName = "long file name 5.txt";
        string hex = FatAliasChooser.Hash(longName).ToString("X4");
        Assert.That(Choose(longName, taken), Is.EqualTo("LO" + hex + "~1TXT"));

        var more = new List<string>(taken) { "LO" + hex + "~1TXT" };
        Assert.That(Choose(longName, more.ToArray()), Is.EqualTo("LO" + hex + "~2TXT"));

        // A one-character basis keeps one character.
        hex = FatAliasChooser.Hash("é.txt").ToString("X4");
        Assert.That(Choose("é.txt", "É       TXT", "É~1     TXT", "É~2     TXT", "É~3     TXT", "É~4     TXT"), Is.EqualTo("É" + hex + "~1 TXT"));
    }

    // Built in code: NUnit's attribute strings cannot carry unpaired surrogates.
    private static readonly string[] InvalidNames =
    {
        "name" + (char)0xD800 + ".txt", ((char)0xDC00).ToString(), "a" + (char)0xDE00 + (char)0xD83D, "x" + (char)0xD83D,
        "...", "   ", "tab\there", "a*b", "a:b", "a<b", "a>b", "a|b", "a\"b", "a?b", "a/b", "a\\b",
    };

    [TestCaseSource(nameof(InvalidNames))]
    public void NamesWithoutAStoredFormAreInvalid(string name)
    {
        Assert.That(FatName.Validate(name), Is.EqualTo(CosmosHybrid.Storage.StorageError.InvalidName));
    }

    [Test]
    public void TheLengthLimitCountsUtf16Units()
    {
        string emoji255 = new string('a', 253) + "😀";
        Assert.That(emoji255.Length, Is.EqualTo(255));
        Assert.That(FatName.Validate(emoji255), Is.EqualTo(CosmosHybrid.Storage.StorageError.Ok));
        Assert.That(FatName.Validate(new string('a', 254) + "😀"), Is.EqualTo(CosmosHybrid.Storage.StorageError.InvalidName));
        Assert.That(FatName.Validate(new string('é', 256)), Is.EqualTo(CosmosHybrid.Storage.StorageError.InvalidName));
    }
}
