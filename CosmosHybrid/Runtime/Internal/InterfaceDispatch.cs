using System.Runtime;

namespace Internal.Runtime;

/// <summary>
/// Resolves an interface call. The assembly stub RhpInitialDynamicInterfaceDispatch
/// saves the argument registers and calls <see cref="Resolve"/> with the object and
/// the call site's dispatch cell; it then jumps to the returned code address.
/// </summary>
internal static unsafe class InterfaceDispatch
{
    // Cell word 1 holds a 32-bit relative pointer to the interface type (low bits are flags)
    // and the interface slot number in its upper half.
    private const int FlagMask = 3;

    [RuntimeExport("RhpResolveInterfaceDispatch")]
    public static nint Resolve(MethodTable** obj, nint* cell)
    {
        int* relative = (int*)(cell + 1);
        MethodTable* itf = (MethodTable*)((byte*)relative + (*relative & ~FlagMask));
        ushort slot = (ushort)((ulong)cell[1] >> 32);

        MethodTable* objectType = *obj;
        for (MethodTable* type = objectType; type != null; type = type->BaseType)
        {
            int implementation = FindImplementationSlot(type, itf, slot);
            if (implementation >= 0)
                return objectType->Vtable[implementation];
        }

        RuntimeHost.FailFast("interface dispatch failed", RuntimeHost.DescribeType(objectType));
        return 0;
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
