namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// What a dead key (an accent typed on its own) makes of the next character: the accented
/// letter where there is one, the accent itself before a space, else both as typed.
/// </summary>
public static class DeadKeys
{
    // Pairs: base letter, accented letter.
    private const string Circumflex = "aâeêiîoôuûAÂEÊIÎOÔUÛ";
    private const string Diaeresis = "aäeëiïoöuüyÿAÄEËIÏOÖUÜ";
    private const string Acute = "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝ";
    private const string Grave = "aàeèiìoòuùAÀEÈIÌOÒUÙ";
    private const string Tilde = "aãnñoõAÃNÑOÕ";

    /// <summary>The text typed by dead key <paramref name="accent"/> followed by <paramref name="next"/>.</summary>
    public static string Compose(char accent, char next)
    {
        if (next == ' ')
            return accent.ToString();
        string pairs = accent switch
        {
            '^' => Circumflex,
            '¨' => Diaeresis,
            '´' => Acute,
            '`' => Grave,
            '~' => Tilde,
            _ => null,
        };
        if (pairs != null)
        {
            for (int i = 0; i < pairs.Length; i += 2)
            {
                if (pairs[i] == next)
                    return pairs[i + 1].ToString();
            }
        }
        return accent.ToString() + next.ToString();
    }
}
