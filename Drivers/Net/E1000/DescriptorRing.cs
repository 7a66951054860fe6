namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// Index arithmetic of a descriptor ring the driver shares with the NIC. The driver owns
/// the slots from <see cref="Clean"/> up to the tail it wrote; the NIC owns the rest. One
/// slot stays empty, so head == tail always means "nothing for the NIC" (as the manuals say).
/// </summary>
public struct DescriptorRing
{
    public const int DescriptorBytes = 16;
    public const int MaxCount = 4096;

    /// <summary>The number of descriptors (a multiple of 8: the length register counts 128-byte units).</summary>
    public int Count { get; }

    /// <summary>The next slot the driver gives to the NIC (the tail register's value).</summary>
    public int Tail { get; private set; }

    /// <summary>The oldest slot given to the NIC and not yet taken back.</summary>
    public int Clean { get; private set; }

    public DescriptorRing(int count)
    {
        Count = count;
        Tail = 0;
        Clean = 0;
    }

    /// <summary>A ring the NIC accepts: 8 to <see cref="MaxCount"/> descriptors, a multiple of 8.</summary>
    public static bool IsValidCount(int count) => count >= 8 && count <= MaxCount && count % 8 == 0;

    /// <summary>The length register's value (bytes).</summary>
    public int LengthInBytes => Count * DescriptorBytes;

    public int Next(int index) => index + 1 == Count ? 0 : index + 1;

    /// <summary>Slots given to the NIC and not yet taken back.</summary>
    public int InFlight => Tail >= Clean ? Tail - Clean : Tail + Count - Clean;

    /// <summary>Slots the driver may still give (one always stays empty).</summary>
    public int Free => Count - 1 - InFlight;

    /// <summary>Gives the slot at <see cref="Tail"/> to the NIC; false when the ring is full.</summary>
    public bool Give()
    {
        if (Free == 0)
            return false;
        Tail = Next(Tail);
        return true;
    }

    /// <summary>Takes back the slot at <see cref="Clean"/>; false when nothing is in flight.</summary>
    public bool TakeBack()
    {
        if (InFlight == 0)
            return false;
        Clean = Next(Clean);
        return true;
    }

    /// <summary>True when <paramref name="index"/> is a slot the NIC owns (given, not taken back).</summary>
    public bool IsInFlight(int index)
    {
        if (index < 0 || index >= Count)
            return false;
        int offset = index >= Clean ? index - Clean : index + Count - Clean;
        return offset < InFlight;
    }
}
