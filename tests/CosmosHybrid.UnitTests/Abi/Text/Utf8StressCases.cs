namespace CosmosHybrid.UnitTests.Abi.Text;

/// <summary>
/// Test data after the sections of Markus Kuhn's "UTF-8 decoder capability and stress test"
/// (written out here as hex strings, not copied from its file): well-formed boundary cases
/// (section 2) and the malformed sequences of sections 3 to 5.
/// </summary>
internal static class Utf8StressCases
{
    /// <summary>Well-formed sequences and the UTF-16 text they decode to.</summary>
    public static readonly object[] WellFormed =
    {
        // 2.1 first possible sequence of each length
        new object[] { "00", "\u0000" },
        new object[] { "C2 80", "\u0080" },
        new object[] { "E0 A0 80", "\u0800" },
        new object[] { "F0 90 80 80", "\U00010000" },
        // 2.2 last possible sequence of each length (4 bytes: the last scalar value, U+10FFFF)
        new object[] { "7F", "\u007F" },
        new object[] { "DF BF", "\u07FF" },
        new object[] { "EF BF BF", "\uFFFF" },
        new object[] { "F4 8F BF BF", "\U0010FFFF" },
        // 2.3 other boundary conditions
        new object[] { "ED 9F BF", "\uD7FF" },
        new object[] { "EE 80 80", "\uE000" },
        new object[] { "EF BF BD", "\uFFFD" },
        // 5.3 noncharacters are scalar values: well-formed
        new object[] { "EF BF BE", "\uFFFE" },
        new object[] { "EF B7 90", "\uFDD0" },
        // 1 some text
        new object[] { "CE BA E1 BD B9 CF 83 CE BC CE B5", "\u03BA\u1F79\u03C3\u03BC\u03B5" },
        new object[] { "F0 9F 98 80 20 73 6D 69 6C 65", "\U0001F600 smile" },
    };

    /// <summary>Malformed sequences: a strict decoder must refuse every one.</summary>
    public static readonly string[] Malformed =
    {
        // 3.1 unexpected continuation bytes
        "80", "BF", "80 BF", "80 BF 80", "80 BF 80 BF", "80 BF 80 BF 80", "80 BF 80 BF 80 BF", "80 BF 80 BF 80 BF 80",
        // 3.2 lonely start characters, each followed by a space
        "C0 20", "C1 20", "C2 20", "DF 20", "E0 20", "EF 20", "F0 20", "F7 20", "F8 20", "FB 20", "FC 20", "FD 20",
        // 3.3 sequences with the last continuation byte missing (2-6 byte forms, lowest and highest)
        "C0", "E0 80", "F0 80 80", "F8 80 80 80", "FC 80 80 80 80",
        "DF", "EF BF", "F7 BF BF", "FB BF BF BF", "FD BF BF BF BF",
        "C2", "E0 A0", "F0 90 80", "E1 80", "F4 8F BF", "41 E2 82",
        // 3.4 all of 3.3 concatenated
        "C0 E0 80 F0 80 80 F8 80 80 80 FC 80 80 80 80 DF EF BF F7 BF BF FB BF BF BF FD BF BF BF BF",
        // 3.5 impossible bytes
        "FE", "FF", "FE FE FF FF",
        // 4.1 overlong forms of '/'
        "C0 AF", "E0 80 AF", "F0 80 80 AF", "F8 80 80 80 AF", "FC 80 80 80 80 AF",
        // 4.2 maximum overlong sequences
        "C1 BF", "E0 9F BF", "F0 8F BF BF", "F8 87 BF BF BF", "FC 83 BF BF BF BF",
        // 4.3 overlong NUL
        "C0 80", "E0 80 80", "F0 80 80 80", "F8 80 80 80 80", "FC 80 80 80 80 80",
        // 5.1 single UTF-16 surrogates
        "ED A0 80", "ED AD BF", "ED AE 80", "ED AF BF", "ED B0 80", "ED BE 80", "ED BF BF",
        // 5.2 paired UTF-16 surrogates
        "ED A0 80 ED B0 80", "ED A0 80 ED BF BF", "ED AD BF ED B0 80", "ED AD BF ED BF BF",
        "ED AE 80 ED B0 80", "ED AE 80 ED BF BF", "ED AF BF ED B0 80", "ED AF BF ED BF BF",
        // beyond U+10FFFF, and the old 5- and 6-byte forms of large values
        "F4 90 80 80", "F5 80 80 80", "F7 BF BF BF", "F8 88 80 80 80", "FB BF BF BF BF", "FC 84 80 80 80 80", "FD BF BF BF BF BF",
        // a malformed sequence after good text
        "68 C3 A9 6C 6C 6F C3",
    };

    public static byte[] Bytes(string hex)
    {
        if (hex.Length == 0)
        {
            return System.Array.Empty<byte>();
        }

        string[] parts = hex.Split(' ');
        byte[] bytes = new byte[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            bytes[i] = System.Convert.ToByte(parts[i], 16);
        }

        return bytes;
    }
}
