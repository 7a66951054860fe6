using System;
using System.IO;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>8.3 aliases, long-name slots and their checksum, checked in isolation and against mtools.</summary>
[TestFixture]
public class FatNameTests : FatTestBase
{
    private static string Field(ReadOnlySpan<byte> name) => Encoding.ASCII.GetString(name.Slice(0, 11));

    [TestCase("README.TXT", "README  TXT")]
    [TestCase("A", "A          ")]
    [TestCase("12345678.123", "12345678123")]
    [TestCase("$DOLLAR~.(1)", "$DOLLAR~(1)")]
    public void ExactShortNamesNeedNoLongName(string name, string field)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.TryEncodeExact(name, shortName), Is.True);
        Assert.That(Field(shortName), Is.EqualTo(field));
    }

    [TestCase("readme.txt")]
    [TestCase("TOOLONGNAME.TXT")]
    [TestCase("A.B.C")]
    [TestCase("A B")]
    [TestCase(".HIDDEN")]
    [TestCase("EXT.LONG")]
    [TestCase("PLUS+.TXT")]
    public void OtherNamesNeedALongName(string name)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.TryEncodeExact(name, shortName), Is.False);
    }

    [TestCase("readme.txt", "README  TXT", false)]
    [TestCase("Hello World.txt", "HELLOWORTXT", true)]
    [TestCase(".bashrc", "BASHRC     ", true)]
    [TestCase("a+b.c", "A_B     C  ", true)]
    [TestCase("verylongname.html", "VERYLONGHTM", true)]
    [TestCase("archive.tar.gz", "ARCHIVETGZ ", true)]
    [TestCase("日本x.txt", "__X     TXT", true)]
    [TestCase("...", "_          ", true)]
    public void BasisFollowsTheVfatRules(string name, string field, bool lossy)
    {
        Span<byte> shortName = stackalloc byte[11];
        Assert.That(FatShortName.CreateBasis(name, shortName), Is.EqualTo(lossy));
        Assert.That(Field(shortName), Is.EqualTo(field));
    }

    [TestCase("VERYLONGHTM", 1, "VERYLO~1HTM")]
    [TestCase("VERYLONGHTM", 10, "VERYL~10HTM")]
    [TestCase("VERYLONGHTM", 123456, "V~123456HTM")]
    [TestCase("AB      TXT", 3, "AB~3    TXT")]
    public void NumericTailsShortenTheBase(string basis, int number, string expected)
    {
        byte[] name = Encoding.ASCII.GetBytes(basis);
        FatShortName.ApplyNumericTail(name, number);
        Assert.That(Field(name), Is.EqualTo(expected));
        Assert.That(FatShortName.GetNumericTail(name, Encoding.ASCII.GetBytes(basis)), Is.EqualTo(number));
    }

    [TestCase("VERYLO~1HTM", "OTHERNAMHTM")]
    [TestCase("VERYLO~1TXT", "VERYLONGHTM")]
    [TestCase("VERYLO~0HTM", "VERYLONGHTM")]
    [TestCase("VERYLONGHTM", "VERYLONGHTM")]
    public void ForeignNamesAreNotTails(string existing, string basis)
    {
        Assert.That(FatShortName.GetNumericTail(Encoding.ASCII.GetBytes(existing), Encoding.ASCII.GetBytes(basis)), Is.EqualTo(0));
    }

    [Test]
    public void DisplayFormHonoursCaseFlagsAndCodePage437()
    {
        Span<char> buffer = stackalloc char[12];
        byte[] name = Encoding.ASCII.GetBytes("README  TXT");
        Assert.That(new string(buffer.Slice(0, FatShortName.Format(name, 0, buffer))), Is.EqualTo("README.TXT"));
        Assert.That(new string(buffer.Slice(0, FatShortName.Format(name, FatShortEntry.LowerCaseBase, buffer))), Is.EqualTo("readme.TXT"));
        Assert.That(new string(buffer.Slice(0, FatShortName.Format(name, FatShortEntry.LowerCaseExtension, buffer))), Is.EqualTo("README.txt"));
        name[0] = 0x05;
        name[1] = 0x81;
        Assert.That(new string(buffer.Slice(0, FatShortName.Format(name, 0, buffer))), Is.EqualTo("\u03C3\u00FCADME.TXT"));
    }

    [Test]
    public void LongNameSlotsRoundTripThroughTheAssembler()
    {
        string longName = "A name of exactly twenty-six";
        byte[] shortName = Encoding.ASCII.GetBytes("ANAMEO~1   ");
        byte checksum = FatLongNameEntry.ComputeChecksum(shortName);
        int slots = FatLongNameEntry.EntriesNeeded(longName.Length);
        var assembler = new FatLongNameAssembler();
        byte[] slot = new byte[32];
        for (int ordinal = slots; ordinal >= 1; ordinal--)
        {
            FatLongNameEntry.Write(slot, longName, ordinal, ordinal == slots, checksum);
            assembler.Add(slot, slots - ordinal);
        }

        Assert.That(assembler.TryComplete(shortName, out int first), Is.True);
        Assert.That(first, Is.EqualTo(0));
        Assert.That(new string(assembler.Name), Is.EqualTo(longName));

        // A wrong checksum (slots orphaned by a non-VFAT rename) drops the long name.
        for (int ordinal = slots; ordinal >= 1; ordinal--)
        {
            FatLongNameEntry.Write(slot, longName, ordinal, ordinal == slots, (byte)(checksum + 1));
            assembler.Add(slot, slots - ordinal);
        }

        Assert.That(assembler.TryComplete(shortName, out _), Is.False);
    }

    [Test]
    public void ChecksumMatchesTheSlotsMtoolsWrites()
    {
        string image = CreateImage(32, 65536);
        FatTools.Put(image, "/A File Name Written By Mtools.txt", new byte[] { 1 });
        byte[] bytes = File.ReadAllBytes(image);
        Assert.That(FatBootSector.Parse(bytes, (ulong)bytes.Length, out FatBootSector boot), Is.EqualTo(StorageError.Ok));

        // Root directory: long-name slots first, then the short entry.
        int root = (int)(boot.GetClusterFirstSector(boot.RootCluster) * (uint)boot.BytesPerSector);
        int shortEntry = root;
        while (FatShortEntry.IsLongName(new ReadOnlySpan<byte>(bytes, shortEntry, 32)))
        {
            shortEntry += 32;
        }

        Assert.That(shortEntry, Is.GreaterThan(root));
        byte expected = FatLongNameEntry.GetChecksum(new ReadOnlySpan<byte>(bytes, root, 32));
        Assert.That(FatLongNameEntry.ComputeChecksum(new ReadOnlySpan<byte>(bytes, shortEntry, 11)), Is.EqualTo(expected));
    }

    [TestCase("ok name.txt", StorageError.Ok)]
    [TestCase("", StorageError.InvalidName)]
    [TestCase(".", StorageError.InvalidName)]
    [TestCase("..", StorageError.InvalidName)]
    [TestCase("a\\b", StorageError.InvalidName)]
    [TestCase("a?", StorageError.InvalidName)]
    [TestCase("end.", StorageError.InvalidName)]
    [TestCase(".leading dot is fine", StorageError.Ok)]
    public void LongNameValidation(string name, StorageError expected)
    {
        Assert.That(FatName.Validate(name), Is.EqualTo(expected));
    }

    [Test]
    public void NameComparisonFoldsAsciiAndLatin1()
    {
        Assert.That(FatName.EqualsIgnoreCase("Straße.TXT", "STRAßE.txt"), Is.True);
        Assert.That(FatName.EqualsIgnoreCase("éa", "ÉA"), Is.True);
        Assert.That(FatName.EqualsIgnoreCase("a", "b"), Is.False);
        Assert.That(FatName.EqualsIgnoreCase("÷", "×"), Is.False);
    }
}
