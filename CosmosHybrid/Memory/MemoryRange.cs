namespace CosmosHybrid.Memory;

/// <summary>A half-open range of physical addresses [Start, End).</summary>
public readonly struct MemoryRange
{
    public MemoryRange(ulong start, ulong end)
    {
        Start = start;
        End = end < start ? start : end;
    }

    public ulong Start { get; }

    public ulong End { get; }

    public ulong Length => End - Start;

    public bool IsEmpty => End == Start;

    public static MemoryRange FromBaseAndLength(ulong start, ulong length) =>
        new MemoryRange(start, length > ulong.MaxValue - start ? ulong.MaxValue : start + length);

    /// <summary>The largest page-aligned range inside this one (pages partly outside are dropped).</summary>
    public MemoryRange ShrinkToPages(ulong pageSize)
    {
        ulong start = (Start + pageSize - 1) & ~(pageSize - 1);
        ulong end = End & ~(pageSize - 1);
        return start < Start || end <= start ? new MemoryRange(0, 0) : new MemoryRange(start, end);
    }

    public override string ToString() => "[0x" + Start.ToString("x") + "-0x" + End.ToString("x") + ")";
}
