namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>
/// The pages a buffer lies on, as the forwarding mount lends them: the buffer starts
/// <see cref="HeadOffset"/> bytes into its first page, and a page it covers only in part (at
/// either end) holds bytes that are not the buffer's. Only whole pages are lent as they are;
/// a partial one goes through a bounce page, so the server never sees nor writes a byte
/// outside the caller's request. Pure arithmetic, free of hardware.
/// </summary>
internal readonly struct BufferPages
{
    public const ulong PageSize = 4096;

    public BufferPages(ulong address, ulong length)
    {
        Address = address;
        Length = length;
    }

    /// <summary>Where the buffer starts (any address: a user address, or the kernel's view of it).</summary>
    public ulong Address { get; }

    public ulong Length { get; }

    /// <summary>The start of the buffer's first page.</summary>
    public ulong FirstPage => Address & ~(PageSize - 1);

    /// <summary>How far into its first page the buffer starts.</summary>
    public ulong HeadOffset => Address & (PageSize - 1);

    /// <summary>The pages the buffer touches (0 for an empty buffer).</summary>
    public int PageCount => Length == 0 ? 0 : (int)((HeadOffset + Length + PageSize - 1) / PageSize);

    /// <summary>The start of page <paramref name="index"/> (0 = the first).</summary>
    public ulong PageAt(int index) => FirstPage + (ulong)index * PageSize;

    /// <summary>True when the buffer covers page <paramref name="index"/> only in part.</summary>
    public bool IsPartial(int index) => FirstByteIn(index) != 0 || EndIn(index) != PageSize;

    /// <summary>The offset inside page <paramref name="index"/> of the buffer's first byte there.</summary>
    public ulong FirstByteIn(int index) => index == 0 ? HeadOffset : 0;

    /// <summary>The offset inside page <paramref name="index"/> just past the buffer's last byte there.</summary>
    public ulong EndIn(int index)
    {
        ulong end = Address + Length;
        ulong pageEnd = PageAt(index) + PageSize;
        return end >= pageEnd ? PageSize : end - PageAt(index);
    }

    /// <summary>How many bytes of the buffer come before page <paramref name="index"/>.</summary>
    public ulong BytesBefore(int index) => index == 0 ? 0 : PageAt(index) - Address;
}
