namespace CosmosHybrid.Services.Input.Protocol;

/// <summary>
/// A keyboard layout's name in one message word: up to eight lower-case ASCII letters, the
/// first in the lowest byte, the rest zero. 0 means no name.
/// </summary>
public static class KeymapName
{
    public const int MaxLength = 8;

    /// <summary>Packs <paramref name="name"/>; false when it is empty, too long or not lower-case letters.</summary>
    public static bool TryPack(string name, out ulong packed)
    {
        packed = 0;
        if (name == null || name.Length == 0 || name.Length > MaxLength)
            return false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c < 'a' || c > 'z')
                return false;
            packed |= (ulong)c << (8 * i);
        }
        return true;
    }

    /// <summary>The name in <paramref name="packed"/>, or null when the word holds none (0, gaps, other bytes).</summary>
    public static string Unpack(ulong packed)
    {
        if (packed == 0)
            return null;
        char[] name = new char[MaxLength];
        int length = 0;
        for (int i = 0; i < MaxLength; i++)
        {
            byte b = (byte)(packed >> (8 * i));
            if (b == 0)
            {
                if ((packed >> (8 * i)) != 0)
                    return null;   // a letter after the end
                break;
            }
            if (b < 'a' || b > 'z')
                return null;
            name[length++] = (char)b;
        }
        return new string(name, 0, length);
    }
}
