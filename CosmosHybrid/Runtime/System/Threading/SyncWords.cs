using System.Runtime.CompilerServices;
using Internal.Runtime.GC;

namespace System.Threading;

/// <summary>
/// Where an object's <see cref="Monitor"/> lock lives: its header word, just before the
/// MethodTable pointer (as .NET's thin locks), 8 bytes holding the <see cref="ThinLock"/> state
/// (low half) and recursion count (high half). Heap objects get a zero header when allocated and
/// ILC gives its frozen objects (string literals, preinitialized statics) one in the writable
/// image (see ObjectModel), so finding the word is one subtraction, with no call.
/// </summary>
internal static unsafe class SyncWords
{
    /// <summary>The state word of <paramref name="obj"/>'s lock; its recursion count is the next int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int* Of(object obj)
    {
        if (obj == null)
            ThrowArgumentNull();
        return (int*)(ObjectModel.AddressOf(obj) - ObjectModel.HeaderSize);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull() => throw new ArgumentNullException("obj");
}
