using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Long names in Latin, Greek, Cyrillic, CJK and emoji, between the engine and the reference
/// tools (mkfs.fat, mtools with a UTF-8 locale, fsck.fat).
/// </summary>
[TestFixture]
public class FatUnicodeNameTests : FatTestBase
{
    // mtools cannot write names outside the BMP (it drops the emoji), so the emoji name is
    // only written by the engine.
    private static readonly string[] MtoolsNames =
    {
        "Über café.txt", "ελληνικά.txt", "Привет.txt", "日本語.txt", "a name with  spaces.and.dots.txt", "Grüße.txt", "lower.txt",
    };

    private static readonly string[] EngineNames =
    {
        "Über café.txt", "ελληνικά.txt", "Привет.txt", "日本語.txt", "😀 smile.txt", "a name with  spaces.and.dots.txt", "Grüße.txt", "lower.txt",
        "Ελληνικό αρχείο με πολύ μακρύ όνομα.txt", "中文文件名.md", "한국어.txt", "emoji 🎉🚀 party.txt",
    };

    private static byte[] Content(string name) => Encoding.UTF8.GetBytes("content of " + name + "\n");

    [TestCase(12, 4096)]
    [TestCase(16, 16384)]
    [TestCase(32, 65536)]
    public void ListsAndReadsNamesInEveryScriptWrittenByMtools(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatTools.MakeDirectory(image, "/Папка");
        foreach (string name in MtoolsNames)
        {
            FatTools.Put(image, "/" + name, Content(name));
            FatTools.Put(image, "/Папка/" + name, Content(name));
        }

        FatVolume volume = Mount(image);
        var expected = new List<string>(MtoolsNames) { "Папка" };
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(expected));
        Assert.That(ListNames(volume, "/Папка"), Is.EquivalentTo(MtoolsNames));
        foreach (string name in MtoolsNames)
        {
            Assert.That(ReadFile(volume, "/" + name), Is.EqualTo(Content(name)), name);
            Assert.That(ReadFile(volume, "/ПАПКА/" + name.ToUpperInvariant()), Is.EqualTo(Content(name)), name);
            Assert.That(ReadFile(volume, "/папка/" + name.ToLowerInvariant()), Is.EqualTo(Content(name)), name);
        }
    }

    [TestCase(12, 4096)]
    [TestCase(16, 16384)]
    [TestCase(32, 65536)]
    public void NamesWrittenByTheEngineReadBackWithMtools(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/Ελληνικός φάκελος"));
        foreach (string name in EngineNames)
        {
            WriteFile(volume, "/" + name, Content(name));
            WriteFile(volume, "/Ελληνικός φάκελος/" + name, Content(name));
        }

        Expect(volume.Flush());
        FatTools.AssertClean(image);

        string listing = FatTools.List(image, "/Ελληνικός φάκελος");
        foreach (string name in EngineNames)
        {
            Expect(volume.Stat("/" + name, out FatEntryInfo info));
            Assert.That(info.Name, Is.EqualTo(name));
            if (name.Contains('\uD83D') || name == "lower.txt")
            {
                // mtools cannot show non-BMP names; read through the alias instead.
                Assert.That(FatTools.Get(image, "/" + info.ShortName), Is.EqualTo(Content(name)), name);
                continue;
            }

            Assert.That(listing, Does.Contain(" " + name + "\n"), name);
            Assert.That(FatTools.Get(image, "/" + name), Is.EqualTo(Content(name)), name);
            Assert.That(FatTools.Get(image, "/Ελληνικός φάκελος/" + name), Is.EqualTo(Content(name)), name);
        }

        // A fresh mount lists every name exactly, surrogate pairs included.
        FatVolume again = Mount(image);
        var expected = new List<string>(EngineNames) { "Ελληνικός φάκελος" };
        Assert.That(ListNames(again, "/"), Is.EquivalentTo(expected));
        Assert.That(ListNames(again, "/ελληνικός ΦΆΚΕΛΟΣ"), Is.EquivalentTo(EngineNames));
    }

    [Test]
    public void AliasesTakeTailsBesideMtoolsTaillessNames()
    {
        string image = CreateImage(16, 16384);
        FatTools.Put(image, "/ελληνικά.txt", Content("a"));
        FatVolume volume = Mount(image);
        Expect(volume.Stat("/ελληνικά.txt", out FatEntryInfo mtools));
        Assert.That(mtools.ShortName, Is.EqualTo("________.TXT"));

        WriteFile(volume, "/ελληνικό.txt", Content("b"));
        WriteFile(volume, "/русский.txt", Content("c"));
        Expect(volume.Stat("/ελληνικό.txt", out FatEntryInfo first));
        Expect(volume.Stat("/русский.txt", out FatEntryInfo second));
        Assert.That(first.ShortName, Is.EqualTo("______~1.TXT"));
        Assert.That(second.ShortName, Is.EqualTo("______~2.TXT"));
        Expect(volume.Flush());

        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/ελληνικά.txt"), Is.EqualTo(Content("a")));
        Assert.That(FatTools.Get(image, "/ελληνικό.txt"), Is.EqualTo(Content("b")));
        Assert.That(FatTools.Get(image, "/русский.txt"), Is.EqualTo(Content("c")));
    }

    [Test]
    public void TheFifthSimilarNameTakesTheHashedAlias()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        for (int i = 1; i <= 7; i++)
        {
            WriteFile(volume, "/Long file name " + i + ".txt", Content(i.ToString()));
        }

        Expect(volume.Flush());
        FatTools.AssertClean(image);
        for (int i = 1; i <= 7; i++)
        {
            string name = "Long file name " + i + ".txt";
            Expect(volume.Stat("/" + name, out FatEntryInfo info));
            if (i <= 4)
            {
                Assert.That(info.ShortName, Is.EqualTo("LONGFI~" + i + ".TXT"));
            }
            else
            {
                string hex = FatAliasChooser.Hash(name).ToString("X4");
                Assert.That(info.ShortName, Does.Match("^LO" + hex + "~[1-9]\\.TXT$"));
            }

            Assert.That(FatTools.Get(image, "/" + name), Is.EqualTo(Content(i.ToString())));
            Assert.That(FatTools.Get(image, "/" + info.ShortName), Is.EqualTo(Content(i.ToString())));
        }
    }

    [Test]
    public void AllLowerCaseShortNamesAreStoredWithCaseFlagsAndNoLongName()
    {
        string image = CreateImage(16, 16384);
        FatVolume volume = Mount(image);
        WriteFile(volume, "/lower.txt", Content("x"));
        WriteFile(volume, "/Mixed.txt", Content("y"));
        Expect(volume.Flush());

        byte[] bytes = File.ReadAllBytes(image);
        int lower = IndexOf(bytes, Encoding.ASCII.GetBytes("LOWER   TXT"));
        Assert.That(bytes[lower + 12], Is.EqualTo(FatShortEntry.LowerCaseBase | FatShortEntry.LowerCaseExtension));
        Assert.That(lower % 32 == 0 && (lower < 32 || bytes[lower - 32 + 11] != 0x0F), Is.True, "no long-name slot before lower.txt");
        int mixed = IndexOf(bytes, Encoding.ASCII.GetBytes("MIXED   TXT"));
        Assert.That(bytes[mixed + 12], Is.EqualTo(0));
        Assert.That(bytes[mixed - 32 + 11], Is.EqualTo(0x0F), "Mixed.txt keeps its case in a long name");

        FatTools.AssertClean(image);
        Assert.That(Regex.IsMatch(FatTools.List(image, "/"), @"\blower +txt\b"), Is.True);
        Assert.That(FatTools.Get(image, "/lower.txt"), Is.EqualTo(Content("x")));
        Assert.That(ListNames(Mount(image), "/"), Is.EquivalentTo(new[] { "lower.txt", "Mixed.txt" }));
    }

    [Test]
    public void RenamesBetweenScriptsKeepTheNewName()
    {
        string image = CreateImage(16, 16384);
        FatVolume volume = Mount(image);
        WriteFile(volume, "/lower.txt", Content("x"));
        Expect(volume.Rename("/lower.txt", "/Привет мир.txt"));
        Expect(volume.Rename("/Привет мир.txt", "/😀.txt"));
        Expect(volume.Rename("/😀.txt", "/plain.txt"));
        Expect(volume.Flush());
        FatTools.AssertClean(image);
        Assert.That(ListNames(Mount(image), "/"), Is.EqualTo(new[] { "plain.txt" }));
        Assert.That(FatTools.Get(image, "/plain.txt"), Is.EqualTo(Content("x")));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i += 32)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        Assert.Fail("not found: " + Encoding.ASCII.GetString(needle));
        return -1;
    }
}
