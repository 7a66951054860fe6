using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.UnitTests.Boot.Multiboot2;

/// <summary>Writes Multiboot2 boot information structures the way GRUB lays them out.</summary>
internal sealed class BootInformationBuilder
{
    private readonly List<byte> _tags = new();

    public BootInformationBuilder CommandLine(string text) => StringTag(1, text);

    public BootInformationBuilder BootLoaderName(string text) => StringTag(2, text);

    public BootInformationBuilder Module(uint start, uint end, string name)
    {
        var body = new List<byte>();
        body.AddRange(U32(start));
        body.AddRange(U32(end));
        body.AddRange(Encoding.ASCII.GetBytes(name + "\0"));
        return Tag(3, body.ToArray());
    }

    public BootInformationBuilder MemoryMap(params (ulong Base, ulong Length, uint Type)[] entries)
    {
        var body = new List<byte>();
        body.AddRange(U32(24));
        body.AddRange(U32(0));
        foreach (var (baseAddress, length, type) in entries)
        {
            body.AddRange(U64(baseAddress));
            body.AddRange(U64(length));
            body.AddRange(U32(type));
            body.AddRange(U32(0));
        }
        return Tag(6, body.ToArray());
    }

    public BootInformationBuilder Framebuffer(ulong address, uint pitch, uint width, uint height, byte bpp, byte type)
    {
        var body = new List<byte>();
        body.AddRange(U64(address));
        body.AddRange(U32(pitch));
        body.AddRange(U32(width));
        body.AddRange(U32(height));
        body.Add(bpp);
        body.Add(type);
        body.AddRange(new byte[2 + 6]);
        return Tag(8, body.ToArray());
    }

    public BootInformationBuilder Tag(uint type, byte[] body)
    {
        _tags.AddRange(U32(type));
        _tags.AddRange(U32((uint)(8 + body.Length)));
        _tags.AddRange(body);
        while (_tags.Count % 8 != 0)
            _tags.Add(0);
        return this;
    }

    public byte[] Build(bool withEndTag = true)
    {
        var all = new List<byte>();
        var tags = new List<byte>(_tags);
        if (withEndTag)
        {
            tags.AddRange(U32(0));
            tags.AddRange(U32(8));
        }
        all.AddRange(U32((uint)(8 + tags.Count)));
        all.AddRange(U32(0));
        all.AddRange(tags);
        return all.ToArray();
    }

    private BootInformationBuilder StringTag(uint type, string text) => Tag(type, Encoding.ASCII.GetBytes(text + "\0"));

    private static byte[] U32(uint value) => System.BitConverter.GetBytes(value);

    private static byte[] U64(ulong value) => System.BitConverter.GetBytes(value);
}
