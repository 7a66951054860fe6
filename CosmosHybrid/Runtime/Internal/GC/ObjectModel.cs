using System.Runtime.CompilerServices;

namespace Internal.Runtime.GC;

/// <summary>
/// How objects look in memory: the MethodTable pointer first (its lowest bit is the
/// collector's mark while a collection runs), then the fields; arrays and strings keep
/// their element count right after it. Sizes include one unused trailing word, because
/// ILC's base sizes count a header word that this runtime does not place before objects.
/// </summary>
internal static unsafe class ObjectModel
{
    private const nuint MarkBit = 1;

    public static byte* AddressOf(object obj) => *(byte**)Unsafe.AsPointer(ref obj);

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
