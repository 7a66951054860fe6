using System.Runtime.CompilerServices;

namespace Internal.Runtime.GC;

/// <summary>
/// How objects look in memory, as in .NET: a header word, then the MethodTable pointer
/// (where a reference points; its lowest bit is the collector's mark while a collection
/// runs), then the fields; arrays and strings keep their element count right after it.
/// ILC's base sizes count the header, and its frozen objects have one too, so every
/// object's header is at <c>obj - HeaderSize</c> (it holds the object's lock: SyncWords).
/// An object of <see cref="SizeOf"/> bytes occupies [obj - HeaderSize, obj - HeaderSize + size).
/// </summary>
internal static unsafe class ObjectModel
{
    public const int HeaderSize = 8;

    private const nuint MarkBit = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* AddressOf(object obj) => *(byte**)Unsafe.AsPointer(ref obj);

    /// <summary>Where the object whose block (header included) starts at <paramref name="block"/> is.</summary>
    public static byte* ObjectAt(byte* block) => block + HeaderSize;

    /// <summary>Where the block of <paramref name="obj"/> (its header) starts.</summary>
    public static byte* BlockOf(byte* obj) => obj - HeaderSize;

    public static object FromAddress(byte* address) => Unsafe.AsRef<object>(&address);

    public static MethodTable* TypeOf(byte* obj) => (MethodTable*)(*(nuint*)obj & ~MarkBit);

    public static nuint SizeOf(byte* obj)
    {
        MethodTable* type = TypeOf(obj);
        nuint size = type->BaseSize;
        if (type->HasComponentSize)
            size += (nuint)(uint)*(int*)(obj + sizeof(nint)) * type->ComponentSize;
        return (size + 7) & ~(nuint)7;
    }

    public static bool IsMarked(byte* obj) => (*(nuint*)obj & MarkBit) != 0;

    public static void SetMark(byte* obj) => *(nuint*)obj |= MarkBit;

    public static void ClearMark(byte* obj) => *(nuint*)obj &= ~MarkBit;

    public static void Zero(byte* memory, nuint bytes) => System.SpanHelpers.Clear(memory, bytes);
}
