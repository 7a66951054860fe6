using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>The build-time upper-case table and the long-name comparison built on it.</summary>
[TestFixture]
public class FatUpcaseTests
{
    [Test]
    public void TableMatchesToUpperInvariantOverTheWholeBmp()
    {
        for (int c = 0; c < 0x10000; c++)
        {
            char expected = char.ToUpperInvariant((char)c);
            char actual = FatUpcase.ToUpper((char)c);
            if (actual != expected)
            {
                Assert.Fail($"U+{c:X4}: table gives U+{(int)actual:X4}, ToUpperInvariant U+{(int)expected:X4}");
            }
        }
    }

    [TestCase("Straße.TXT", "STRAßE.txt", true)]
    [TestCase("éa", "ÉA", true)]
    [TestCase("ÿ", "Ÿ", true)]
    [TestCase("ελληνικά.txt", "ΕΛΛΗΝΙΚΆ.TXT", true)]
    [TestCase("Привет.txt", "пРИВЕТ.Txt", true)]
    [TestCase("ǆ", "Ǆ", true)]
    [TestCase("日本語.txt", "日本語.TXT", true)]
    [TestCase("😀 smile.txt", "😀 SMILE.TXT", true)]
    [TestCase("😀", "😁", false)]
    [TestCase("a", "b", false)]
    [TestCase("÷", "×", false)]
    [TestCase("ελληνικά", "ελληνικα", false)]
    [TestCase("ss", "ß", false)]
    public void LongNamesCompareIgnoringCaseOverUnicode(string stored, string name, bool equal)
    {
        Assert.That(FatName.EqualsIgnoreCase(stored, name), Is.EqualTo(equal));
    }
}
