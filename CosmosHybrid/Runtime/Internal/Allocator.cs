using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

/// <summary>
/// Object allocation. A bump pointer runs through chunks of pages taken from
/// <see cref="RuntimeHost.AllocatePages"/>; large objects get pages of their own.
/// Nothing is reclaimed yet: the garbage collector is a later step.
/// </summary>
internal static unsafe class Allocator
{
    private const nuint PageSize = 4096;
    private const nuint ChunkSize = 256 * 1024;
    private const nuint LargeObjectSize = 32 * 1024;

    private static byte* s_current;
    private static byte* s_limit;
    private static nuint s_bytesAllocated;

    public static nuint BytesAllocated => s_bytesAllocated;

    [RuntimeExport("RhpNewFast")]
    public static object NewObject(MethodTable* type) => AllocateRaw(type, type->BaseSize);

    [RuntimeExport("RhpNewArrayFast")]
    public static object NewArray(MethodTable* type, int length) => AllocateArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    public static object NewPointerArray(MethodTable* type, int length) => AllocateArray(type, length);

    [RuntimeExport("RhpNewArray")]
    public static object NewArrayGeneric(MethodTable* type, int length) => AllocateArray(type, length);

    public static object AllocateArray(MethodTable* type, int length)
    {
        if (length < 0)
            throw new OverflowException();
        nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
        object array = AllocateRaw(type, size);
        *(int*)(AddressOf(array) + sizeof(nint)) = length;
        return array;
    }

    private static byte* AddressOf(object o) => *(byte**)Unsafe.AsPointer(ref o);

    private static object AllocateRaw(MethodTable* type, nuint size)
    {
        size = (size + 7) & ~(nuint)7;
        byte* memory = size >= LargeObjectSize ? AllocateLarge(size) : Bump(size);
        if (memory == null)
            RuntimeHost.FailFast("out of memory", "the heap could not grow");

        *(MethodTable**)memory = type;
        s_bytesAllocated += size;
        return Unsafe.AsRef<object>(&memory);
    }

    private static byte* Bump(nuint size)
    {
        if (s_current + size > s_limit || s_current == null)
        {
            byte* chunk = (byte*)RuntimeHost.AllocatePages(ChunkSize / PageSize);
            if (chunk == null)
                return null;
            s_current = chunk;
            s_limit = chunk + ChunkSize;
        }
        byte* result = s_current;
        s_current += size;
        return result;
    }

    private static byte* AllocateLarge(nuint size) =>
        (byte*)RuntimeHost.AllocatePages((size + PageSize - 1) / PageSize);
}
