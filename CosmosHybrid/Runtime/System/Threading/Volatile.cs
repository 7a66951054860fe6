using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>
/// Reads and writes the compiler may not cache, merge or move across each other (acquire
/// reads, release writes), as in .NET: each goes through a <c>volatile</c> field. On x86-64
/// ordinary loads and stores already have those semantics in hardware.
/// </summary>
public static class Volatile
{
    private struct VolatileInt32 { public volatile int Value; }
    private struct VolatileUInt32 { public volatile uint Value; }
    private struct VolatileBoolean { public volatile bool Value; }
    private struct VolatileByte { public volatile byte Value; }
    private struct VolatileIntPtr { public volatile nint Value; }
    private struct VolatileObject { public volatile object Value; }

    public static bool Read(ref readonly bool location) => Unsafe.As<bool, VolatileBoolean>(ref Unsafe.AsRef(in location)).Value;
    public static byte Read(ref readonly byte location) => Unsafe.As<byte, VolatileByte>(ref Unsafe.AsRef(in location)).Value;
    public static int Read(ref readonly int location) => Unsafe.As<int, VolatileInt32>(ref Unsafe.AsRef(in location)).Value;
    public static uint Read(ref readonly uint location) => Unsafe.As<uint, VolatileUInt32>(ref Unsafe.AsRef(in location)).Value;
    public static nint Read(ref readonly nint location) => Unsafe.As<nint, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;
    // 64-bit loads and stores are single instructions on x86-64: atomic when aligned.
    public static long Read(ref readonly long location) => (long)Unsafe.As<long, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;
    public static T Read<T>(ref readonly T location) where T : class =>
        Unsafe.As<T>(Unsafe.As<T, VolatileObject>(ref Unsafe.AsRef(in location)).Value);

    public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;
    public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;
    public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt32>(ref location).Value = value;
    public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;
    public static void Write(ref nint location, nint value) => Unsafe.As<nint, VolatileIntPtr>(ref location).Value = value;
    public static void Write(ref long location, long value) => Unsafe.As<long, VolatileIntPtr>(ref location).Value = (nint)value;
    public static void Write<T>(ref T location, T value) where T : class => Unsafe.As<T, VolatileObject>(ref location).Value = value;
}
