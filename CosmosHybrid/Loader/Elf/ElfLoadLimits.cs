namespace CosmosHybrid.Loader.Elf;

/// <summary>
/// What an executable may ask of the address space it is loaded into: the user
/// virtual-address window its segments must fit in, and caps on segment count and
/// total size, so a hostile file cannot make the loader map too much.
/// </summary>
public readonly struct ElfLoadLimits
{
    /// <summary>The conventional lowest user address of an x86-64 executable (page 0 and the rest of the first 4 MiB stay unmapped).</summary>
    public const ulong DefaultUserStart = 0x400000;

    /// <summary>
    /// One page below the top of the lower canonical half: the last user page is kept
    /// unmapped so no user mapping touches the non-canonical hole (SYSRET to a
    /// non-canonical RIP faults in ring 0 on Intel CPUs).
    /// </summary>
    public const ulong DefaultUserEnd = 0x00007FFFFFFFF000;

    /// <summary>At most this many PT_LOAD segments by default.</summary>
    public const int DefaultMaxLoadSegments = 16;

    /// <summary>At most this many bytes of page-rounded segments by default (1 GiB).</summary>
    public const ulong DefaultMaxImageSize = 1UL << 30;

    /// <param name="userStart">Lowest virtual address a segment may occupy.</param>
    /// <param name="userEnd">End (exclusive) of the window; segments rounded out to pages must end at or below it.</param>
    /// <param name="maxImageSize">Largest sum of page-rounded segment sizes.</param>
    /// <param name="maxLoadSegments">Largest number of non-empty PT_LOAD segments.</param>
    public ElfLoadLimits(ulong userStart, ulong userEnd, ulong maxImageSize, int maxLoadSegments)
    {
        UserStart = userStart;
        UserEnd = userEnd;
        MaxImageSize = maxImageSize;
        MaxLoadSegments = maxLoadSegments < 0 ? 0 : maxLoadSegments;
    }

    /// <summary>[<see cref="DefaultUserStart"/>, <see cref="DefaultUserEnd"/>), 1 GiB, 16 segments.</summary>
    public static ElfLoadLimits Default =>
        new ElfLoadLimits(DefaultUserStart, DefaultUserEnd, DefaultMaxImageSize, DefaultMaxLoadSegments);

    /// <summary>Lowest virtual address a segment may occupy.</summary>
    public ulong UserStart { get; }

    /// <summary>End (exclusive) of the user window.</summary>
    public ulong UserEnd { get; }

    /// <summary>Largest sum of page-rounded segment sizes, in bytes.</summary>
    public ulong MaxImageSize { get; }

    /// <summary>Largest number of non-empty PT_LOAD segments.</summary>
    public int MaxLoadSegments { get; }
}
