using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// Memory copy and fill. ILC looks some of these up by name. Copies move
/// 8 bytes at a time: under QEMU icount a byte loop or `rep movsb` costs per byte;
/// from <see cref="StringMoveThreshold"/> bytes on, forward copies and fills use
/// `rep movsq`/`rep stosq` (RuntimeStubs.asm), one tick per 8 bytes.
/// </summary>
internal static unsafe class SpanHelpers
{
    private const nuint StringMoveThreshold = 64;

    [DllImport("*", EntryPoint = "RhpCopyQwordsForward"), SuppressGCTransition]
    private static extern void CopyQwordsForward(byte* destination, byte* source, nuint count);

    [DllImport("*", EntryPoint = "RhpFillQwords"), SuppressGCTransition]
    private static extern void FillQwords(byte* destination, ulong pattern, nuint count);

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
            nuint i = 0;
            if (byteCount >= StringMoveThreshold)
            {
                i = byteCount & ~(nuint)7;
                CopyQwordsForward(destination, source, byteCount >> 3);
            }
            for (; i + 8 <= byteCount; i += 8)
                *(ulong*)(destination + i) = *(ulong*)(source + i);
            for (; i < byteCount; i++)
                destination[i] = source[i];
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

    public static void Fill(ref byte destination, nuint byteCount, byte value)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref destination);
        ulong pattern = value * 0x0101010101010101UL;
        nuint i = 0;
        if (byteCount >= StringMoveThreshold)
        {
            i = byteCount & ~(nuint)7;
            FillQwords(p, pattern, byteCount >> 3);
        }
        for (; i + 8 <= byteCount; i += 8)
            *(ulong*)(p + i) = pattern;
        for (; i < byteCount; i++)
            p[i] = value;
    }

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
