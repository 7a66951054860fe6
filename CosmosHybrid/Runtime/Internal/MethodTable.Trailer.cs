namespace Internal.Runtime;

/// <summary>
/// The 32-bit relative pointers ILC 10 places after the interface map, in this order:
/// TypeManager, WritableData, DispatchMap (if HasDispatchMap), Finalizer (if
/// HasFinalizer), SealedVTable (if HasSealedVTableEntries), then for a generic
/// instantiation its generic definition and its type argument (for one argument) or
/// argument list. Each points relative to its own address.
/// </summary>
internal unsafe partial struct MethodTable
{
    private const uint HasFinalizerFlag = 0x00100000;
    private const uint HasSealedVTableEntriesFlag = 0x00400000;
    private const uint IsGenericFlag = 0x02000000;

    private int* TrailingRelativePointers => (int*)(InterfaceMap + _interfaceCount);

    private static void* Follow(int* relativePointer) => (byte*)relativePointer + *relativePointer;

    /// <summary>
    /// The type's pointer-sized writable slot (null when ILC gave it none): the runtime
    /// keeps the type's one <see cref="System.Type"/> object there.
    /// </summary>
    public nint* WritableData
    {
        get
        {
            int* pointer = TrailingRelativePointers + 1;
            return *pointer == 0 ? null : (nint*)Follow(pointer);
        }
    }

    // TypeManager and WritableData are always present; the others depend on flags.
    private int* SealedVTablePointer
    {
        get
        {
            int* next = TrailingRelativePointers + 2;
            if (HasDispatchMap)
                next++;
            if ((_flags & HasFinalizerFlag) != 0)
                next++;
            return next;
        }
    }

    /// <summary>
    /// The code address of sealed virtual slot <paramref name="index"/> (counted past the
    /// vtable). A method that implements an interface without being virtual gets such a
    /// slot; dispatch map entries at or past the vtable's size refer to them.
    /// </summary>
    public nint GetSealedVirtualSlot(int index)
    {
        if ((_flags & HasSealedVTableEntriesFlag) == 0)
            return 0;
        int* entry = (int*)Follow(SealedVTablePointer) + index;
        return (nint)Follow(entry);
    }

    /// <summary>For a generic instantiation with one type argument, that argument's MethodTable.</summary>
    public MethodTable* SingleTypeArgument
    {
        get
        {
            if ((_flags & IsGenericFlag) == 0 || HasComponentSize)
                return null;
            int* next = SealedVTablePointer;
            if ((_flags & HasSealedVTableEntriesFlag) != 0)
                next++;
            return (MethodTable*)Follow(next + 1); // past the generic definition
        }
    }
}
