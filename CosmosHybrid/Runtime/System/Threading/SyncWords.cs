using Internal.Runtime;
using Internal.Runtime.GC;

namespace System.Threading;

/// <summary>
/// Where an object's <see cref="Monitor"/> lock lives: its sync word, 8 bytes holding the
/// <see cref="ThinLock"/> state (low half) and recursion count (high half). A heap object has
/// one already: ILC's base sizes count a header word this runtime does not place before
/// objects, so the last word of every heap object is unused (see ObjectModel); it is zero when
/// the object is allocated and goes away with it. Frozen objects of the image (string literals,
/// preinitialized statics) get a word from a small table instead, claimed on first lock.
/// </summary>
internal static unsafe class SyncWords
{
    private const int FrozenCapacity = 256;   // a power of two

    private static FrozenSyncTable s_frozen;

    private struct FrozenSyncTable
    {
        public fixed long Keys[FrozenCapacity];
        public fixed long Words[FrozenCapacity];
    }

    /// <summary>The state word of <paramref name="obj"/>'s lock; its recursion count is the next int.</summary>
    public static int* Of(object obj)
    {
        if (obj == null)
            throw new ArgumentNullException(nameof(obj));
        byte* address = ObjectModel.AddressOf(obj);
        if (GCRoots.IsFrozen(address))
            return OfFrozen(address);
        return (int*)(address + ObjectModel.SizeOf(address) - sizeof(long));
    }

    private static int* OfFrozen(byte* address)
    {
        fixed (FrozenSyncTable* table = &s_frozen)
        {
            int slot = (int)((ulong)address >> 3) & (FrozenCapacity - 1);
            for (int probe = 0; probe < FrozenCapacity; probe++)
            {
                long key = table->Keys[slot];
                if (key == (long)address)
                    return (int*)&table->Words[slot];
                if (key == 0 && Interlocked.CompareExchange(ref table->Keys[slot], (long)address, 0) == 0)
                    return (int*)&table->Words[slot];
                if (table->Keys[slot] == (long)address)
                    return (int*)&table->Words[slot];
                slot = (slot + 1) & (FrozenCapacity - 1);
            }
        }
        RuntimeHost.FailFast("too many frozen objects locked", null);
        return null;
    }
}
