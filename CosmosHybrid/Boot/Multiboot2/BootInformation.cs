using System;

namespace CosmosHybrid.Boot.Multiboot2;

/// <summary>
/// What the boot loader told the kernel, parsed from the Multiboot2 boot information
/// structure (a size header followed by 8-byte-aligned tags). Parsing never reads past
/// the structure: a truncated or inconsistent tag ends parsing and sets <see cref="IsTruncated"/>.
/// </summary>
public sealed class BootInformation
{
    public const int MaxMemoryRegions = 128;
    public const int MaxModules = 64;

    private const uint TagEnd = 0;
    private const uint TagCommandLine = 1;
    private const uint TagBootLoaderName = 2;
    private const uint TagModule = 3;
    private const uint TagBasicMemory = 4;
    private const uint TagMemoryMap = 6;
    private const uint TagFramebuffer = 8;
    private const uint TagAcpiOldRsdp = 14;
    private const uint TagAcpiNewRsdp = 15;

    private readonly MemoryRegion[] _memoryRegions = new MemoryRegion[MaxMemoryRegions];
    private readonly BootModule[] _modules = new BootModule[MaxModules];

    private BootInformation()
    {
    }

    public string CommandLine { get; private set; } = "";

    public string BootLoaderName { get; private set; } = "";

    /// <summary>Size of the whole structure in bytes (it must not be overwritten while in use).</summary>
    public uint TotalSize { get; private set; }

    public bool IsTruncated { get; private set; }

    public uint LowerMemoryKiB { get; private set; }

    public uint UpperMemoryKiB { get; private set; }

    public int MemoryRegionCount { get; private set; }

    public int ModuleCount { get; private set; }

    public FramebufferInfo Framebuffer { get; private set; }

    /// <summary>True when the loader passed a copy of the ACPI RSDP.</summary>
    public bool HasAcpiRsdp { get; private set; }

    public MemoryRegion GetMemoryRegion(int index) => _memoryRegions[index];

    public BootModule GetModule(int index) => _modules[index];

    /// <summary>Finds the module whose command line (as GRUB's `module2` gave it) is <paramref name="name"/>.</summary>
    public bool TryFindModule(string name, out BootModule module)
    {
        for (int i = 0; i < ModuleCount; i++)
        {
            if (_modules[i].Name == name)
            {
                module = _modules[i];
                return true;
            }
        }
        module = default;
        return false;
    }

    /// <summary>
    /// Parses the structure in <paramref name="data"/> (which may extend past it).
    /// Returns null when even the header is unusable.
    /// </summary>
    public static BootInformation Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
            return null;
        uint totalSize = LittleEndian.ReadUInt32(data, 0);
        if (totalSize < 8 || totalSize > (uint)data.Length)
            return null;

        var info = new BootInformation { TotalSize = totalSize };
        ReadOnlySpan<byte> tags = data.Slice(0, (int)totalSize);
        int offset = 8;
        while (true)
        {
            if (offset + 8 > tags.Length)
            {
                info.IsTruncated = true;
                break;
            }
            uint type = LittleEndian.ReadUInt32(tags, offset);
            uint size = LittleEndian.ReadUInt32(tags, offset + 4);
            if (size < 8 || size > (uint)(tags.Length - offset))
            {
                info.IsTruncated = true;
                break;
            }
            if (type == TagEnd)
                break;

            info.ParseTag(type, tags.Slice(offset + 8, (int)size - 8));
            offset += (int)((size + 7) & ~7u);
        }
        return info;
    }

    private void ParseTag(uint type, ReadOnlySpan<byte> body)
    {
        switch (type)
        {
            case TagCommandLine:
                CommandLine = LittleEndian.ReadCString(body);
                break;
            case TagBootLoaderName:
                BootLoaderName = LittleEndian.ReadCString(body);
                break;
            case TagModule:
                if (body.Length >= 8 && ModuleCount < MaxModules)
                {
                    _modules[ModuleCount++] = new BootModule(
                        LittleEndian.ReadUInt32(body, 0), LittleEndian.ReadUInt32(body, 4), LittleEndian.ReadCString(body.Slice(8)));
                }
                break;
            case TagBasicMemory:
                if (body.Length >= 8)
                {
                    LowerMemoryKiB = LittleEndian.ReadUInt32(body, 0);
                    UpperMemoryKiB = LittleEndian.ReadUInt32(body, 4);
                }
                break;
            case TagMemoryMap:
                ParseMemoryMap(body);
                break;
            case TagFramebuffer:
                if (body.Length >= 22)
                {
                    Framebuffer = new FramebufferInfo(
                        LittleEndian.ReadUInt64(body, 0), LittleEndian.ReadUInt32(body, 8), LittleEndian.ReadUInt32(body, 12),
                        LittleEndian.ReadUInt32(body, 16), body[20], (FramebufferKind)body[21]);
                }
                break;
            case TagAcpiOldRsdp:
            case TagAcpiNewRsdp:
                HasAcpiRsdp = true;
                break;
        }
    }

    // Body: entry size, entry version, then entries {u64 base, u64 length, u32 type, u32 reserved}.
    private void ParseMemoryMap(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
            return;
        uint entrySize = LittleEndian.ReadUInt32(body, 0);
        if (entrySize < 20 || entrySize > 4096)
            return;
        for (int offset = 8; offset + entrySize <= body.Length && MemoryRegionCount < MaxMemoryRegions; offset += (int)entrySize)
        {
            _memoryRegions[MemoryRegionCount++] = new MemoryRegion(
                LittleEndian.ReadUInt64(body, offset), LittleEndian.ReadUInt64(body, offset + 8),
                (MemoryRegionType)LittleEndian.ReadUInt32(body, offset + 16));
        }
    }
}
