namespace CosmosHybrid.Drivers.Mmio;

/// <summary>
/// Loads and stores of memory-mapped device registers. Each access goes through a
/// volatile field, so the compiler neither caches a register in a CPU register nor
/// merges, drops or reorders two accesses: a status poll really reads the device
/// every time, and a doorbell write stays after the stores that prepared it.
/// </summary>
internal static unsafe class MmioRegister
{
    private struct Register32
    {
        public volatile uint Value;
    }

    /// <summary>Reads the 32-bit register at virtual address <paramref name="address"/>.</summary>
    public static uint Read32(ulong address) => ((Register32*)address)->Value;

    /// <summary>Writes the 32-bit register at virtual address <paramref name="address"/>.</summary>
    public static void Write32(ulong address, uint value) => ((Register32*)address)->Value = value;
}
