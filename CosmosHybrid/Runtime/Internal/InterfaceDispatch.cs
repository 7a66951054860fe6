using System.Runtime;
using System.Threading;

namespace Internal.Runtime;

/// <summary>
/// Resolves an interface call. The assembly stub RhpInitialDynamicInterfaceDispatch
/// saves the argument registers and calls <see cref="Resolve"/> with the object and
/// the call site's dispatch cell; it then jumps to the returned code address.
/// A cell is two words: the stub, then a 32-bit reference to the interface type with
/// flags in its low two bits. Cells that call the same interface slot are laid out in a
/// run that ends with a terminator cell (stub word 0) whose second word holds the slot.
/// After a call is resolved, <see cref="InterfaceDispatchCache"/> points the cell at a cache
/// of (type, target) pairs that a short stub checks first, so only the first call of a type
/// through a cell (and the types beyond a cell's four cached ones) comes here.
/// Variance (IEnumerable&lt;string&gt; called as IEnumerable&lt;object&gt;) and default
/// interface methods are not supported.
/// </summary>
internal static unsafe class InterfaceDispatch
{
    private const int FlagMask = 3;
    private const int InterfacePointer = 1;           // absolute MethodTable pointer
    private const int IndirectedRelativePointer = 2;  // relative pointer to a pointer to the MethodTable
    private const int RelativePointer = 3;            // relative pointer to the MethodTable

    [RuntimeExport("RhpResolveInterfaceDispatch")]
    public static nint Resolve(MethodTable** obj, nint* cell)
    {
        MethodTable* objectType = *obj;
        nint observed = Volatile.Read(ref cell[1]);
        MethodTable* itf;
        ushort slot;
        if ((observed & FlagMask) == 0)
        {
            var cache = (InterfaceDispatchCache.Cache*)observed;
            itf = cache->Interface;
            slot = cache->Slot;
        }
        else
        {
            itf = InterfaceOf(cell, observed);
            slot = SlotOf(cell);
        }

        nint target = Find(objectType, itf, slot);
        InterfaceDispatchCache.Add(cell, observed, itf, slot, objectType, target);
        return target;
    }

    private static nint Find(MethodTable* objectType, MethodTable* itf, ushort slot)
    {
        for (MethodTable* type = objectType; type != null; type = type->BaseType)
        {
            int implementation = FindImplementationSlot(type, itf, slot);
            if (implementation < 0)
                continue;
            if (implementation < type->VtableSlotCount)
                return objectType->Vtable[implementation];
            nint target = type->GetSealedVirtualSlot(implementation - type->VtableSlotCount);
            if (target != 0)
                return target;
            break;
        }

        RuntimeHost.FailFast("interface dispatch failed", RuntimeHost.DescribeType(objectType) + " does not implement " + RuntimeHost.DescribeType(itf));
        return 0;
    }

    private static MethodTable* InterfaceOf(nint* cell, nint value)
    {
        int* relative = (int*)(cell + 1);
        switch ((int)value & FlagMask)
        {
            case RelativePointer:
                return (MethodTable*)((byte*)relative + (*relative & ~FlagMask));
            case IndirectedRelativePointer:
                return *(MethodTable**)((byte*)relative + (*relative & ~FlagMask));
            case InterfacePointer:
                return (MethodTable*)(value & ~(nint)FlagMask);
            default:
                RuntimeHost.FailFast("interface dispatch failed", "unexpected dispatch cell kind");
                return null;
        }
    }

    // The slot is stored once per run of cells, in the terminator that follows them.
    private static ushort SlotOf(nint* cell)
    {
        while (cell[0] != 0)
            cell += 2;
        return (ushort)cell[1];
    }

    private static int FindImplementationSlot(MethodTable* type, MethodTable* itf, ushort slot)
    {
        DispatchMap* map = type->DispatchMap;
        if (map == null)
            return -1;

        MethodTable** interfaces = type->InterfaceMap;
        DispatchMapEntry* entries = (DispatchMapEntry*)(map + 1);
        int count = map->StandardEntryCount + map->DefaultEntryCount;
        for (int i = 0; i < count; i++)
        {
            if (entries[i].InterfaceMethodSlot == slot && interfaces[entries[i].InterfaceIndex] == itf)
                return entries[i].ImplementationSlot;
        }
        return -1;
    }
}
