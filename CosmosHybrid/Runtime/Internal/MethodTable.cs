using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// The type descriptor ILC emits for every type (its "EEType"). Only the fields
/// the runtime reads are named; the layout is ILC 10's.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe partial struct MethodTable
{
    // Low 16 bits: the element size of arrays and strings (when HasComponentSize is set).
    private uint _flags;
    private uint _baseSize;
    private MethodTable* _relatedType;
    private ushort _vtableSlotCount;
    private ushort _interfaceCount;
    private uint _hashCode;

    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint HasPointersFlag = 0x01000000;
    private const uint HasDispatchMapFlag = 0x00040000;
    private const uint KindMask = 0x00030000;
    private const uint ParameterizedKind = 0x00020000;
    private const int ElementTypeShift = 26;
    private const uint ElementTypeMask = 0x1F;

    /// <summary>Element type code of an interface (ILC's EETypeElementType.Interface).</summary>
    private const uint InterfaceElementType = 21;

    public uint BaseSize => _baseSize;

    public ushort ComponentSize => (_flags & HasComponentSizeFlag) != 0 ? (ushort)_flags : (ushort)0;

    public bool HasComponentSize => (_flags & HasComponentSizeFlag) != 0;

    public bool ContainsGCPointers => (_flags & HasPointersFlag) != 0;

    public bool IsInterface => ((_flags >> ElementTypeShift) & ElementTypeMask) == InterfaceElementType;

    /// <summary>Arrays and pointers: their related type is the element type, not a base class.</summary>
    public bool IsParameterized => (_flags & KindMask) == ParameterizedKind;

    public bool HasDispatchMap => (_flags & HasDispatchMapFlag) != 0;

    /// <summary>The base class, or null for System.Object, interfaces and parameterized types.</summary>
    public MethodTable* BaseType => IsParameterized ? null : _relatedType;

    public MethodTable* ElementType => IsParameterized ? _relatedType : null;

    public int VtableSlotCount => _vtableSlotCount;

    public int InterfaceCount => _interfaceCount;

    private MethodTable* Self
    {
        get { fixed (MethodTable* self = &this) return self; }
    }

    public nint* Vtable => (nint*)((byte*)Self + sizeof(MethodTable));

    public MethodTable** InterfaceMap => (MethodTable**)(Vtable + _vtableSlotCount);

    /// <summary>
    /// The dispatch map maps (interface, slot) to an implementation slot. It is
    /// reached through the optional relative pointers after the interface map:
    /// TypeManager, WritableData, then DispatchMap.
    /// </summary>
    public DispatchMap* DispatchMap
    {
        get
        {
            if (!HasDispatchMap)
                return null;
            int* relativePointers = (int*)(InterfaceMap + _interfaceCount);
            int* dispatchMapPointer = relativePointers + 2;
            return (DispatchMap*)((byte*)dispatchMapPointer + *dispatchMapPointer);
        }
    }
}

/// <summary>Header of a dispatch map; its entries follow.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DispatchMap
{
    public ushort StandardEntryCount;
    public ushort DefaultEntryCount;
    public ushort StandardStaticEntryCount;
    public ushort DefaultStaticEntryCount;
}

[StructLayout(LayoutKind.Sequential)]
internal struct DispatchMapEntry
{
    public ushort InterfaceIndex;
    public ushort InterfaceMethodSlot;
    public ushort ImplementationSlot;
}
