namespace CosmosHybrid.Scheduling;

/// <summary>Bit tricks on the mask of non-empty priority levels (bit n set: level n has a ready thread).</summary>
internal static class PriorityBitmap
{
    /// <summary>
    /// Index of the lowest set bit of a non-zero mask: the highest non-empty priority.
    /// A five-step binary search, so picking costs the same whatever the levels.
    /// </summary>
    public static int LowestSetBit(uint mask)
    {
        int index = 0;
        if ((mask & 0xFFFF) == 0) { index += 16; mask >>= 16; }
        if ((mask & 0xFF) == 0) { index += 8; mask >>= 8; }
        if ((mask & 0xF) == 0) { index += 4; mask >>= 4; }
        if ((mask & 0x3) == 0) { index += 2; mask >>= 2; }
        if ((mask & 0x1) == 0) { index += 1; }
        return index;
    }
}
