using System;
using System.IO;
using System.Text;

namespace CosmosHybrid.BootTests;

/// <summary>A screen as QEMU's <c>screendump</c> writes it (binary PPM, 8 bits per channel), as 0x00RRGGBB pixels.</summary>
public sealed class ScreenImage
{
    private ScreenImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row after row, 0x00RRGGBB: the framebuffer's own x8r8g8b8 layout.</summary>
    public uint[] Pixels { get; }

    public uint this[int x, int y] => Pixels[y * Width + x];

    public static ScreenImage ReadPpm(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int position = 0;
        string magic = NextToken(file, ref position);
        if (magic != "P6")
            throw new InvalidDataException($"{path}: not a binary PPM ({magic})");
        int width = int.Parse(NextToken(file, ref position));
        int height = int.Parse(NextToken(file, ref position));
        int maximum = int.Parse(NextToken(file, ref position));
        if (maximum != 255)
            throw new InvalidDataException($"{path}: {maximum} levels per channel, expected 255");
        position++; // the single white-space byte before the samples

        var pixels = new uint[width * height];
        for (int i = 0; i < pixels.Length; i++, position += 3)
            pixels[i] = (uint)(file[position] << 16 | file[position + 1] << 8 | file[position + 2]);
        return new ScreenImage(width, height, pixels);
    }

    /// <summary>Writes the screen as a binary PPM (for a failing test's log).</summary>
    public void SavePpm(string path)
    {
        byte[] header = Encoding.ASCII.GetBytes($"P6\n{Width} {Height}\n255\n");
        var file = new byte[header.Length + Pixels.Length * 3];
        header.CopyTo(file, 0);
        for (int i = 0, position = header.Length; i < Pixels.Length; i++, position += 3)
        {
            file[position] = (byte)(Pixels[i] >> 16);
            file[position + 1] = (byte)(Pixels[i] >> 8);
            file[position + 2] = (byte)Pixels[i];
        }
        File.WriteAllBytes(path, file);
    }

    private static string NextToken(byte[] file, ref int position)
    {
        while (char.IsWhiteSpace((char)file[position]))
            position++;
        var token = new StringBuilder();
        while (!char.IsWhiteSpace((char)file[position]))
            token.Append((char)file[position++]);
        return token.ToString();
    }
}
