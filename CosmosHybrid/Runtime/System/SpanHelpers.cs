using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// Memory copy and fill, for the whole runtime and the kernel. ILC looks some of these
/// up by name. Bulk work is REP MOVSQ/STOSQ in RuntimeStubs.asm: 8 bytes per step, and
/// the cheapest form under QEMU icount, which charges string instructions per element.
/// </summary>
internal static unsafe class SpanHelpers
{
    [DllImport("*", EntryPoint = "RhpMemoryCopy"), SuppressGCTransition]
    private static extern void CopyForward(byte* destination, byte* source, nuint byteCount);

    [DllImport("*", EntryPoint = "RhpMemoryFill"), SuppressGCTransition]
    private static extern void FillBytes(byte* destination, byte value, nuint byteCount);

    public static void Copy<T>(ref T destination, ref T source, int count)
    {
        nuint bytes = (nuint)count * (nuint)Unsafe.SizeOf<T>();
        Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), bytes);
    }

    public static void Memmove(ref byte destination, ref byte source, nuint byteCount) =>
        Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);

    public static void Memmove(byte* destination, byte* source, nuint byteCount)
    {
        if (destination == source || byteCount == 0)
            return;

        if (destination < source || destination >= source + byteCount)
        {
            CopyForward(destination, source, byteCount);
        }
        else
        {
            // Overlapping with destination above source: copy backwards.
            nuint i = byteCount;
            for (; i >= 8; i -= 8)
                *(ulong*)(destination + i - 8) = *(ulong*)(source + i - 8);
            for (; i > 0; i--)
                destination[i - 1] = source[i - 1];
        }
    }

    public static void Fill(ref byte destination, nuint byteCount, byte value) =>
        FillBytes((byte*)Unsafe.AsPointer(ref destination), value, byteCount);

    public static void Clear(byte* destination, nuint byteCount) => FillBytes(destination, 0, byteCount);

    public static void ClearWithoutReferences(ref byte destination, nuint byteCount) => Fill(ref destination, byteCount, 0);

    public static void ClearWithReferences(ref nint destination, nuint pointerCount) =>
        Fill(ref Unsafe.As<nint, byte>(ref destination), pointerCount * (nuint)sizeof(nint), 0);
}

/// <summary>Block copies that ILC calls for struct copies and array moves.</summary>
public static unsafe class Buffer
{
    internal static void Memmove(ref byte destination, ref byte source, nuint byteCount) =>
        SpanHelpers.Memmove(ref destination, ref source, byteCount);

    internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
        SpanHelpers.Memmove(ref destination, ref source, byteCount);

    internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount) =>
        SpanHelpers.Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

    public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy) =>
        SpanHelpers.Memmove((byte*)destination, (byte*)source, (nuint)sourceBytesToCopy);
}
